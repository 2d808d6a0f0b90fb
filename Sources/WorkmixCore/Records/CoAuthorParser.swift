import Foundation

/// Finds the people a message names as co-authors (SPEC 2.1). Real messages put `Co-authored-by` lines
/// anywhere (mid-body in squash merges, indented, after a `-` bullet), spell the key many ways
/// (`CoAuthored-by`, `co-authored by`, no colon) and the value too (`Name email`, a stray `<`, a bare
/// `@handle`), so every line is read, tolerantly.
public struct CoAuthorParser: Sendable {
    /// The keys that name a partner, e.g. `Co-authored-by`, `Signed-off-by`.
    public let keys: [String]
    private let matchers: [KeyMatcher]

    public static let defaultKeys = ["Co-authored-by"]

    public init(keys: [String] = CoAuthorParser.defaultKeys) {
        self.keys = keys
        self.matchers = keys.map(KeyMatcher.init)
    }

    /// The people named, in order, as written (not yet canonicalised or deduplicated).
    public func people(in message: String) -> [Person] {
        people(in: MessageLines(message))
    }

    public func people(in message: MessageLines) -> [Person] {
        var people: [Person] = []
        let bytes = message.bytes
        for line in message.lines {
            var position = line.lowerBound
            func skipBlanks() {
                while position < line.upperBound && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
            }
            skipBlanks()
            guard position < line.upperBound else { continue }
            // A bullet: `-`, `*` or `•` (E2 80 A2).
            if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "*") {
                position += 1
                skipBlanks()
            } else if bytes[position] == 0xE2, position + 2 < line.upperBound,
                      bytes[position + 1] == 0x80, bytes[position + 2] == 0xA2 {
                position += 3
                skipBlanks()
            }
            for matcher in matchers {
                if let valueStart = matcher.valueStart(bytes, from: position, to: line.upperBound) {
                    if let person = Self.person(from: Substring(message.string(valueStart..<line.upperBound))) {
                        people.append(person)
                    }
                    break
                }
            }
        }
        return people
    }

    /// Parses `Name <email>`, `Name email@host`, `Name <email><`, `Name`, `@handle`.
    /// Returns nil for an empty value or a bracketed value that is no email (`<https://…>`, `<null>`).
    public static func person(from rawValue: Substring) -> Person? {
        var value = rawValue.trimmingWhitespace()
        while value.hasSuffix("<") { value = String(value.dropLast()).trimmingWhitespace() }
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
        if let last = words.last, words.count >= 1, looksLikeEmail(last) {
            let name = words.dropLast().joined(separator: " ")
            return Person(name: name.isEmpty ? String(last) : name, email: String(last))
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
