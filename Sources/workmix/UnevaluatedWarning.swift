import WorkmixCore

extension UnevaluatedRules {
    /// The one warning a run prints when the regex engine gave up on rules: which rules, where they
    /// are written, and on how many commits; nil when it never gave up.
    var warning: String? {
        guard !isEmpty else { return nil }
        let list = rules.map { entry in
            let place = entry.source.map { " (\($0))" } ?? ""
            return rules.count == 1 ? "rule \(entry.ruleID)\(place)" : "\(entry.ruleID)\(place) on \(entry.commits)"
        }.joined(separator: ", ")
        return (rules.count == 1 ? "" : "rules ") + list
            + ": the regex engine gave up (too much backtracking) on \(commits) commit(s), left undecided; simplify the"
            + " pattern (`scan` JSON lists the commits under \"unevaluated\", `rules explain SHA` shows why)"
    }
}
