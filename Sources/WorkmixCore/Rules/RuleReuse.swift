/// What verdicts made under an earlier rule set tell about this one, so that a rule change
/// re-evaluates only the rules that changed (SPEC 8). A rule's verdict on a commit depends on that
/// rule and the commit alone: the first rule that matches decides, each rule's yes or no is the same
/// whatever was read before it (Kleene logic: more file changes never turn a decided rule), and the
/// model always reads the files it prefers. So for a commit the earlier rules gave to rule `k`, every
/// earlier rule before `k` is known not to match, and rule `k` is known to match with the same
/// evidence; only the other rules before it here need evaluating. A commit no earlier rule matched
/// needs only the rules that are new here. Rules are compared by `Rule.fingerprint`.
///
/// Everything else a verdict depends on (config, overrides, model, version, diff policy, evidence,
/// mailmap) must be the same for both rule sets: the store keys them apart by a base digest.
package struct RuleReuse: Sendable {
    /// What to do with one rule of this set for a commit decided by a given earlier rule.
    struct Plan: Sendable {
        /// Per rule of this set: known not to match (skipped without evaluation).
        var knownNo: [Bool]
        /// The rule of this set known to match, if any: the earlier verdict stands when reached.
        var knownMatch: Int?
    }

    /// Per earlier rule id, the plan for commits it decided (nil: it is gone or changed, so those
    /// commits are classified afresh); `unmatched` for commits no earlier rule matched.
    private let plans: [String: Plan?]
    private let unmatched: Plan

    /// `earlier`: the fingerprints of the earlier rules, in their order.
    package init(earlier: [String], current: RuleSet) {
        let fingerprints = current.rules.map(\.fingerprint)
        var position: [String: Int] = [:]
        for (index, fingerprint) in fingerprints.enumerated() where position[fingerprint] == nil { position[fingerprint] = index }
        var plans: [String: Plan?] = [:]
        var before: Set<String> = []
        for fingerprint in earlier {
            let id = Rule.id(ofFingerprint: fingerprint)
            plans[id] = position[fingerprint].map { match in
                Plan(knownNo: fingerprints.map(before.contains), knownMatch: match)
            }
            before.insert(fingerprint)
        }
        self.plans = plans
        unmatched = Plan(knownNo: fingerprints.map(before.contains), knownMatch: nil)
    }

    /// The plan for a commit the earlier rules classified as `earlier`; nil when it must be
    /// classified afresh (an override, or a rule that is gone or changed).
    func plan(for earlier: Classification) -> Plan? {
        guard let id = earlier.ruleID else { return unmatched }
        return plans[id] ?? nil
    }
}

extension Rule {
    /// What decides this rule's verdicts and evidence, as text: its id, verdict and matcher. The same
    /// in every process (unlike `hashValue`), so that a store can compare rules across runs.
    package var fingerprint: String { id + "\u{1}" + verdict.description + "\u{1}" + matcher.canonical }

    static func id(ofFingerprint fingerprint: String) -> String {
        String(fingerprint.prefix { $0 != "\u{1}" })
    }
}

extension Matcher {
    /// The matcher as text, fully parenthesised: equal texts, equal matchers.
    var canonical: String {
        switch self {
        case .text(let field, let pattern): return "text(\(field.rawValue),\(Self.quoted(pattern.source)))"
        case .person(let field, let pattern): return "person(\(field.rawValue),\(Self.quoted(pattern.source)))"
        case .trailer(let key, let value): return "trailer(\(Self.quoted(key)),\(value.map { Self.quoted($0.source) } ?? "-"))"
        case .files(let condition):
            return "files(\(condition.quantifier.rawValue),\(condition.globs.map { Self.quoted($0.source) }.joined(separator: ",")))"
        case .count(let field, let range):
            return "count(\(field.rawValue),\(range.min.map(String.init) ?? "-"),\(range.max.map(String.init) ?? "-"))"
        case .flag(let field, let value): return "flag(\(field.rawValue),\(value))"
        case .model(let category, let minimum): return "model(\(category.rawValue),\(minimum))"
        case .dependencies(let condition): return "dependencies(\(condition))"
        case .any(let children): return "any(\(children.map(\.canonical).joined(separator: ",")))"
        case .all(let children): return "all(\(children.map(\.canonical).joined(separator: ",")))"
        case .not(let child): return "not(\(child.canonical))"
        }
    }

    /// Length-prefixed, so that no pattern's text can pass for the structure around it.
    private static func quoted(_ text: String) -> String { "\(text.utf8.count):\(text)" }
}

/// A commit's verdict under an earlier rule set, and what that rule set tells about this one.
package struct EarlierVerdict: Sendable {
    package var classification: Classification
    package var reuse: RuleReuse

    package init(_ classification: Classification, reuse: RuleReuse) {
        self.classification = classification
        self.reuse = reuse
    }
}
