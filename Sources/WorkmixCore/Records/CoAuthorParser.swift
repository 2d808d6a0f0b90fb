import Foundation

/// Finds the people a message names as co-authors (SPEC 2.1). Real messages put `Co-authored-by` lines
/// anywhere (mid-body in squash merges, indented, after a `-` bullet), spell the key many ways
/// (`CoAuthored-by`, `co-authored by`, no colon) and the value too (`Name email`, a stray `<`, a bare
/// `@handle`), so every line is read, tolerantly.
package struct CoAuthorParser: Sendable {
    /// The keys that name a partner, e.g. `Co-authored-by`, `Signed-off-by`.
    package let keys: [String]
    private let matchers: [KeyMatcher]

    package static let defaultKeys = ["Co-authored-by"]

    package init(keys: [String] = CoAuthorParser.defaultKeys) {
        self.keys = keys
        self.matchers = keys.map(KeyMatcher.init)
    }

    /// The people named, in order, as written (not yet canonicalised or deduplicated).
    package func people(in message: String) -> [Person] {
        people(in: MessageLines(message))
    }

    package func people(in message: MessageLines) -> [Person] {
        var people: [Person] = []
        let lines = message.lines
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard let (indent, valueStart) = keyValue(message, lines[index]) else { continue }
            guard var person = Self.person(from: Substring(message.string(valueStart..<lines[index].upperBound))) else { continue }
            if person.email.isEmpty, index + 1 < lines.count,
                let continuation = continuation(message, lines[index + 1], afterKeyLineIndentedBy: indent)
            {
                // The folded value, as `git interpret-trailers` unfolds it: may still be no person (`<https://…>`).
                index += 1
                guard let unfolded = Self.person(from: Substring(person.name + " " + continuation)) else { continue }
                person = unfolded
            }
            people.append(person)
        }
        return people
    }

    /// When `line` is a key line: its indentation (leading blanks, in bytes) and where its value starts.
    private func keyValue(_ message: MessageLines, _ line: Range<Int>) -> (indent: Int, valueStart: Int)? {
        let bytes = message.bytes
        var position = line.lowerBound
        func skipBlanks() {
            while position < line.upperBound && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
        }
        skipBlanks()
        let indent = position - line.lowerBound
        guard position < line.upperBound else { return nil }
        // A bullet: `-`, `*` or `•` (E2 80 A2).
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "*") {
            position += 1
            skipBlanks()
        } else if bytes[position] == 0xE2, position + 2 < line.upperBound,
            bytes[position + 1] == 0x80, bytes[position + 2] == 0xA2
        {
            position += 3
            skipBlanks()
        }
        for matcher in matchers {
            if let valueStart = matcher.valueStart(bytes, from: position, to: line.upperBound) { return (indent, valueStart) }
        }
        return nil
    }

    /// The rest of a folded value (`Co-authored-by: Quinn` then `  <quinn@x.io>`), else nil.
    ///
    /// `git interpret-trailers` unfolds any indented line into the trailer above it, but here key lines
    /// are read anywhere in a message, and squash merges list them indented, one after another, among
    /// indented prose. So a line continues a co-author value only when all of these hold (the caller
    /// asks only for a value that named someone but gave no email):
    /// - it is indented more than the key line itself (leading spaces and tabs, counted in bytes,
    ///   before any bullet), and is not blank;
    /// - it is no key line itself (two co-author lines in a row are two people, however indented);
    /// - trimmed, it starts with `<` (`<quinn@x.io>`, also `<https://…>`, which then makes the whole
    ///   value no person, as unfolded) or is one bare email (`quinn@x.io`).
    /// At most one line is joined. An empty value is not completed by the next line: it stays skipped.
    private func continuation(_ message: MessageLines, _ line: Range<Int>, afterKeyLineIndentedBy keyIndent: Int) -> String? {
        let bytes = message.bytes
        var position = line.lowerBound
        while position < line.upperBound && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
        guard position - line.lowerBound > keyIndent else { return nil }
        let text = message.trimmed(line)
        guard !text.isEmpty, keyValue(message, line) == nil else { return nil }
        let string = message.string(text)
        guard bytes[text.lowerBound] == UInt8(ascii: "<") || Self.looksLikeEmail(string) else { return nil }
        return string
    }

    /// Parses `Name <email>`, `Name email@host`, `Name (email@host)`, `Name <email><`, `Name email@host>`,
    /// `Name`, `@handle`. Returns nil for an empty value or a bracketed value that is no email
    /// (`<https://…>`, `<null>`).
    package static func person(from rawValue: Substring) -> Person? {
        var value = rawValue.trimmingWhitespace()
        while value.hasSuffix("<") { value = String(value.dropLast()).trimmingWhitespace() }
        // A stray trailing `>` is one that closes no `<`.
        if !value.contains("<") {
            while value.hasSuffix(">") { value = String(value.dropLast()).trimmingWhitespace() }
        }
        guard !value.isEmpty else { return nil }
        if let open = value.firstIndex(of: "<") {
            let name = value[..<open].trimmingWhitespace()
            let afterOpen = value[value.index(after: open)...]
            let inside = afterOpen.firstIndex(of: ">").map { afterOpen[..<$0] } ?? afterOpen
            let email = inside.trimmingWhitespace()
            guard looksLikeEmail(email) else { return nil }
            return Person(name: name, email: email)
        }
        let words = value.split(whereSeparator: \.isWhitespace)
        if var last = words.last {
            // `Name (email@host)`: the parentheses are not the email's.
            if last.count > 2, last.hasPrefix("("), last.hasSuffix(")") { last = last.dropFirst().dropLast() }
            if looksLikeEmail(last) {
                let name = words.dropLast().joined(separator: " ")
                return Person(name: name.isEmpty ? String(last) : name, email: String(last))
            }
        }
        return Person(name: value, email: "")
    }

    static func looksLikeEmail<S: StringProtocol>(_ text: S) -> Bool {
        guard let at = text.firstIndex(of: "@"), at != text.startIndex else { return false }
        let domain = text[text.index(after: at)...]
        return !domain.isEmpty && !text.contains(where: \.isWhitespace) && !text.contains("://")
            && !text.contains("<") && !text.contains(">")
    }
}

/// Matches one key written loosely: case-insensitive, `-` or a space or nothing between its words,
/// then `:` or not.
private struct KeyMatcher: Sendable {
    /// The key's words, lowercased ASCII bytes.
    let words: [[UInt8]]

    init(key: String) {
        words = key.lowercased().split(whereSeparator: { $0 == "-" || $0 == " " }).map { Array($0.utf8) }
    }

    /// Where the value starts when the text at `from` is this key, else nil.
    func valueStart(_ bytes: [UInt8], from: Int, to end: Int) -> Int? {
        var position = from
        for (i, word) in words.enumerated() {
            if i > 0, position < end, bytes[position] == UInt8(ascii: "-") || bytes[position] == 0x20 { position += 1 }
            guard end - position >= word.count else { return nil }
            for expected in word {
                var byte = bytes[position]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                guard byte == expected else { return nil }
                position += 1
            }
        }
        let afterKey = position
        while position < end && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
        if position < end && bytes[position] == UInt8(ascii: ":") { return position + 1 }
        // Without a colon the key must end at a word boundary ("Co-authored-by Jane", not "Co-authored-bytes").
        guard afterKey < end, bytes[afterKey] == 0x20 || bytes[afterKey] == 0x09 else { return nil }
        return position
    }
}
