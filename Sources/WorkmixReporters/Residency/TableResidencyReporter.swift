import WorkmixCore

/// `table`: per residency a heading, the work by category against the plan, the resident's pairings
/// and the verdict's reasons; then the summary. Text from repositories goes through `TextCell`.
package struct TableResidencyReporter: Reporter {
    package static let format = OutputFormat.table
    package init() {}

    static let labelWidth = 24
    static let columns = [("COMMITS", 8), ("CHURN", 9), ("SHARE", 8), ("PLAN", 8), ("DELTA", 7), ("OWN", 6), ("PAIRED", 7)]

    package func report(_ report: ResidencyReport) -> String {
        report.residencies.map(residency).joined(separator: "\n") + "\n" + summary(report.summary)
    }

    func residency(_ result: ResidencyResult) -> String {
        let residency = result.residency
        var text = TextCell.clean(result.name) + "  " + ResidencyText.verdict(result) + " · " + ResidencyText.status(result) + "\n"
        text +=
            "  " + ResidencyText.window(residency) + " · repos: "
            + TextCell.clean(result.repositories.joined(separator: ", ")) + " · measure: " + ResidencyText.measureWord(result.measure) + "\n"
        text += "  resident: " + TextCell.clean(result.residents.map(ResidencyText.name).joined(separator: ", "))
        if !result.pairings.isEmpty {
            text += " · team: " + TextCell.clean(result.pairings.map(\.partner).sorted().map(ResidencyText.name).joined(separator: ", "))
        }
        text += "\n\n"
        text += row("CATEGORY", Self.columns.map(\.0))
        let plan = result.plan, delta = result.delta
        for category in Category.allCases {
            let tally = result.work[category]
            var planCell = plan[category].map(Percent.format) ?? ""
            if category == .unclassified { planCell = "≤" + Percent.format(residency.maxUnclassified) }
            text += row(
                category.rawValue,
                [
                    String(tally.commits), String(tally.churn), Percent.format(result.share(of: category)),
                    planCell, delta[category].map(Percent.signedPoints) ?? "",
                    String(result.own[category].commits), String(result.paired[category].commits),
                ])
        }
        let total = result.work.total
        text += row(
            "total",
            [
                String(total.commits), String(total.churn), "", "", "",
                String(result.own.total.commits), String(result.paired.total.commits),
            ])
        text +=
            "  (investment, maintenance and support are shares of classified work; unclassified of all work;"
            + " DELTA in points)\n"
        if !result.pairings.isEmpty {
            text += "\n" + pairingRow("PAIRED WITH", ["COMMITS", "INV", "MAINT", "SUPP", "UNCL"])
            for pairing in result.pairings {
                text += pairingRow(
                    ResidencyText.name(pairing.partner),
                    [String(pairing.commits)] + Category.allCases.map { String(pairing.work[$0].commits) })
            }
        }
        if let followThrough = result.followThrough { text += FollowThroughText.table(followThrough) }
        if let commits = result.commits { text += CountedCommitsText.table(commits) }
        text += "\n  verdict: \(result.verdict.label)\n"
        for finding in result.verdict.findings { text += "    - \(finding)\n" }
        return text
    }

    func summary(_ summary: ResidencySummary) -> String {
        var text =
            "SUMMARY  \(summary.residencyCount) residenc\(summary.residencyCount == 1 ? "y" : "ies"): "
            + ResidencyText.counts(summary)
        if !summary.failed.isEmpty { text += " (" + TextCell.clean(summary.failed.joined(separator: ", ")) + ")" }
        text += "\n  \(summary.work.total.commits) commits, churn \(summary.work.total.churn): "
        text += Category.allCases.map { "\($0.rawValue) \(Percent.format(summary.share(of: $0)))" }.joined(separator: ", ") + "\n"
        if let followThrough = summary.followThrough { text += "  " + FollowThroughText.summaryLine(followThrough) + "\n" }
        return text
    }

    func row(_ label: String, _ cells: [String]) -> String {
        "  " + TextCell.fit(label, 14) + zip(cells, Self.columns).map { Self.pad($0, $1.1) }.joined() + "\n"
    }

    func pairingRow(_ label: String, _ cells: [String]) -> String {
        "  " + TextCell.fit(label, Self.labelWidth) + zip(cells, [8, 6, 6, 6, 6]).map { Self.pad($0, $1) }.joined() + "\n"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
