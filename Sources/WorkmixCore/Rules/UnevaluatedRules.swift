import Foundation
import Synchronization

/// Rules that the regex engine could not decide on some commits of a run (PCRE2 gave up on a pattern
/// that backtracks catastrophically, `^(?:(a+)+$|a*!$)` against `aaa…a!`): each such commit went on
/// to the next rule, so it may be classified otherwise than the rule meant. Reported once at the end
/// of a run, and counted in JSON output as `unevaluated`.
package struct UnevaluatedRules: Sendable, Hashable {
    package struct Entry: Sendable, Hashable {
        package var ruleID: String
        /// Where the rule is written (its `id` line); nil for a rule no longer in the rule set.
        package var source: SourceLocation?
        /// Commits it could not decide.
        package var commits: Int
    }

    /// Commits on which at least one rule could not be decided.
    package var commits: Int
    /// Each rule that could not be decided, in rule order.
    package var rules: [Entry]

    package var isEmpty: Bool { commits == 0 }

    /// The warning to give at the end of a run, if the engine gave up at all.
    package var warnings: [RunWarning] { isEmpty ? [] : [.rulesUnevaluated(self)] }
}

/// Counts, over a run, the commits whose classification left rules unevaluated. Commits are classified
/// on several threads, so it is a class with its counts behind a mutex.
package final class UnevaluatedRuleTally: Sendable {
    private let counts = Mutex((commits: 0, perRule: [String: Int]()))

    package init() {}

    package func note(_ classification: Classification) {
        guard !classification.unevaluated.isEmpty else { return }
        counts.withLock { counts in
            counts.commits += 1
            for ruleID in classification.unevaluated { counts.perRule[ruleID, default: 0] += 1 }
        }
    }

    /// Commits some rule could not be evaluated on, so far.
    package var commitCount: Int { counts.withLock { $0.commits } }

    /// The warning to give at the end of a run, if the engine gave up at all.
    package func warnings(in ruleSet: RuleSet) -> [RunWarning] {
        summary(in: ruleSet).warnings
    }

    /// The tally so far, rules in the order `ruleSet` evaluates them.
    package func summary(in ruleSet: RuleSet) -> UnevaluatedRules {
        let (commits, perRule) = counts.withLock { ($0.commits, $0.perRule) }
        let order = Dictionary(ruleSet.rules.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let entries = perRule.map { id, count in
            UnevaluatedRules.Entry(ruleID: id, source: ruleSet.rule(id: id)?.source, commits: count)
        }.sorted { (order[$0.ruleID] ?? .max, $0.ruleID) < (order[$1.ruleID] ?? .max, $1.ruleID) }
        return UnevaluatedRules(commits: commits, rules: entries)
    }
}
