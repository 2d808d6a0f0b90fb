import WorkmixCore

/// `html`: the residency report as one self-contained page (issue 7): a summary across residencies,
/// then per residency its facts and verdict, plan against actual with the tolerance band, the unclassified
/// share, a weekly timeline, the resident's pairings, and the numbers as a table. No script; SVG charts.
package struct HTMLResidencyReporter: Reporter {
    package static let format = OutputFormat.html
    package init() {}

    package func report(_ report: ResidencyReport) -> String {
        let summary = report.summary
        let subtitle =
            "\(summary.passed.count) of \(summary.residencyCount) residenc\(summary.residencyCount == 1 ? "y" : "ies") on plan"
            + "\(ResidencyText.notYetJudged(summary)) · "
            + "\(HTMLText.plural(summary.work.total.commits, "commit")), churn \(summary.work.total.churn) · measure: "
            + ResidencyText.measureWord(summary.measure)
        var body = self.summary(report)
        for (index, result) in report.residencies.enumerated() {
            body += residency(result, id: "residency-\(index + 1)")
        }
        return HTMLPage.document(title: "Residency report", subtitle: subtitle, body: body)
    }

    func summary(_ report: ResidencyReport) -> String {
        var text = "<section class=\"summary\" id=\"summary\">\n<h2>Summary"
        text += verdictBadge(report.summary.failed.isEmpty) + "</h2>\n"
        if !report.summary.failed.isEmpty {
            text += "<p>Off plan: " + report.summary.failed.map(HTMLText.text).joined(separator: ", ") + ".</p>\n"
        }
        text += ResidencyCharts.summary(report, id: "summary-chart")
        text +=
            "<table>\n<caption>Residencies</caption>\n<thead><tr><th>Residency</th><th>Window</th>"
            + Category.allCases.map { "<th class=\"num\">\($0.rawValue)</th>" }.joined()
            + "<th class=\"num\">commits</th><th class=\"num\">churn</th><th>verdict</th></tr></thead>\n<tbody>\n"
        for (index, result) in report.residencies.enumerated() {
            text +=
                "<tr><td><a href=\"#residency-\(index + 1)\">\(HTMLText.text(result.name))</a></td>"
                + "<td>\(HTMLText.text(ResidencyText.window(result.residency)))</td>"
                + Category.allCases.map { "<td class=\"num\">\(result.work[$0].commits)</td>" }.joined()
                + "<td class=\"num\">\(result.work.total.commits)</td><td class=\"num\">\(result.work.total.churn)</td>"
                + "<td>\(verdictWords(result))</td></tr>\n"
        }
        let all = report.summary.work
        text +=
            "</tbody>\n<tfoot><tr><td>all residencies</td><td>each commit once</td>"
            + Category.allCases.map { "<td class=\"num\">\(all[$0].commits)</td>" }.joined()
            + "<td class=\"num\">\(all.total.commits)</td><td class=\"num\">\(all.total.churn)</td>"
            + "<td>\(report.summary.verdictLabel == "pass" ? "✓ pass" : "✗ fail")</td></tr></tfoot>\n</table>\n"
        if let followThrough = report.summary.followThrough {
            text += "<p>\(HTMLText.text(FollowThroughText.summaryLine(followThrough, label: "Follow-through")))</p>\n"
        }
        return text + "</section>\n"
    }

    func residency(_ result: ResidencyResult, id: String) -> String {
        let residency = result.residency
        var text = "<section class=\"residency\" id=\"\(id)\" data-verdict=\"\(result.verdict.label)\">\n"
        text += "<h2>\(HTMLText.text(result.name))\(verdictBadge(result))</h2>\n<dl class=\"facts\">\n"
        let team = result.pairings.map { HTMLText.identity($0.partner) }.joined(separator: ", ")
        let facts: [(String, String)] = [
            ("Window", HTMLText.text(ResidencyText.window(residency))),
            ("Status", HTMLText.text(ResidencyText.status(result))),
            ("Resident", result.residents.map(HTMLText.identity).joined(separator: ", ")),
            ("Team", team.isEmpty ? "—" : team),
            ("Repositories", result.repositories.map(HTMLText.text).joined(separator: ", ")),
            (
                "Work",
                "\(HTMLText.plural(result.work.total.commits, "commit")), churn \(result.work.total.churn); "
                    + "measure: \(ResidencyText.measureWord(result.measure))"
            ),
            (
                "Unclassified",
                "\(HTMLText.percent(result.share(of: .unclassified))) of all work "
                    + "(\(result.work[.unclassified].commits) commits; at most \(HTMLText.percent(residency.maxUnclassified)) allowed)"
            ),
        ]
        for (term, value) in facts { text += "<dt>\(term)</dt><dd>\(value)</dd>\n" }
        text += "</dl>\n"
        if !result.verdict.onPlan {
            text +=
                "<ul class=\"findings\">\n"
                + result.verdict.findings.map { "<li>\(HTMLText.text($0.description))</li>\n" }.joined() + "</ul>\n"
        }
        text += ResidencyCharts.plan(result, id: id + "-plan")
        text += ResidencyCharts.timeline(result, id: id + "-weeks")
        if !result.pairings.isEmpty { text += ResidencyCharts.pairings(result, id: id + "-pairings") }
        text += numbers(result)
        if let followThrough = result.followThrough { text += FollowThroughChart.section(followThrough, result, id: id + "-follow") }
        if let commits = result.commits { text += CountedCommitsHTML.section(commits, id: id + "-commits") }
        return text + "</section>\n"
    }

    /// The numbers behind the charts, as the Markdown report gives them.
    func numbers(_ result: ResidencyResult) -> String {
        let plan = result.plan, delta = result.delta
        let rows = Category.allCases.map { category -> [String] in
            let tally = result.work[category]
            let planCell =
                category == .unclassified
                ? "≤ " + HTMLText.percent(result.residency.maxUnclassified)
                : plan[category].map(HTMLText.percent) ?? ""
            return [
                category.rawValue, String(tally.commits), String(tally.churn), HTMLText.percent(result.share(of: category)),
                planCell, delta[category].map { Percent.signedPoints($0) + " pts" } ?? "",
                String(result.own[category].commits), String(result.paired[category].commits),
            ]
        }
        let total = result.work.total
        return HTMLPage.table(
            caption: "Work by category (investment, maintenance and support as shares of classified work)",
            header: ["Category", "Commits", "Churn", "Share", "Plan", "Delta", "Resident's own", "Resident paired"],
            rows: rows, numeric: [1, 2, 3, 4, 5, 6, 7],
            footer: [
                "total", String(total.commits), String(total.churn), "", "", "",
                String(result.own.total.commits), String(result.paired.total.commits),
            ])
    }

    /// A residency's verdict in words and a symbol, not only a colour.
    func verdictBadge(_ result: ResidencyResult) -> String {
        if result.status == .upcoming { return " <span class=\"verdict\">🕒 UPCOMING</span>" }
        if !result.verdict.onPlan && !result.verdict.fails { return " <span class=\"verdict fail\">⚠ OFF PLAN SO FAR</span>" }
        return verdictBadge(result.verdict.onPlan)
    }

    /// `✓ pass`, `✗ fail`, `⚠ off plan so far` or `upcoming`, for the summary table.
    func verdictWords(_ result: ResidencyResult) -> String {
        if result.status == .upcoming { return "upcoming" }
        if !result.verdict.onPlan && !result.verdict.fails { return "⚠ off plan so far" }
        return result.verdict.onPlan ? "✓ pass" : "✗ fail"
    }

    /// The verdict in words and a symbol, not only a colour.
    func verdictBadge(_ passed: Bool) -> String {
        passed ? " <span class=\"verdict pass\">✓ PASS</span>" : " <span class=\"verdict fail\">✗ FAIL</span>"
    }
}
