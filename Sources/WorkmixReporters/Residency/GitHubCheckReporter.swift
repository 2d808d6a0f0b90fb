import WorkmixCore

/// `check --format github`: one GitHub Actions workflow command per residency, `::error` when it is
/// off plan and `::notice` when on plan, so that the run's summary lists them. Titles and messages are
/// escaped as the workflow-command syntax requires (residency names come from the config, reasons may
/// quote nothing else, but a `%` or a newline must never end the command early).
public struct GitHubCheckReporter: Reporter {
    public static let format = OutputFormat.github
    public init() {}

    public func report(_ report: ResidencyReport) -> String {
        report.residencies.map { result in
            var shares = ResidencyText.shares(result)
            if let link = result.followThrough?.supportToInvestment {
                shares += "\nsupport → investment \(link.followed) of \(link.commits): \(FollowThroughText.liftSummary(link))"
            }
            if result.verdict.passed {
                return "::notice title=" + Escaping.githubProperty("Residency \(result.name) on plan") + "::"
                    + Escaping.githubMessage(shares) + "\n"
            }
            let reasons = result.verdict.findings.map(\.description).joined(separator: "\n")
            return "::error title=" + Escaping.githubProperty("Residency \(result.name) off plan") + "::"
                + Escaping.githubMessage(reasons + "\n" + shares) + "\n"
        }.joined()
    }
}
