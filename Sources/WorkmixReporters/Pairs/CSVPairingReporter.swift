import WorkmixCore

/// `csv`: RFC 4180, one row per pair, CRLF line ends; every cell from a repository goes through
/// `Escaping.csv` (quoting and formula defusing). Repositories are joined with `; `.
package struct CSVPairingReporter: Reporter {
    package static let format = OutputFormat.csv
    package init() {}

    static let header = [
        "person_name", "person_email", "partner_name", "partner_email", "commits",
        "investment", "maintenance", "support", "unclassified", "churn", "first", "last",
        "repos", "category",
    ]

    package func report(_ report: PairingReport) -> String {
        var text = CSVRow.header(Self.header)
        for pair in report.pairs {
            var cells = [
                pair.people[0].name, pair.people[0].email, pair.people[1].name, pair.people[1].email,
                String(pair.commits),
            ]
            cells += Category.allCases.map { String(pair.byCategory[$0]) }
            cells += [
                pair.churn.map(String.init) ?? "", pair.first.iso8601, pair.last.iso8601,
                pair.repos.joined(separator: "; "), pair.category.rawValue,
            ]
            text += CSVRow.text(cells)
        }
        return text
    }
}
