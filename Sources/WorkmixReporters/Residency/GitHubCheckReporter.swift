import WorkmixCore

/// `check --format github`: one GitHub Actions workflow command per residency: `::error` when the check
/// fails it, `::warning` when it is running and off plan so far, `::notice` otherwise (on plan, or
/// upcoming), so that the run's summary lists them. Errors and warnings point at the residency in the
/// config (`file=`, `line=`), so that GitHub shows them on that line. Properties and messages are
/// escaped as the workflow-command syntax requires (a `%`, `,`, `:` or newline must never end the
/// command early).
package struct GitHubCheckReporter: Reporter {
    package static let format = OutputFormat.github
    package init() {}

    package func report(_ report: ResidencyReport) -> String {
        report.residencies.map { result in
            let verdict = result.verdict
            let reasons = verdict.findings.map(\.description).joined(separator: "\n")
            let shares = Self.shares(result)
            switch (verdict.status, verdict.onPlan, verdict.fails) {
            case (.upcoming, _, _):
                return command("notice", nil, "Residency \(result.name) upcoming", ResidencyText.status(result))
            case (_, true, _):
                let title = "Residency \(result.name) on plan" + (verdict.status == .running ? " so far" : "")
                return command("notice", nil, title, running(result) + shares)
            case (_, false, true):
                return command(
                    "error", result.residency.location, "Residency \(result.name) off plan",
                    running(result) + reasons + "\n" + shares)
            case (_, false, false):
                return command(
                    "warning", result.residency.location, "Residency \(result.name) off plan so far",
                    running(result) + reasons + "\n" + shares)
            }
        }.joined()
    }

    /// The shares, and support → investment against its baseline when the report has follow-through.
    static func shares(_ result: ResidencyResult) -> String {
        var shares = ResidencyText.shares(result)
        if let link = result.followThrough?.supportToInvestment {
            shares += "\n" + FollowThroughText.checkLine(link)
        }
        return shares
    }

    /// `running until 2024-06-30 (figures so far): ` for a running residency.
    func running(_ result: ResidencyResult) -> String {
        result.status == .running ? ResidencyText.status(result) + ": " : ""
    }

    /// `::error file=workmix.yml,line=12,title=…::message`.
    func command(_ name: String, _ location: SourceLocation?, _ title: String, _ message: String) -> String {
        var properties: [String] = []
        if let location {
            properties.append("file=" + Escaping.githubProperty(location.file))
            if let line = location.line { properties.append("line=\(line)") }
        }
        properties.append("title=" + Escaping.githubProperty(title))
        return "::\(name) " + properties.joined(separator: ",") + "::" + Escaping.githubMessage(message) + "\n"
    }
}
