import Foundation

/// A Conventional Commits prefix, `type(scope)!: description` (https://www.conventionalcommits.org).
/// The shipped `conventional_*` rules decide on it; `model train` learns from the category it implies
/// and strips it, so the model learns from the words that remain, as it meets commits without one.
package struct ConventionalPrefix: Sendable, Hashable {
    /// The type as written, lowercased (`feat`, `fix`, …).
    package var type: String
    /// The subject after the prefix and the spaces that follow it.
    package var description: Substring

    /// The types of the specification and of its common presets, with the category each implies (as
    /// the shared corpus maps them). Other words before a colon (`v3:`, `services:`) name a component.
    package static let categories: [String: Category] = {
        var table: [String: Category] = [
            "feat": .investment, "feature": .investment,
            "refactor": .support, "refactoring": .support,
        ]
        for type in [
            "fix", "fixes", "bugfix", "hotfix", "perf", "docs", "doc", "test", "tests", "build", "ci",
            "chore", "style", "revert", "release", "deps", "bump", "security", "upgrade",
        ] {
            table[type] = .maintenance
        }
        return table
    }()

    /// The category the type implies, nil for a type that is not a kind of work.
    package var category: Category? { Self.categories[type] }

    /// Parses `word(scope)!:` followed by a space (or the end) at the start of a subject: a word of
    /// letters, digits, `-` and `_` starting with a letter, an optional parenthesised scope, an
    /// optional `!`. Nil when the subject has no such prefix.
    package init?(_ subject: Substring) {
        var index = subject.startIndex
        while index < subject.endIndex, subject[index] == " " { index = subject.index(after: index) }
        let typeStart = index
        guard index < subject.endIndex, subject[index].isASCII, subject[index].isLetter else { return nil }
        while index < subject.endIndex, subject[index].isASCII,
            subject[index].isLetter || subject[index].isNumber || subject[index] == "-" || subject[index] == "_"
        {
            index = subject.index(after: index)
        }
        let type = subject[typeStart..<index].lowercased()
        if index < subject.endIndex, subject[index] == "(" {
            guard let close = subject[index...].firstIndex(of: ")") else { return nil }
            index = subject.index(after: close)
        }
        if index < subject.endIndex, subject[index] == "!" { index = subject.index(after: index) }
        guard index < subject.endIndex, subject[index] == ":" else { return nil }
        index = subject.index(after: index)
        guard index == subject.endIndex || subject[index].isWhitespace else { return nil }
        while index < subject.endIndex, subject[index].isWhitespace { index = subject.index(after: index) }
        self.type = type
        self.description = subject[index...]
    }
}
