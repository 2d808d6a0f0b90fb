import WorkmixCore

/// `check` on a terminal: a line per residency with its verdict and shares, the reasons under a failure.
public struct TableCheckReporter: Reporter {
    public static let format = OutputFormat.table
    public init() {}

    public func report(_ report: ResidencyReport) -> String {
        let width = min(32, report.residencies.map(\.name.count).max() ?? 0)
        var text = ""
        for result in report.residencies {
            text +=
                ResidencyText.verdict(result) + "  " + TextCell.fit(result.name, width) + "  "
                + ResidencyText.shares(result) + "\n"
            for finding in result.verdict.findings { text += "      - \(finding)\n" }
            if let link = result.followThrough?.supportToInvestment {
                text += "      support → investment \(link.followed) of \(link.commits): \(FollowThroughText.liftSummary(link))\n"
            }
        }
        let summary = report.summary
        text +=
            summary.failed.isEmpty
            ? "All \(summary.residencyCount) residenc\(summary.residencyCount == 1 ? "y" : "ies") on plan.\n"
            : "\(summary.failed.count) of \(summary.residencyCount) residenc\(summary.residencyCount == 1 ? "y" : "ies") off plan.\n"
        return text
    }
}
