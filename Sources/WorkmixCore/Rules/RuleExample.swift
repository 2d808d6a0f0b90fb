import Foundation

/// An example beside a rule (SwiftLint style): a commit described by its message and optionally its
/// author, files and merge-ness, and the verdict the whole rule set in force must give it.
package struct RuleExample: Sendable, Hashable {
    package enum Expectation: Sendable, Hashable, CustomStringConvertible {
        /// `expect: investment|maintenance|support|unclassified|skip`.
        case verdict(Rule.Verdict)
        /// `expect_not: <category>`: the final category must differ (a skip differs from every category).
        case notCategory(Category)
        /// `expect_not: skip`.
        case notSkipped
        /// `expect_not: <rule id>`: that rule must not be the one that decides.
        case notRule(String)

        package var description: String {
            switch self {
            case .verdict(let verdict): return "expect \(verdict)"
            case .notCategory(let category): return "expect_not \(category.rawValue)"
            case .notSkipped: return "expect_not skip"
            case .notRule(let id): return "expect_not \(id)"
            }
        }
    }

    /// Position among the rule's examples, from 0.
    package var index: Int
    package var message: String
    package var author: Person?
    /// nil when the example names no files: the record's changes are then "not computed", as in a
    /// scan that needs no diffs, and rules on files or line counts do not match it.
    package var files: [FileChange]?
    /// `merge: true` gives the example record two parents.
    package var merge: Bool
    /// `dependencies:` what the example's manifests changed; without it, an example whose files change
    /// no manifest changed no dependency, and one whose files do is unknown.
    package var dependencies: DependencyChanges?
    package var expectation: Expectation
    package var location: SourceLocation

    package init(
        index: Int = 0, message: String, author: Person? = nil, files: [FileChange]? = nil,
        merge: Bool = false, expectation: Expectation, location: SourceLocation = SourceLocation(file: "")
    ) {
        self.index = index
        self.message = message
        self.author = author
        self.files = files
        self.merge = merge
        self.expectation = expectation
        self.location = location
    }

    static let defaultAuthor = Person(name: "Example Author", email: "author@example.com")

    /// The commit record this example describes.
    package var record: CommitRecord {
        let parts = MessageParts.split(message)
        let author = self.author ?? Self.defaultAuthor
        let coAuthors = CoAuthorParser().people(in: message).filter { $0.key != author.key }
        var seen = Set<String>()
        var record = CommitRecord(
            repo: "example", sha: "example-\(index)",
            parents: merge ? ["example-parent-1", "example-parent-2"] : ["example-parent-1"],
            author: author, authoredAt: Timestamp(seconds: 0, offsetMinutes: 0),
            subject: parts.subject, body: parts.body, trailers: TrailerParser.parse(message),
            coAuthors: coAuthors.filter { seen.insert($0.key).inserted },
            changeInfo: files.map { .computed($0) } ?? .notComputed)
        let manifestFiles = files?.contains { Manifest(path: $0.path) != nil }
        record.dependencies = dependencies ?? (manifestFiles == false ? DependencyChanges() : nil)
        return record
    }

    /// Whether `classification` meets the expectation, given the rule set's ids.
    func isMet(by classification: Classification) -> Bool {
        switch expectation {
        case .verdict(.skip): return classification.skipped
        case .verdict(.category(let category)): return !classification.skipped && classification.category == category
        case .notCategory(let category): return classification.skipped || classification.category != category
        case .notSkipped: return !classification.skipped
        case .notRule(let id): return classification.ruleID != id
        }
    }
}
