import Foundation
import WorkmixCore
import WorkmixReporters
import WorkmixTestSupport
import XCTest

/// The pairing report as HTML (issue 7): well-formed, self-contained, hostile names inert, the numbers
/// drawn equal to the JSON report's, and byte for byte the canned page (Tests/Fixtures/html/pairs.html;
/// WORKMIX_RECORD_CANNED=1 rewrites it).
final class HTMLPairingReporterTests: XCTestCase {
    static func hostileReport() -> PairingReport {
        var aggregator = PairingAggregator()
        let people = [
            Person(name: "<img src=x onerror=alert(1)>", email: "img@x.io"),
            Person(name: "<script>alert(1)</script>", email: "script@x.io"),
            Person(name: "x\" onmouseover=\"alert(1)", email: "quote@x.io"),
            Person(name: "Ctrl\u{1B}[31m", email: "ctrl@x.io"),
        ]
        for (index, (author, coAuthors, category)) in [
            (people[0], [people[1]], Category.investment), (people[1], [people[0], people[2]], .support),
            (people[2], [people[3]], .maintenance), (people[3], [], .unclassified), (people[0], [people[1]], .investment),
        ].enumerated() {
            let record = CommitRecord(
                repo: "<img src=y onerror=alert(2)>", sha: "p\(index)", author: author,
                authoredAt: Timestamp(seconds: 1_700_000_000 + Int64(index) * 86400, offsetMinutes: 0),
                subject: "<script>alert(3)</script>", coAuthors: coAuthors,
                changeInfo: .computed([FileChange(path: "a", insertions: 1, deletions: 0)]))
            aggregator.add(ClassifiedCommit(record: record, classification: Classification(category: category)))
        }
        return aggregator.report()
    }

    static var reports: [PairingReport] {
        [PairsReporterTests.sampleReport(), hostileReport(), PairingAggregator().report()]
    }

    func testPageIsWellFormedAndSelfContained() throws {
        for report in Self.reports {
            let page = HTMLPairingReporter().report(report)
            let root = try XHTMLDocument.parse(page)
            XHTMLDocument.assertSelfContained(page, root)
            for chart in root.all({ $0.name == "svg" && ($0.attributes["class"] ?? "").hasPrefix("chart") }) {
                XCTAssertEqual(chart.children.first?.name, "title", "every chart has a title")
                XCTAssertFalse(chart.all { $0.attributes["class"] == "axis-title" }.isEmpty, "every chart names its axis")
            }
        }
    }

    func testHostileNamesShowAsText() throws {
        let page = HTMLPairingReporter().report(Self.hostileReport())
        XHTMLDocument.assertHostileTextIsInert(page)
        let root = try XHTMLDocument.parse(page)
        XCTAssertTrue(root.allText.contains("<script>alert(1)</script>"))
        XCTAssertTrue(root.allText.contains("x\" onmouseover=\"alert(1)"))
        XCTAssertTrue(root.allText.contains("<img src=y onerror=alert(2)>"), "the repository, in the table")
        XCTAssertTrue(root.allText.contains("Ctrl\u{FFFD}[31m"), "control characters replaced")
        let cell = try XCTUnwrap(root.first { $0.attributes["class"] == "heat" })
        XCTAssertTrue(cell.allText.contains("investment"), "the tooltip has the category split: \(cell.allText)")
    }

    func testNumbersDrawnEqualTheJSONReport() throws {
        for report in Self.reports {
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONPairingReporter().report(report).utf8)) as? [String: Any])
            try Self.assertDrawnNumbers(try XHTMLDocument.parse(HTMLPairingReporter().report(report)), equal: json)
        }
    }

    static func assertDrawnNumbers(
        _ root: XHTMLDocument.Node, equal json: [String: Any], file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let matrix = try XCTUnwrap(json["matrix"] as? [String: Any], file: file, line: line)
        let commits = try XCTUnwrap(matrix["commits"] as? [[Int]], file: file, line: line)
        var drawn = commits.map { $0.map { _ in 0 } }
        for cell in root.all({ $0.attributes["class"] == "heat" }) {
            drawn[cell.int("data-row")!][cell.int("data-column")!] = cell.int("data-commits")!
        }
        XCTAssertEqual(drawn, commits, file: file, line: line)

        let pairs = try XCTUnwrap(json["pairs"] as? [[String: Any]], file: file, line: line)
        let bars = root.all { $0.attributes["data-pair"] != nil }
        XCTAssertEqual(bars.count, min(pairs.count, HTMLPairingReporter.chartLimit), file: file, line: line)
        for (bar, pair) in zip(bars, pairs) {
            XCTAssertEqual(bar.int("data-commits"), pair["commits"] as? Int, file: file, line: line)
            XCTAssertEqual(
                HTMLResidencyReporterTests.segments(bar), HTMLResidencyReporterTests.counts(pair["byCategory"] as? [String: Int]),
                file: file, line: line)
        }

        let people = try XCTUnwrap(json["people"] as? [[String: Any]], file: file, line: line)
        let rows = root.all { $0.attributes["data-person"] != nil }
        XCTAssertEqual(rows.count, min(people.count, HTMLPairingReporter.chartLimit * 2), file: file, line: line)
        for (row, person) in zip(rows, people) {
            XCTAssertEqual(row.int("data-commits"), person["commits"] as? Int, file: file, line: line)
            XCTAssertEqual(row.int("data-paired"), person["pairedCommits"] as? Int, file: file, line: line)
            XCTAssertEqual(row.double("data-share"), person["pairedShare"] as? Double, file: file, line: line)
        }
    }

    /// The canned page was written by another process: equal bytes mean the page does not depend on
    /// a process's hash seed or clock.
    func testCannedPage() throws {
        let page = HTMLPairingReporter().report(PairsReporterTests.sampleReport())
        XCTAssertEqual(page, try CannedFile.expected("Tests/Fixtures/html/pairs.html", actual: page))
    }

    /// Sixty people in a ring, each pair with a few commits, and one pair with 1,234 (issue 17).
    static func bigTeamReport() -> PairingReport {
        var aggregator = PairingAggregator()
        let people = (0..<60).map { Person(name: "Engineer Number \($0) With A Long Name", email: "e\($0)@a-long-domain.example") }
        var serial = 0
        func add(_ author: Person, _ partner: Person, times: Int) {
            for _ in 0..<times {
                serial += 1
                let record = CommitRecord(
                    repo: "r", sha: "s\(serial)", author: author,
                    authoredAt: Timestamp(seconds: 1_700_000_000 + Int64(serial), offsetMinutes: 0),
                    subject: "c", coAuthors: [partner])
                aggregator.add(ClassifiedCommit(record: record, classification: Classification(category: .investment)))
            }
        }
        add(people[0], people[1], times: 1234)
        for index in 1..<60 { add(people[index], people[(index + 1) % 60], times: 100 + index) }
        return aggregator.report()
    }

    func testBigTeamMatrixCellsHoldTheirNumbersAndWideThingsScroll() throws {
        let report = Self.bigTeamReport()
        let page = HTMLPairingReporter().report(report)
        let root = try XHTMLDocument.parse(page)
        let cells = root.all { $0.attributes["class"] == "heat" }
        XCTAssertTrue(cells.contains { $0.int("data-commits") == 1234 })
        for cell in cells {
            let digits = Double(String(cell.int("data-commits") ?? 0).count)
            XCTAssertGreaterThanOrEqual(cell.double("width") ?? 0, digits * 7.5, "a cell fits its number")
        }
        XCTAssertTrue(root.allText.contains("The 30 people with most paired commits, of 60."))
        let matrix = try XCTUnwrap(root.first { $0.attributes["aria-labelledby"] == "matrix-chart-svg-title" })
        XCTAssertEqual(matrix.attributes["class"], "chart fit", "drawn at its size; the panel scrolls")
        XCTAssertGreaterThan(matrix.double("width") ?? 0, 980, "wider than the page: scrolled, not shrunk")
        XCTAssertTrue(page.contains("svg.chart.fit { width: auto; max-width: none; }"))
        XCTAssertTrue(page.contains("overflow-x: auto;"))
        let tables = root.all { $0.name == "table" }
        XCTAssertEqual(tables.count, 2)
        XCTAssertEqual(root.all { $0.attributes["class"] == "table-box" }.map { $0.children.first?.name }, ["table", "table"])
        for cell in cells {
            XCTAssertEqual(cell.int("data-commits"), report.matrix.commits[cell.int("data-row") ?? 0][cell.int("data-column") ?? 0])
        }
        XCTAssertEqual(cells.count, 2 * 30 - 2, "the ring among the 30 drawn: 29 pairs, each twice (1,234 included)")
    }

    func testRegistered() {
        XCTAssertTrue(Reporters.pairs.reporter(for: .html) is HTMLPairingReporter)
    }
}
