import WorkmixCore

/// `markdown`: a section per residency (GitHub-flavoured tables), for a PR comment or a CI step
/// summary. Text from repositories is escaped for table cells; headings get the same escaping.
package struct MarkdownResidencyReporter: Reporter {
    package static let format = OutputFormat.markdown
    package init() {}

    package func report(_ report: ResidencyReport) -> String {
        var text = "# Residency report\n\n"
        text += summary(report.summary)
        for result in report.residencies { text += "\n" + residency(result) }
        return text
    }

    func summary(_ summary: ResidencySummary) -> String {
        var text =
            "**\(summary.passed.count) of \(summary.residencyCount) residenc\(summary.residencyCount == 1 ? "y" : "ies") "
            + "on plan\(ResidencyText.notYetJudged(summary)).**"
        if !summary.failed.isEmpty {
            text += " Off plan: " + summary.failed.map(Escaping.markdownCell).joined(separator: ", ") + "."
        }
        text += " \(summary.work.total.commits) commits, churn \(summary.work.total.churn).\n"
        if let followThrough = summary.followThrough {
            text += "\n" + FollowThroughText.summaryLine(followThrough, label: "Follow-through") + ".\n"
        }
        return text
    }

    func residency(_ result: ResidencyResult) -> String {
        let residency = result.residency
        let mark: String
        switch (result.status, result.verdict.onPlan, result.verdict.fails) {
        case (.upcoming, _, _): mark = "🕒 upcoming"
        case (_, true, _): mark = "✅ pass"
        case (_, false, true): mark = "❌ fail"
        case (_, false, false): mark = "⚠️ off plan so far"
        }
        var text = "## \(Escaping.markdownCell(result.name)) — \(mark)\n\n"
        if result.status != .ended { text += "_\(ResidencyText.status(result))_\n\n" }
        text +=
            "\(ResidencyText.window(residency)) · repos: "
            + result.repositories.map(Escaping.markdownCell).joined(separator: ", ")
            + " · measure: \(ResidencyText.measureWord(result.measure))  \n"
        text += "resident: " + result.residents.map { Escaping.markdownCell(ResidencyText.name($0)) }.joined(separator: ", ") + "\n\n"
        text += "| Category | Commits | Churn | Share | Plan | Delta | Own | Paired |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        let plan = result.plan, delta = result.delta
        for category in Category.allCases {
            let tally = result.work[category]
            let planCell =
                category == .unclassified
                ? "≤ " + Percent.format(residency.maxUnclassified)
                : plan[category].map(Percent.format) ?? ""
            let cells = [
                category.rawValue, String(tally.commits), String(tally.churn), Percent.format(result.share(of: category)),
                planCell, delta[category].map { Percent.signedPoints($0) + " pts" } ?? "",
                String(result.own[category].commits), String(result.paired[category].commits),
            ]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        let total = result.work.total
        text += "| **total** | \(total.commits) | \(total.churn) |  |  |  | \(result.own.total.commits) | \(result.paired.total.commits) |\n\n"
        text += "_Investment, maintenance and support are shares of classified work; unclassified is a share of all work._\n"
        if !result.pairings.isEmpty {
            text += "\n| Paired with | Commits | Investment | Maintenance | Support | Unclassified |\n|---|---:|---:|---:|---:|---:|\n"
            for pairing in result.pairings {
                let person = pairing.partner
                let who = person.email.isEmpty || person.name.isEmpty ? ResidencyText.name(person) : "\(person.name) <\(person.email)>"
                text +=
                    "| " + Escaping.markdownCell(who) + " | \(pairing.commits) | "
                    + Category.allCases.map { String(pairing.work[$0].commits) }.joined(separator: " | ") + " |\n"
            }
        }
        if let followThrough = result.followThrough { text += FollowThroughText.markdown(followThrough) }
        if let commits = result.commits { text += CountedCommitsText.markdown(commits) }
        if !result.verdict.onPlan {
            text += "\n" + result.verdict.findings.map { "- " + Escaping.markdownCell($0.description) }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
