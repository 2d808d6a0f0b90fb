import Foundation

/// Runs rules' examples (`workmix rules test`): each example becomes a commit record, classified by the
/// whole rule set in force, so an example states the final verdict, not just its own rule's opinion.
package enum RuleExampleRunner {
    package struct Failure: Sendable, Hashable, CustomStringConvertible {
        package var ruleID: String
        package var example: RuleExample
        package var got: Classification

        /// `rules/20-conventional.yml:42:9: rule conventional_fix, example 2 ("fix: x"): expect maintenance, got investment (rule feature_add)`
        package var description: String {
            let verdict = got.skipped ? "skip" : got.category.rawValue
            let by = got.ruleID.map { " (rule \($0))" } ?? " (no rule matched)"
            return "\(example.location): rule \(ruleID), example \(example.index) (\(quoted(example.message))): "
                + "\(example.expectation), got \(verdict)\(by)"
        }
    }

    package struct Report: Sendable, Hashable {
        package var examplesRun: Int
        package var failures: [Failure]
        package var passed: Bool { failures.isEmpty }
    }

    /// Runs the examples of `rules` (default: every rule of the set) against `ruleSet`.
    /// An `expect_not` naming no rule of the set fails too: it would pass vacuously.
    package static func run(_ ruleSet: RuleSet, examplesOf rules: [Rule]? = nil, context: RuleContext = .none) -> Report {
        let knownIDs = Set(ruleSet.rules.map(\.id))
        var count = 0
        var failures: [Failure] = []
        for rule in rules ?? ruleSet.rules {
            for example in rule.examples {
                count += 1
                let got = ruleSet.classify(example.record, context: context)
                var met = example.isMet(by: got)
                if case .notRule(let id) = example.expectation, !knownIDs.contains(id) { met = false }
                if !met { failures.append(Failure(ruleID: rule.id, example: example, got: got)) }
            }
        }
        return Report(examplesRun: count, failures: failures)
    }
}

private func quoted(_ message: String) -> String {
    let firstLine = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    return "\"" + (firstLine.count > 60 ? firstLine.prefix(57) + "..." : firstLine) + "\""
}
