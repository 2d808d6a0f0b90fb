import Foundation

/// What the rules decided for one commit.
package struct Classification: Hashable, Sendable {
    /// `unclassified` when no rule matched; meaningless when `skipped`.
    package var category: Category
    /// The id of the rule that decided (`override` for a config override), nil when none matched.
    package var ruleID: String?
    /// A rule (or override) said `skip`: the commit counts nowhere.
    package var skipped: Bool
    /// Which matchers matched, for `--explain`.
    package var evidence: [String]
    /// Rules evaluated before the verdict that the regex engine could not decide (it gave up on a
    /// pattern: too much backtracking): any of them might have decided otherwise.
    package var unevaluated: [String] = []

    package init(category: Category, ruleID: String? = nil, skipped: Bool = false, evidence: [String] = []) {
        self.category = category
        self.ruleID = ruleID
        self.skipped = skipped
        self.evidence = evidence
    }

    package static let unclassified = Classification(category: .unclassified)
}

/// A commit record with its classification: what every report aggregates.
package struct ClassifiedCommit: Hashable, Sendable {
    package var record: CommitRecord
    package var classification: Classification

    package init(record: CommitRecord, classification: Classification) {
        self.record = record
        self.classification = classification
    }
}
