import Foundation
import WorkmixCore

/// The charts of the pairing page, each a finished `<figure>`; marks carry their numbers as `data-`
/// attributes written from the same values as the JSON report.
enum PairingCharts {
    static let width = 760.0

    /// The matrix: a cell per two people, darker for more paired commits, the count written in it and
    /// the category split in its tooltip.
    static func heatMap(_ report: PairingReport, limit: Int, id: String) -> String {
        let matrix = report.matrix
        let count = min(limit, matrix.people.count)
        let nameWidth = 160.0, left = nameWidth + 10
        // Room above for the column names, written at 50°: as much as the longest (cut at 20) needs.
        let longest = matrix.people.prefix(count).map { min(20, HTMLText.scrubbed(PairingText.name($0)).count) }.max() ?? 0
        let top = 24 + Double(longest) * 6.6 * 0.77
        let maximum = max(1, matrix.commits.prefix(count).flatMap { $0.prefix(count) }.max() ?? 0)
        // A cell holds its number (12px, semi-bold: about 7.5px a digit): with many people or four-digit
        // counts the canvas grows past the panel, which then scrolls, rather than the numbers spill.
        let cell = max(Double(String(maximum).count) * 7.5 + 8, min(44, (width - left - 10) / Double(count)))
        // Room on the right for the last column's name, slanted past the grid.
        let right = max(30, Double(longest) * 6.6 * 0.65 + 8)
        var svg = SVGCanvas(width: max(520, left + cell * Double(count) + right), height: top + cell * Double(count) + 48)
        var splits: [String: CategoryTally] = [:]
        for pair in report.pairs { splits[key(pair.people[0], pair.people[1])] = pair.byCategory }
        for (j, person) in matrix.people.prefix(count).enumerated() {
            let x = left + cell * (Double(j) + 0.5)
            svg.text(PairingText.name(person), x: x + 3, y: top - 8, class: "tick", limit: 20, rotate: -50)
        }
        for i in 0..<count {
            let y = top + cell * Double(i)
            let rowPerson = matrix.people[i]
            svg.text(PairingText.name(rowPerson), x: nameWidth, y: y + cell / 2 + 4, anchor: .end, limit: 24)
            for j in 0..<count {
                let x = left + cell * Double(j)
                let value = matrix.commits[i][j]
                if i == j {
                    svg.rect(x: x, y: y, width: cell, height: cell, class: "self")
                    continue
                }
                svg.rect(x: x, y: y, width: cell, height: cell, class: "cell")
                guard value > 0 else { continue }
                heatCell(i, j, value: value, maximum: maximum, at: (x, y, cell), matrix: matrix, splits: splits, &svg)
            }
        }
        let bottom = top + cell * Double(count)
        svg.text("rows and columns: people; cells: their paired commits", x: left, y: bottom + 18, class: "axis-title")
        svg.text("darker: more (logarithmic; most: \(maximum))", x: left, y: bottom + 34, class: "axis-title")
        let note = matrix.people.count > count ? "The \(count) people with most paired commits, of \(matrix.people.count)." : ""
        return HTMLPage.figure(
            id: id, title: "Pairing matrix",
            note: (note + " Hover a cell for its split by category.").trimmingLeadingSpace,
            svg: svg.svg(id: id + "-svg", title: "Pairing matrix: paired commits per two people", fit: true))
    }

    /// One filled cell: its shade, its number and its tooltip with the category split.
    private static func heatCell(
        _ i: Int, _ j: Int, value: Int, maximum: Int, at box: (x: Double, y: Double, size: Double),
        matrix: PairingReport.Matrix, splits: [String: CategoryTally], _ svg: inout SVGCanvas
    ) {
        let (x, y, cell) = box
        let rowPerson = matrix.people[i], partner = matrix.people[j]
        let split = splits[key(rowPerson, partner)] ?? CategoryTally()
        let tooltip =
            "\(PairingText.name(rowPerson)) and \(PairingText.name(partner)): "
            + "\(HTMLText.plural(value, "paired commit")) ("
            + Category.allCases.map { "\($0.rawValue) \(split[$0])" }.joined(separator: ", ") + ")"
        // Logarithmic: beside one very busy pair (1,243 commits) the others (5 to 40) still differ.
        let strength = 0.18 + 0.82 * log1p(Double(value)) / log1p(Double(maximum))
        svg.rect(
            x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, class: "heat",
            data: [
                ("fill-opacity", JSONWriter.format((strength * 100).rounded() / 100)), ("data-row", String(i)),
                ("data-column", String(j)), ("data-commits", String(value)),
            ],
            title: tooltip)
        svg.text(String(value), x: x + cell / 2, y: y + cell / 2 + 4, anchor: .middle, class: strength > 0.75 ? "value on-dark" : "value")
    }

    /// The pairs with most commits, stacked by category.
    static func topPairs(_ report: PairingReport, limit: Int, id: String) -> String {
        let pairs = Array(report.pairs.prefix(limit))
        let nameWidth = 250.0, barX = 260.0, barWidth = width - barX - 90
        let step = 28.0, top = 8.0
        let axisY = top + Double(pairs.count) * step + 2
        var svg = SVGCanvas(width: width, height: axisY + 40)
        let (ticks, maximum) = SVGCanvas.countTicks(upTo: pairs.map(\.commits).max() ?? 0)
        let scale = barWidth / Double(maximum)
        svg.countGrid(ticks, x: barX, scale: scale, top: top, axisY: axisY)
        for (index, pair) in pairs.enumerated() {
            let y = top + Double(index) * step
            let names = "\(PairingText.name(pair.people[0])) & \(PairingText.name(pair.people[1]))"
            svg.beginGroup(data: [("data-pair", String(index)), ("data-commits", String(pair.commits))])
            svg.text(names, x: nameWidth, y: y + 14, anchor: .end, limit: 36)
            svg.stackedBar(
                x: barX, y: y, height: 19, scale: scale,
                parts: Category.allCases.map { ($0, Double(pair.byCategory[$0])) },
                label: { _, count in String(Int(count)) },
                tooltip: { category, count in "\(names): \(category.rawValue) \(Int(count))" },
                data: { _, count in [("data-commits", String(Int(count)))] })
            svg.text(String(pair.commits), x: barX + Double(pair.commits) * scale + 6, y: y + 14, class: "value")
            svg.endGroup()
        }
        svg.text("paired commits, by category", x: barX + barWidth / 2, y: axisY + 32, anchor: .middle, class: "axis-title")
        let note = report.pairs.count > pairs.count ? "The \(pairs.count) pairs with most commits, of \(report.pairs.count)." : ""
        return HTMLPage.figure(
            id: id, title: "Paired commits by category", note: note,
            svg: svg.svg(id: id + "-svg", title: "Top pairs by paired commits"))
    }

    /// Each person's paired commits as a share of their commits.
    static func shares(_ report: PairingReport, limit: Int, id: String) -> String {
        let people = Array(report.people.prefix(limit))
        let nameWidth = 190.0, barX = 200.0, barWidth = 330.0
        let step = 26.0, top = 8.0
        let axisY = top + Double(people.count) * step + 2
        var svg = SVGCanvas(width: width, height: axisY + 44)
        for (index, participant) in people.enumerated() {
            let y = top + Double(index) * step
            svg.beginGroup(data: [
                ("data-person", String(index)), ("data-commits", String(participant.commits)),
                ("data-paired", String(participant.pairedCommits)),
                ("data-share", JSONWriter.format(participant.pairedShare)),
            ])
            svg.text(PairingText.name(participant.person), x: nameWidth, y: y + 13, anchor: .end, limit: 28)
            svg.rect(x: barX, y: y, width: barWidth, height: 18, class: "track")
            svg.rect(
                x: barX, y: y, width: participant.pairedShare * barWidth, height: 18, class: "share",
                title: "\(PairingText.name(participant.person)): \(participant.pairedCommits) of "
                    + "\(HTMLText.plural(participant.commits, "commit")) paired")
            svg.text(
                "\(PairingText.percent(participant.pairedShare)) · \(participant.pairedCommits) of \(participant.commits)"
                    + " · \(HTMLText.plural(participant.partners, "partner"))", x: barX + barWidth + 8, y: y + 13, class: "value")
            svg.endGroup()
        }
        svg.percentAxis(x: barX, width: barWidth, top: top - 4, bottom: axisY, title: "share of the person's commits made in a pair")
        let note = report.people.count > people.count ? "The \(people.count) people with most paired commits, of \(report.people.count)." : ""
        return HTMLPage.figure(
            id: id, title: "Pairing share per person", note: note,
            svg: svg.svg(id: id + "-svg", title: "Pairing share per person"))
    }

    static func key(_ a: Person, _ b: Person) -> String {
        a.key < b.key ? a.key + "\n" + b.key : b.key + "\n" + a.key
    }
}

extension String {
    fileprivate var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
}
