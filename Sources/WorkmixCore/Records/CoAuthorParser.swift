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
        var people: [Person] = []
        for rawLine in message.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = rawLine.drop { $0.isWhitespace }
            if let first = line.first, first == "-" || first == "*" || first == "•" {
                line = line.dropFirst().drop { $0.isWhitespace }
            }
            for matcher in matchers {
                if let value = matcher.value(after: line) {
                    if let person = Self.person(from: value) { people.append(person) }
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
    let words: [String]

    init(key: String) {
        words = key.lowercased().split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
    }

    func value(after line: Substring) -> Substring? {
        var rest = line
        for (i, word) in words.enumerated() {
            if i > 0, let first = rest.first, first == "-" || first == " " { rest = rest.dropFirst() }
            guard rest.count >= word.count, rest.prefix(word.count).lowercased() == word else { return nil }
            rest = rest.dropFirst(word.count)
        }
        let afterKey = rest.drop { $0 == " " || $0 == "\t" }
        if afterKey.first == ":" { return afterKey.dropFirst() }
        // Without a colon the key must end at a word boundary ("Co-authored-by Jane", not "Co-authored-bytes").
        guard let first = rest.first, first == " " || first == "\t" else { return nil }
        return afterKey
    }
}
