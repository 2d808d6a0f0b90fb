import Foundation

/// What the rules decided for one commit.
public struct Classification: Hashable, Sendable {
    /// `unclassified` when no rule matched; meaningless when `skipped`.
    public var category: Category
    /// The id of the rule that decided (`override` for a config override), nil when none matched.
    public var ruleID: String?
    /// A rule (or override) said `skip`: the commit counts nowhere.
    public var skipped: Bool
    /// Which matchers matched, for `--explain`.
    public var evidence: [String]
    /// Rules evaluated before the verdict that the regex engine could not decide (it gave up on a
    /// pattern: too much backtracking): any of them might have decided otherwise.
    public var unevaluated: [String] = []

    public init(category: Category, ruleID: String? = nil, skipped: Bool = false, evidence: [String] = []) {
        self.category = category
        self.ruleID = ruleID
        self.skipped = skipped
        self.evidence = evidence
    }

    public static let unclassified = Classification(category: .unclassified)
}

/// A commit record with its classification: what every report aggregates.
public struct ClassifiedCommit: Hashable, Sendable {
    public var record: CommitRecord
    public var classification: Classification

    public init(record: CommitRecord, classification: Classification) {
        self.record = record
        self.classification = classification
    }
}
