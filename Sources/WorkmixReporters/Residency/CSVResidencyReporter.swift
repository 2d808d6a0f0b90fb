import WorkmixCore

/// `csv`: one long table for spreadsheets and pivot tables: a row per residency, scope and category.
/// `scope` is `work` (all the residency's commits, with share, plan and delta), `own` (the resident's
/// own commits), `paired` (the resident's paired commits) or `pairing` (with the partner named); each
/// scope also has a `total` row. With follow-through, scope `follow-through` has a row per link (category
/// `support-investment`, `investment-maintenance`: commits, share, plan `min_follow_through`, then the
/// columns from `followed` on). RFC 4180, CRLF, cells defused against formula injection.
/// With `report --commits`, a blank line and a second table follow: the commits section, one row per
/// counted commit (`residency, repo, sha, authored_at, subject, author_name, author_email, co_authors,
/// category, rule, churn, own, paired`; full shas, `authored_at` in the residency's timezone).
package struct CSVResidencyReporter: Reporter {
    package static let format = OutputFormat.csv
    package init() {}

    static let header =
        [
            "residency", "from", "to", "timezone", "verdict", "measure", "scope", "partner_name",
            "partner_email", "category", "commits", "churn", "share", "plan", "delta",
        ] + followThroughColumns
    static let followThroughColumns = [
        "followed", "baseline_commits", "baseline_followed", "baseline_share", "lift", "p", "lift_low", "lift_high",
    ]

    package func report(_ report: ResidencyReport) -> String {
        var text = CSVRow.header(Self.header)
        for result in report.residencies {
            let head = [
                result.name, result.residency.from.description, result.residency.to.description,
                result.residency.timezoneName, result.verdict.label, result.measure.rawValue,
            ]
            func add(
                _ scope: String, _ partner: Person?, _ category: String, _ tally: WorkTally,
                share: Double? = nil, plan: Double? = nil, delta: Double? = nil
            ) {
                // Numbers are ours, not untrusted text: written as is, so that -0.05 stays a number.
                let numbers =
                    [String(tally.commits), String(tally.churn)] + [share, plan, delta].map { $0.map(JSONWriter.format) ?? "" }
                    + Self.followThroughColumns.map { _ in "" }
                text += CSVRow.text(head + [scope, partner?.name ?? "", partner?.email ?? "", category], numbers: numbers)
            }
            for category in Category.allCases {
                add(
                    "work", nil, category.rawValue, result.work[category], share: result.share(of: category),
                    plan: result.plan[category], delta: result.delta[category])
            }
            add("work", nil, "total", result.work.total)
            for (scope, work) in [("own", result.own), ("paired", result.paired)] {
                for category in Category.allCases { add(scope, nil, category.rawValue, work[category]) }
                add(scope, nil, "total", work.total)
            }
            for pairing in result.pairings {
                for category in Category.allCases { add("pairing", pairing.partner, category.rawValue, pairing.work[category]) }
                add("pairing", pairing.partner, "total", pairing.work.total)
            }
            if let followThrough = result.followThrough {
                for (category, link, plan) in [
                    ("support-investment", followThrough.supportToInvestment, result.residency.minFollowThrough),
                    ("investment-maintenance", followThrough.investmentToMaintenance, nil),
                ] {
                    text += CSVRow.text(head + ["follow-through", "", "", category], numbers: Self.numbers(link, plan: plan))
                }
            }
        }
        let listed = report.residencies.filter { $0.commits != nil }
        guard !listed.isEmpty else { return text }
        text += "\r\n" + CSVRow.header(CountedCommitsText.csvHeader)
        for result in listed { text += CountedCommitsText.csv(result.name, result.commits ?? []) }
        return text
    }

    /// A link's cells from `commits` on: churn and delta empty.
    static func numbers(_ link: FollowThroughLink, plan: Double?) -> [String] {
        let lift = link.lift
        let fractions = [lift.baseline.share, lift.lift, lift.p, lift.interval?.low, lift.interval?.high]
        return [String(link.commits), "", JSONWriter.format(link.share), plan.map(JSONWriter.format) ?? "", ""]
            + [String(link.followed), String(lift.baseline.commits), String(lift.baseline.followed)]
            + fractions.map { $0.map(JSONWriter.format) ?? "" }
    }
}
