import WorkmixCore

/// `check` on a terminal: a line per residency with its verdict, status and shares, the reasons under one off
/// plan, then what the check comes to.
package struct TableCheckReporter: Reporter {
    package static let format = OutputFormat.table
    package init() {}

    package func report(_ report: ResidencyReport) -> String {
        let width = min(32, report.residencies.map(\.name.count).max() ?? 0)
        let labelWidth = report.residencies.map { ResidencyText.verdict($0).count }.max() ?? 4
        var text = ""
        for result in report.residencies {
            text += TextCell.fit(ResidencyText.verdict(result), labelWidth) + "  " + TextCell.fit(result.name, width) + "  "
            switch result.status {
            case .upcoming: text += ResidencyText.status(result) + "\n"
            case .running: text += ResidencyText.status(result) + ": " + ResidencyText.shares(result) + "\n"
            case .ended: text += ResidencyText.shares(result) + "\n"
            }
            let indent = String(repeating: " ", count: labelWidth + 2)
            for finding in result.verdict.findings { text += indent + "- \(finding)\n" }
            if result.status != .upcoming, let link = result.followThrough?.supportToInvestment {
                text += indent + FollowThroughText.checkLine(link) + "\n"
            }
        }
        return text + summary(report) + "\n"
    }

    /// `1 of 3 residencies off plan; 1 running off plan so far (--strict fails it); 1 upcoming; as of 2024-03-20.`
    func summary(_ report: ResidencyReport) -> String {
        let summary = report.summary
        let count = summary.residencyCount
        var text =
            !summary.failed.isEmpty
            ? "\(summary.failed.count) of \(ResidencyText.residencies(count)) off plan"
            : summary.passed.count == count ? "All \(ResidencyText.residencies(count)) on plan" : "None of \(ResidencyText.residencies(count)) failed"
        if !summary.offPlanSoFar.isEmpty {
            let one = summary.offPlanSoFar.count == 1
            text += "; \(summary.offPlanSoFar.count) running off plan so far (--strict fails \(one ? "it" : "them"))"
        }
        if !summary.upcoming.isEmpty { text += "; \(summary.upcoming.count) upcoming" }
        // The date matters only when some window is not over.
        if let asOf = report.asOf, report.residencies.contains(where: { $0.status != .ended }) { text += "; as of \(asOf)" }
        return text + "."
    }
}
