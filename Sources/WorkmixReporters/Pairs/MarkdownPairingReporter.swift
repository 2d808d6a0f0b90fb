import WorkmixCore

/// `markdown`: GitHub-flavoured tables (pairs, people, matrix); every cell from a repository goes through
/// `Escaping.markdownCell`.
package struct MarkdownPairingReporter: Reporter {
    package static let format = OutputFormat.markdown
    package init() {}

    package func report(_ report: PairingReport) -> String {
        var text = "# Pairings\n\n" + PairingText.summary(report) + ".\n\n## Pairs\n\n"
        text += "| Person | Partner | Commits | Investment | Maintenance | Support | Unclassified | Churn | First | Last | Repos | Category |\n"
        text += "|---|---|--:|--:|--:|--:|--:|--:|---|---|---|---|\n"
        for pair in report.pairs {
            text += row(
                [cell(pair.people[0]), cell(pair.people[1]), String(pair.commits)]
                    + Category.allCases.map { String(pair.byCategory[$0]) }
                    + [
                        PairingText.churn(pair.churn), pair.first.localDate.description, pair.last.localDate.description,
                        pair.repos.map(Escaping.markdownCell).joined(separator: ", "), pair.category.rawValue,
                    ])
        }
        text += "\n## People\n\n| Person | Commits | Paired | Share | Partners |\n|---|--:|--:|--:|--:|\n"
        for participant in report.people {
            text += row([
                cell(participant.person), String(participant.commits), String(participant.pairedCommits),
                PairingText.percent(participant.pairedShare), String(participant.partners),
            ])
        }
        text += matrix(report.matrix)
        return text
    }

    func matrix(_ matrix: PairingReport.Matrix) -> String {
        let count = min(matrix.people.count, PairingText.matrixLimit)
        guard count > 1 else { return "" }
        var text = "\n## Matrix\n\n"
        if matrix.people.count > count {
            text += "The \(count) people with most paired commits, of \(matrix.people.count).\n\n"
        }
        text += "| # | Person | " + (1...count).map(String.init).joined(separator: " | ") + " |\n"
        text += "|--:|---|" + String(repeating: "--:|", count: count) + "\n"
        for i in 0..<count {
            let cells = (0..<count).map { j in i == j ? "·" : (matrix.commits[i][j] == 0 ? "" : String(matrix.commits[i][j])) }
            text += row([String(i + 1), Escaping.markdownCell(PairingText.name(matrix.people[i]))] + cells)
        }
        return text
    }

    /// `Name <email>` escaped; the email disambiguates people of the same name.
    func cell(_ person: Person) -> String {
        Escaping.markdownCell(person.description)
    }

    func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }
}
