/// Reads a message's trailers as `git interpret-trailers --parse` does: only the last paragraph (never
/// the subject), `Key: value` lines, continuation lines (starting with white space) unfolded, and a
/// paragraph counted as trailers only when all its lines are trailers, or a quarter of them with a
/// git-generated one (`Signed-off-by: `, `(cherry picked from commit `) among them.
///
/// libgit2 1.5's `git_message_trailers` is not used: it returns nothing when the message has a `---` line.
package enum TrailerParser {
    static let gitGeneratedPrefixes: [[UInt8]] = ["Signed-off-by: ", "(cherry picked from commit "].map { Array($0.utf8) }

    package static func parse(_ message: String) -> [Trailer] {
        parse(MessageLines(message))
    }

    package static func parse(_ message: MessageLines) -> [Trailer] {
        let lines = message.lines
        // The first paragraph is the title and cannot hold trailers.
        var endOfTitle = 0
        while endOfTitle < lines.count, !message.isBlank(endOfTitle) { endOfTitle += 1 }
        let end = endOfLogMessage(message)
        guard endOfTitle < end, let start = trailerBlockStart(message, from: endOfTitle, to: end) else { return [] }
        return trailers(message, lines: start..<end)
    }

    /// The first line of the trailer block among `endOfTitle..<end`, read from the end as git does;
    /// nil when the last paragraph is not trailers.
    static func trailerBlockStart(_ message: MessageLines, from endOfTitle: Int, to end: Int) -> Int? {
        let lines = message.lines, bytes = message.bytes

        var trailerLines = 0, nonTrailerLines = 0, possibleContinuations = 0
        var recognizedPrefix = false, onlySpaces = true
        var start: Int?
        var index = end - 1
        while index >= endOfTitle {
            let line = lines[index]
            if !line.isEmpty && bytes[line.lowerBound] == UInt8(ascii: "#") {
                nonTrailerLines += possibleContinuations
                possibleContinuations = 0
            } else if message.isBlank(index) {
                if !onlySpaces {
                    nonTrailerLines += possibleContinuations
                    if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) || (trailerLines > 0 && nonTrailerLines == 0) {
                        start = index + 1
                    }
                    break
                }
            } else {
                onlySpaces = false
                let first = bytes[line.lowerBound]
                if gitGeneratedPrefixes.contains(where: { hasPrefix(bytes, line, $0) }) {
                    trailerLines += 1
                    possibleContinuations = 0
                    recognizedPrefix = true
                } else if !MessageLines.isSpace(first), let separator = separatorIndex(bytes, line), separator > line.lowerBound {
                    trailerLines += 1
                    possibleContinuations = 0
                } else if MessageLines.isSpace(first) {
                    possibleContinuations += 1
                } else {
                    nonTrailerLines += 1 + possibleContinuations
                    possibleContinuations = 0
                }
            }
            index -= 1
        }
        return start
    }

    /// The trailers on `range`, continuation lines unfolded.
    static func trailers(_ message: MessageLines, lines range: Range<Int>) -> [Trailer] {
        let lines = message.lines, bytes = message.bytes
        var trailers: [Trailer] = []
        var current: Trailer?
        for index in range where !message.isBlank(index) {
            let line = lines[index]
            let first = bytes[line.lowerBound]
            if first == UInt8(ascii: "#") { continue }
            if MessageLines.isSpace(first) {
                // Unfolded as git does: the pieces joined by one space, the whole trimmed (a value
                // that starts on the next line has no leading space).
                if let value = current?.value {
                    let piece = message.string(message.trimmed(line))
                    current!.value = value.isEmpty ? piece : value + " " + piece
                }
                continue
            }
            if let trailer = current { trailers.append(trailer) }
            current = nil
            if let separator = separatorIndex(bytes, line), separator > line.lowerBound {
                let key = message.string(message.trimmed(line.lowerBound..<separator))
                let value = message.string(message.trimmed((separator + 1)..<line.upperBound))
                current = Trailer(key: key, value: value)
            }
        }
        if let trailer = current { trailers.append(trailer) }
        return trailers
    }

    static let conflictsLine = Array("Conflicts:".utf8)

    /// Where git stops reading the message for trailers (`ignored_log_message_bytes`): a final run of
    /// empty and comment lines, and an old-style `Conflicts:` block (its paths on tab-indented lines),
    /// which `git merge` used to append, are not part of it.
    static func endOfLogMessage(_ message: MessageLines) -> Int {
        let lines = message.lines, bytes = message.bytes
        var runStart: Int?
        var inConflictsBlock = false
        for (index, line) in lines.enumerated() {
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") {
                if runStart == nil { runStart = index }
            } else if bytes[line].elementsEqual(conflictsLine) {
                inConflictsBlock = true
                if runStart == nil { runStart = index }
            } else if inConflictsBlock && bytes[line.lowerBound] == 0x09 {
                continue
            } else if runStart != nil {
                runStart = nil
                inConflictsBlock = false
            }
        }
        return runStart ?? lines.count
    }

    static func hasPrefix(_ bytes: [UInt8], _ line: Range<Int>, _ prefix: [UInt8]) -> Bool {
        guard line.count >= prefix.count else { return false }
        for i in 0..<prefix.count where bytes[line.lowerBound + i] != prefix[i] { return false }
        return true
    }

    /// git's find_separator: a token of ASCII letters, digits and `-`, optional blanks, then `:`.
    static func separatorIndex(_ bytes: [UInt8], _ line: Range<Int>) -> Int? {
        var whitespaceFound = false
        for index in line {
            let c = bytes[index]
            if c == UInt8(ascii: ":") { return index }
            let isToken = (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == UInt8(ascii: "-")
            if !whitespaceFound && isToken { continue }
            if index != line.lowerBound && (c == 0x20 || c == 0x09) {
                whitespaceFound = true
                continue
            }
            return nil
        }
        return nil
    }
}
