import WorkmixCore

/// What the text formats share.
enum ResidencyText {
    static func name(_ person: Person) -> String { person.name.isEmpty ? person.email : person.name }

    /// `Name <email>`, or the one of them there is.
    static func nameAndEmail(_ person: Person) -> String {
        person.name.isEmpty || person.email.isEmpty ? name(person) : "\(person.name) <\(person.email)>"
    }

    static func window(_ residency: Residency) -> String {
        "\(residency.from) – \(residency.to) (\(residency.timezoneName))"
    }

    /// `PASS`, `FAIL`, `OFF PLAN` (running, off plan so far, not failed without --strict) or `UPCOMING`.
    static func verdict(_ result: ResidencyResult) -> String {
        let verdict = result.verdict
        if verdict.status == .upcoming { return "UPCOMING" }
        if verdict.fails { return "FAIL" }
        return verdict.onPlan ? "PASS" : "OFF PLAN"
    }

    /// Where the window stands: `ended`, `running until 2024-06-30 (figures so far)`, `upcoming: starts 2030-01-06`.
    static func status(_ result: ResidencyResult) -> String {
        switch result.status {
        case .ended: return "ended"
        case .running: return "running until \(result.residency.to) (figures so far)"
        case .upcoming: return "upcoming: starts \(result.residency.from)"
        }
    }

    /// The summary's count of residencies by verdict: `1 pass, 1 fail, 1 off plan so far, 1 upcoming`.
    static func counts(_ summary: ResidencySummary) -> String {
        var parts = ["\(summary.passed.count) pass", "\(summary.failed.count) fail"]
        if !summary.offPlanSoFar.isEmpty { parts.append("\(summary.offPlanSoFar.count) off plan so far") }
        if !summary.upcoming.isEmpty { parts.append("\(summary.upcoming.count) upcoming") }
        return parts.joined(separator: ", ")
    }

    /// ` (1 running off plan so far, 1 upcoming)`, or nothing when every window is over.
    static func notYetJudged(_ summary: ResidencySummary) -> String {
        var parts: [String] = []
        if !summary.offPlanSoFar.isEmpty { parts.append("\(summary.offPlanSoFar.count) running off plan so far") }
        if !summary.upcoming.isEmpty { parts.append("\(summary.upcoming.count) upcoming") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    static func residencies(_ count: Int) -> String { "\(count) residenc\(count == 1 ? "y" : "ies")" }

    /// `investment 45% (plan 40%), …; unclassified 4% (max 20%)`: one line per residency for check.
    static func shares(_ result: ResidencyResult) -> String {
        // Shares of nothing would read as 0% against every planned category.
        guard result.work.total.commits > 0 else { return "0 commits" }
        let plan = result.plan
        let categories = Category.assignable.map { category -> String in
            var text = "\(category.rawValue) \(Percent.format(result.share(of: category)))"
            if let planned = plan[category] { text += " (plan \(Percent.format(planned)))" }
            return text
        }.joined(separator: ", ")
        return categories + "; unclassified \(Percent.format(result.share(of: .unclassified)))"
            + " (max \(Percent.format(result.residency.maxUnclassified)))"
    }

    static func measureWord(_ measure: WorkmixConfig.Measure) -> String {
        measure == .commits ? "commits" : "churn (insertions + deletions)"
    }
}
