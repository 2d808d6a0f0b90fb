import Foundation

/// The rules in force, in evaluation order (user rule files first, then the shipped ones), and the
/// config's overrides. The first rule that matches decides (SPEC 4).
package struct RuleSet: Sendable {
    package static let overrideRuleID = "override"

    package let rules: [Rule]
    package var overrides: ClassificationOverrides
    /// Whether any rule asks the learned model.
    package let usesModel: Bool

    package init(rules: [Rule], overrides: ClassificationOverrides = .none) {
        self.rules = rules
        self.overrides = overrides
        self.usesModel = rules.contains { $0.matcher.usesModel }
    }

    /// Loads files as one rule set, checking ids are unique across them: pass user files before shipped ones.
    package init(files: [SourceFile], overrides: ClassificationOverrides = .none) throws {
        self.init(rules: try RuleLoader.load(files: files), overrides: overrides)
    }

    package func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Whether any rule asks the `resident` flag.
    package var usesResident: Bool { rules.contains { $0.matcher.usesResident } }

    /// The verdict for one commit: an override, else the first matching rule with its evidence, else
    /// `unclassified`. A rule on file changes never matches a commit whose changes are missing.
    package func classify(_ record: CommitRecord, context: RuleContext = .none) -> Classification {
        classify(MinedCommit(record: record), context: context)
    }

    /// Classifies, reading file changes only when a rule's verdict depends on them: when a rule comes
    /// out `unknown` for want of paths or line counts, the commit is asked for the detail that rule
    /// needs and the rule is evaluated again. Most commits are decided by their message before any file
    /// rule, so most scans read few or no diffs.
    /// `evidence: false` leaves the evidence out (and the diffs read only for it): for runs that do not
    /// show it; the category and rule are the same.
    /// `earlier`, a verdict under other rules (with the same config and model), spares the rules whose
    /// verdict it already tells (`RuleReuse`): the result is the same as without it.
    package func classify(
        _ commit: MinedCommit, context: RuleContext = .none, evidence: Bool = true, earlier: EarlierVerdict? = nil
    ) -> Classification {
        if let pinned = overrides.classification(for: commit.record.sha) { return pinned }
        let plan = earlier.flatMap { $0.reuse.plan(for: $0.classification) }
        let context = context.memoizing()
        // What the rules see: the record with the changes read so far.
        var seen = commit.record
        // Rules the regex engine could not decide on this commit (reported once at the end of a run).
        var unevaluated: [String] = []
        for (index, rule) in rules.enumerated() {
            if let plan, let earlier {
                if plan.knownNo[index] { continue }
                if plan.knownMatch == index {
                    var known = earlier.classification
                    known.unevaluated = unevaluated
                    return known
                }
            }
            // The model reads files when they can be had, without being undecided for want of them.
            if commit.readsChanges, let wanted = rule.matcher.preferredDetail(model: context.model), seen.changeInfo.canImprove(to: wanted) {
                seen.changeInfo = commit.changes(wanted)
            }
            var outcome = rule.matcher.evaluate(seen, context: context)
            // Cheapest first: paths (a tree walk), then line counts (a diff of every changed blob) only
            // when the paths left the rule undecided. Kleene logic makes this safe: a verdict reached
            // with something unknown stays the same whatever the unknown turns out to be.
            if outcome.truth == .unknown, commit.readsChanges, let detail = rule.matcher.requiredDetail {
                for step in [ChangeDetail.paths, .lines]
                where step <= detail && outcome.truth == .unknown && seen.changeInfo.canImprove(to: step) {
                    seen.changeInfo = commit.changes(step)
                    outcome = rule.matcher.evaluate(seen, context: context)
                }
            }
            // Manifests are read only for a rule that asks, and only for a commit that changed one.
            if outcome.truth == .unknown, seen.dependencies == nil, rule.matcher.usesDependencies, let read = commit.dependencies() {
                seen.dependencies = read
                outcome = rule.matcher.evaluate(seen, context: context)
            }
            if outcome.truth == .unknown && outcome.gaveUp { unevaluated.append(rule.id) }
            guard outcome.truth == .yes else { continue }
            guard evidence else { return rule.classification(evidence: [], unevaluated: unevaluated) }
            // The evidence is the same with or without --stats: a rule that reads files says what
            // they showed even when its message part alone decided (Kleene logic keeps it `yes`).
            if commit.readsChanges, let detail = rule.matcher.requiredDetail, seen.changeInfo.canImprove(to: detail) {
                seen.changeInfo = commit.changes(detail)
            }
            let reasons = rule.matcher.evaluate(seen, context: context, explain: true).reasons
            return rule.classification(evidence: reasons, unevaluated: unevaluated)
        }
        var unclassified = Classification.unclassified
        unclassified.unevaluated = unevaluated
        return unclassified
    }

    /// Every rule evaluated against one commit, and why each matched or not (`workmix rules explain`).
    package func explain(_ record: CommitRecord, context: RuleContext = .none) -> RuleExplanation {
        var evaluations: [RuleExplanation.Evaluation] = []
        var decided = false
        let context = context.memoizing()
        for rule in rules {
            let result = rule.matcher.evaluate(record, context: context, explain: true)
            let decides = result.truth == .yes && !decided
            decided = decided || decides
            evaluations.append(
                .init(
                    ruleID: rule.id, source: rule.source, verdict: rule.verdict,
                    truth: result.truth, reasons: result.reasons, decides: decides))
        }
        return RuleExplanation(
            override: overrides.classification(for: record.sha),
            evaluations: evaluations,
            classification: classify(record, context: context))
    }
}

/// What `workmix rules explain SHA` prints.
package struct RuleExplanation: Sendable, Hashable {
    package struct Evaluation: Sendable, Hashable {
        package var ruleID: String
        package var source: SourceLocation
        package var verdict: Rule.Verdict
        /// `unknown` when the rule needs file changes the record does not have.
        package var truth: Truth
        /// Why it matched (the evidence) or why not.
        package var reasons: [String]
        /// The first matching rule: the one that decides unless an override does.
        package var decides: Bool

        package var matched: Bool { truth == .yes }
    }

    /// Set when a config override pinned the commit: it beats every rule below.
    package var override: Classification?
    package var evaluations: [Evaluation]
    /// The final verdict, as `classify` gives it.
    package var classification: Classification
}
