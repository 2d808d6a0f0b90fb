import WorkmixCore

/// `table`: aligned columns for a terminal: the pairs, the people, then a compact matrix of the people
/// with most paired commits. Text from repositories goes through `TextCell` (no control characters).
package struct TablePairingReporter: Reporter {
    package static let format = OutputFormat.table
    package init() {}

    static let nameWidth = 24

    package func report(_ report: PairingReport) -> String {
        var text = PairingText.summary(report) + "\n\nPAIRS\n"
        text += line(
            left: ["PERSON", "PARTNER"], right: ["COMMITS", "INV", "MAINT", "SUPP", "UNCL", "CHURN"],
            widths: [7, 5, 5, 5, 5, 8], tail: ["FIRST", "LAST", "CATEGORY"])
        for pair in report.pairs {
            let counts =
                [String(pair.commits)] + Category.allCases.map { String(pair.byCategory[$0]) }
                + [PairingText.churn(pair.churn)]
            text += line(
                left: pair.people.map(PairingText.name), right: counts, widths: [7, 5, 5, 5, 5, 8],
                tail: [pair.first.localDate.description, pair.last.localDate.description, pair.category.rawValue])
        }
        text += "\nPEOPLE\n"
        text += line(left: ["PERSON"], right: ["COMMITS", "PAIRED", "SHARE", "PARTNERS"], widths: [7, 7, 6, 8], tail: [])
        for participant in report.people {
            text += line(
                left: [PairingText.name(participant.person)],
                right: [
                    String(participant.commits), String(participant.pairedCommits),
                    PairingText.percent(participant.pairedShare), String(participant.partners),
                ],
                widths: [7, 7, 6, 8], tail: [])
        }
        text += matrix(report.matrix)
        return text
    }

    func matrix(_ matrix: PairingReport.Matrix) -> String {
        let count = min(matrix.people.count, PairingText.matrixLimit)
        guard count > 1 else { return "" }
        var text = "\nMATRIX"
        if matrix.people.count > count { text += " (the \(count) people with most paired commits, of \(matrix.people.count))" }
        text += "\n"
        let width = max(3, (matrix.commits.prefix(count).flatMap { $0.prefix(count) }.max() ?? 0).description.count)
        let digits = String(count).count
        let label = { (i: Int) in
            Self.pad(String(i + 1), digits) + " " + TextCell.fit(PairingText.name(matrix.people[i]), Self.nameWidth + 2 - digits)
        }
        text +=
            String(repeating: " ", count: Self.nameWidth + 3)
            + (0..<count).map { " " + Self.pad(String($0 + 1), width) }.joined() + "\n"
        for i in 0..<count {
            let cells = (0..<count).map { j -> String in
                let value = i == j ? "·" : (matrix.commits[i][j] == 0 ? "." : String(matrix.commits[i][j]))
                return " " + Self.pad(value, width)
            }
            text += label(i) + cells.joined() + "\n"
        }
        return text
    }

    /// Names left-aligned and cut, numbers right-aligned, then free text.
    func line(left: [String], right: [String], widths: [Int], tail: [String]) -> String {
        var cells = left.map { TextCell.fit($0, Self.nameWidth) }
        cells += zip(right, widths).map { Self.pad($0, $1) }
        cells += tail.map { TextCell.fit($0, 12) }
        var text = cells.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text + "\n"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
