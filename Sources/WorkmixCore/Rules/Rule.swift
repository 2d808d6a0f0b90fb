import Foundation

/// One rule of a rule file (SPEC 4): when `matcher` holds, the commit gets `verdict`.
package struct Rule: Sendable, Hashable {
    /// What a matching rule decides: a category, or `skip` (the commit counts nowhere).
    package enum Verdict: Sendable, Hashable, CustomStringConvertible {
        case category(Category)
        case skip

        package var description: String {
            switch self {
            case .category(let category): return category.rawValue
            case .skip: return "skip"
            }
        }
    }

    /// snake_case, unique among the rules in force.
    package var id: String
    package var verdict: Verdict
    package var description: String
    package var matcher: Matcher
    package var examples: [RuleExample]
    /// The file and line of the rule's `id`, for `rules list` and error messages.
    package var source: SourceLocation

    package init(
        id: String, verdict: Verdict, description: String = "", matcher: Matcher,
        examples: [RuleExample] = [], source: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.verdict = verdict
        self.description = description
        self.matcher = matcher
        self.examples = examples
        self.source = source
    }

    package var needsFileChanges: Bool { matcher.needsFileChanges }

    /// The classification this rule gives when it decides.
    func classification(evidence: [String], unevaluated: [String] = []) -> Classification {
        var classification: Classification
        switch verdict {
        case .category(let category): classification = Classification(category: category, ruleID: id, evidence: evidence)
        case .skip: classification = Classification(category: .unclassified, ruleID: id, skipped: true, evidence: evidence)
        }
        classification.unevaluated = unevaluated
        return classification
    }
}
