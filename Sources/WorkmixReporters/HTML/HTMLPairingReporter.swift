import WorkmixCore

/// `html`: the pairing report as one self-contained page (issue 7): the person × person matrix as a heat
/// map, the top pairs by category, each person's pairing share, and the tables behind them. No script.
package struct HTMLPairingReporter: Reporter {
    package static let format = OutputFormat.html
    package init() {}

    /// The most people the heat map shows, and the most pairs and people the charts and tables list:
    /// past that a page stops being readable (JSON has them all).
    package static let matrixLimit = 30
    package static let chartLimit = 15
    package static let tableLimit = 200

    package func report(_ report: PairingReport) -> String {
        var body = "<section id=\"matrix\">\n<h2>Who paired with whom</h2>\n"
        body +=
            report.matrix.people.count > 1
            ? PairingCharts.heatMap(report, limit: Self.matrixLimit, id: "matrix-chart")
            : "<p class=\"muted\">Fewer than two people paired: no matrix.</p>\n"
        body += "</section>\n<section id=\"pairs\">\n<h2>Top pairs</h2>\n"
        if report.pairs.isEmpty {
            body += "<p class=\"muted\">No pairing commits.</p>\n"
        } else {
            body += PairingCharts.topPairs(report, limit: Self.chartLimit, id: "pairs-chart")
            body += pairsTable(report)
        }
        body += "</section>\n<section id=\"people\">\n<h2>Pairing share per person</h2>\n"
        if report.people.isEmpty {
            body += "<p class=\"muted\">No commits.</p>\n"
        } else {
            body += PairingCharts.shares(report, limit: Self.chartLimit * 2, id: "people-chart")
            body += peopleTable(report)
        }
        body += "</section>\n"
        return HTMLPage.document(title: "Pairings", subtitle: PairingText.summary(report), body: body)
    }

    func pairsTable(_ report: PairingReport) -> String {
        let shown = report.pairs.prefix(Self.tableLimit)
        let rows = shown.map { pair -> [String] in
            [PairingText.name(pair.people[0]), PairingText.name(pair.people[1]), String(pair.commits)]
                + Category.allCases.map { String(pair.byCategory[$0]) }
                + [
                    PairingText.churn(pair.churn), pair.first.localDate.description, pair.last.localDate.description,
                    pair.repos.joined(separator: ", "), pair.category.rawValue,
                ]
        }
        let caption =
            shown.count < report.pairs.count
            ? "The \(shown.count) pairs with most commits, of \(report.pairs.count)"
            : "All \(HTMLText.plural(report.pairs.count, "pair")) listed"
        return HTMLPage.table(
            caption: caption,
            header: [
                "Person", "Partner", "Commits", "Inv.", "Maint.", "Supp.", "Uncl.", "Churn", "First",
                "Last", "Repos", "Category",
            ],
            rows: rows, numeric: [2, 3, 4, 5, 6, 7], nowrap: [0, 1, 8, 9])
    }

    func peopleTable(_ report: PairingReport) -> String {
        let shown = report.people.prefix(Self.tableLimit)
        let rows = shown.map { participant -> [String] in
            [
                PairingText.name(participant.person), participant.person.email, String(participant.commits),
                String(participant.pairedCommits), PairingText.percent(participant.pairedShare), String(participant.partners),
            ]
        }
        let caption =
            shown.count < report.people.count
            ? "The \(shown.count) people with most paired commits, of \(report.people.count)"
            : "All \(HTMLText.plural(report.people.count, "person", "people")) listed"
        return HTMLPage.table(
            caption: caption, header: ["Person", "Email", "Commits", "Paired", "Share", "Partners"],
            rows: rows, numeric: [2, 3, 4, 5])
    }
}
