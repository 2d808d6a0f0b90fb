import Foundation

/// A commit message split into lines once, as UTF-8 bytes: the subject, body, trailers and co-authors
/// are all read from it without going through `Character`s (a scan reads a message several times, and
/// grapheme-level string processing cost more than reading the commit from git).
package struct MessageLines {
    package let bytes: [UInt8]
    /// Each line's bytes, without its `\n` or `\r\n`.
    package let lines: [Range<Int>]

    package init(_ message: String) {
        bytes = Array(message.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if bytes[index] == 0x0A {
                var end = index
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(start..<end)
                start = index + 1
            }
            index += 1
        }
        if start < count {
            var end = count
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(start..<end)
        }
        self.lines = lines
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    package func isBlank(_ line: Int) -> Bool {
        lines[line].allSatisfy { Self.isSpace(bytes[$0]) }
    }

    package func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The range without leading and trailing white space.
    package func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && Self.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && Self.isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Lines `from..<to` joined with `\n`.
    package func joined(_ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(lines[to - 1].upperBound - lines[from].lowerBound)
        for line in from..<to {
            if line > from { out.append(0x0A) }
            out.append(contentsOf: bytes[lines[line]])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Subject and body as git splits them for `%s`/`%b`: the first non-blank line, then what follows the
    /// blank line(s) after it, without trailing blank lines; line ends normalised to `\n`.
    package var parts: (subject: String, body: String) {
        var first = 0
        while first < lines.count && isBlank(first) { first += 1 }
        guard first < lines.count else { return ("", "") }
        let subject = string(trimmed(lines[first]))
        var start = first + 1
        while start < lines.count && isBlank(start) { start += 1 }
        var end = lines.count
        while end > start && isBlank(end - 1) { end -= 1 }
        return (subject, joined(start, end))
    }
}
