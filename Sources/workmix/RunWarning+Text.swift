import WorkmixCore
import WorkmixReporters

extension RunWarning {
    /// The warning as stderr shows it: one line, the repository first when the run read several.
    var text: String {
        let prefix = repository.map { "\($0): " } ?? ""
        switch self {
        case .shallowClone:
            return prefix + "shallow clone: history stops where the clone was cut; fetch the full history "
                + "(git fetch --unshallow; fetch-depth: 0 on actions/checkout; GIT_DEPTH: 0 on GitLab CI)"
        case .statsUnavailable(let commits, _):
            return prefix + "\(commits) commit(s) have objects missing (partial or damaged repository): listed with \"stats\": null"
        case .parentsUnreadable(let commits, _):
            return prefix + "\(commits) parent commit(s) could not be read: history stops there"
        case .ambiguousOverride(let prefix, let commits, let location):
            return (location.map { "\($0): " } ?? "")
                + "override \(prefix) matches \(commits.count) commits (\(commits.joined(separator: ", "))): give more digits"
        case .rulesUnevaluated(let rules):
            return rules.text
        case .store(let path, let message):
            return "\(path): \(message)"
        }
    }
}

extension RunWarning {
    /// The warning as a GitHub Actions `::warning` annotation (`check --format github`), so that it shows
    /// on the run's summary rather than only in its log.
    var githubAnnotation: String {
        let title: String
        switch self {
        case .shallowClone: title = "Shallow clone: residency figures may miss commits"
        default: title = "workmix"
        }
        return "::warning title=" + Escaping.githubProperty(title) + "::" + Escaping.githubMessage(text) + "\n"
    }
}

extension UnevaluatedRules {
    /// Which rules the regex engine gave up on, where they are written, and on how many commits.
    var text: String {
        let list = rules.map { entry in
            let place = entry.source.map { " (\($0))" } ?? ""
            return rules.count == 1 ? "rule \(entry.ruleID)\(place)" : "\(entry.ruleID)\(place) on \(entry.commits)"
        }.joined(separator: ", ")
        return (rules.count == 1 ? "" : "rules ") + list
            + ": the regex engine gave up (too much backtracking) on \(commits) commit(s), left undecided; simplify the"
            + " pattern (`scan` JSON lists the commits under \"unevaluated\", `rules explain SHA` shows why)"
    }
}
