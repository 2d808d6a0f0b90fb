import Foundation
import WorkmixCore
import WorkmixReporters
import WorkmixTestSupport
import XCTest

/// The residency report as HTML (issue 7): well-formed XHTML, self-contained, hostile text inert, the
/// numbers drawn equal to the JSON report's, and byte for byte the canned page
/// (Tests/Fixtures/html/report.html; WORKMIX_RECORD_CANNED=1 rewrites it).
final class HTMLResidencyReporterTests: XCTestCase {
    static let hostile = Person(name: "<img src=x onerror=alert(1)>", email: "img@payments.example")
    static let scripted = Person(name: "<script>alert(1)</script>", email: "script@payments.example")

    /// A residency whose name, repository and people are markup, with weeks across the window.
    static func hostileReport() -> ResidencyReport {
        let alice = Person(name: "Alice \"<b>\" Martin", email: "alice@platform.example")
        var config = WorkmixConfig()
        config.residencies = [
            Residency(
                name: "<script>alert('name')</script>", residents: [PersonMatcher("alice@platform.example")],
                team: [PersonMatcher("img@payments.example"), PersonMatcher("script@payments.example")],
                repositories: [NamedRepository(name: "<img src=x onerror=alert(1)>", path: "/r/api")],
                from: CivilDate(year: 2024, month: 1, day: 1), to: CivilDate(year: 2024, month: 1, day: 20),
                plan: [.investment: 0.5, .maintenance: 0.5], maxUnclassified: 0.1)
        ]
        var analysis = try! ResidencyAnalysis(config: config, defaultRepositories: [])
        let commits: [(String, Person, [Person], Category)] = [
            ("2024-01-01T09:00:00+00:00", alice, [hostile], .investment),
            ("2024-01-03T09:00:00+00:00", hostile, [alice, scripted], .maintenance),
            ("2024-01-09T09:00:00+00:00", scripted, [], .unclassified),
            ("2024-01-16T09:00:00+00:00", alice, [scripted], .investment),
            ("2024-01-20T23:30:00+00:00", alice, [], .support),
        ]
        for (index, (date, author, coAuthors, category)) in commits.enumerated() {
            let record = CommitRecord(
                sha: "h\(index)", author: author, authoredAt: DateParser.parseTimestamp(date)!,
                subject: "<script>alert(\(index))</script>", coAuthors: coAuthors,
                changeInfo: .computed([FileChange(path: "<img src=x>.swift", insertions: index, deletions: 1)]))
            analysis.add(
                ClassifiedCommit(record: record, classification: Classification(category: category)),
                from: NamedRepository(name: "<img src=x onerror=alert(1)>", path: "/r/api"))
        }
        return analysis.report()
    }

    func testPageIsWellFormedAndSelfContained() throws {
        for report in [ResidencyReporterTests.report(), Self.hostileReport()] {
            let page = HTMLResidencyReporter().report(report)
            let root = try XHTMLDocument.parse(page)
            XHTMLDocument.assertSelfContained(page, root)
            let charts = root.all { $0.name == "svg" && ($0.attributes["class"] ?? "").hasPrefix("chart") }
            // Summary, then per residency: plan, weeks, and pairings when it has a team.
            XCTAssertEqual(charts.count, 1 + 2 * report.residencies.count + report.residencies.filter { !$0.pairings.isEmpty }.count)
            for chart in charts {
                XCTAssertEqual(chart.children.first?.name, "title", "every chart has a title")
                XCTAssertFalse(chart.all { $0.attributes["class"] == "axis-title" }.isEmpty, "every chart names its axis")
            }
        }
    }

    func testHostileTextShowsAsText() throws {
        let page = HTMLResidencyReporter().report(Self.hostileReport())
        XHTMLDocument.assertHostileTextIsInert(page)
        let root = try XHTMLDocument.parse(page)
        let text = root.allText
        XCTAssertTrue(text.contains("<script>alert('name')</script>"), "the residency name, shown as text")
        XCTAssertTrue(text.contains("<img src=x onerror=alert(1)>"), "the partner and the repository, shown as text")
        XCTAssertTrue(text.contains("Alice \"<b>\" Martin"))
        XCTAssertNil(root.first { $0.name == "b" })
    }

    /// What a chart draws is what the JSON report counts, residency by residency.
    func testNumbersDrawnEqualTheJSONReport() throws {
        for report in [ResidencyReporterTests.report(), Self.hostileReport()] {
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONResidencyReporter().report(report).utf8)) as? [String: Any])
            let root = try XHTMLDocument.parse(HTMLResidencyReporter().report(report))
            try Self.assertDrawnNumbers(root, equal: json)
        }
    }

    static func assertDrawnNumbers(
        _ root: XHTMLDocument.Node, equal json: [String: Any], file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let residencies = try XCTUnwrap(json["residencies"] as? [[String: Any]], file: file, line: line)
        let summaryRows = root.all { $0.attributes["data-summary"] != nil }
        XCTAssertEqual(summaryRows.count, residencies.count + 1, file: file, line: line)
        for (index, residency) in residencies.enumerated() {
            let section = try XCTUnwrap(root.first { $0.attributes["id"] == "residency-\(index + 1)" }, file: file, line: line)
            XCTAssertEqual(section.attributes["data-verdict"], residency["verdict"] as? String, file: file, line: line)
            let byCategory = try XCTUnwrap(residency["byCategory"] as? [String: [String: Double]], file: file, line: line)
            for category in Category.allCases.map(\.rawValue) {
                let row = try XCTUnwrap(section.first { $0.attributes["data-row"] == category }, category, file: file, line: line)
                XCTAssertEqual(row.double("data-commits"), byCategory[category]?["commits"], category, file: file, line: line)
                XCTAssertEqual(row.double("data-share"), byCategory[category]?["share"], category, file: file, line: line)
            }
            let summary = summaryRows[index]
            XCTAssertEqual(summary.int("data-commits"), (residency["total"] as? [String: Int])?["commits"], file: file, line: line)
            let commits = (residency["byCategory"] as? [String: [String: Any]])?.mapValues { $0["commits"] as? Int ?? -1 }
            XCTAssertEqual(segments(summary), counts(commits), file: file, line: line)

            let weeks = try XCTUnwrap(residency["weeks"] as? [[String: Any]], file: file, line: line)
            let columns = section.all { $0.attributes["data-week"] != nil }
            XCTAssertEqual(columns.map { $0.attributes["data-week"] }, weeks.map { $0["from"] as? String }, file: file, line: line)
            for (column, week) in zip(columns, weeks) {
                XCTAssertEqual(column.int("data-commits"), week["commits"] as? Int, file: file, line: line)
                XCTAssertEqual(segments(column), counts(week["byCategory"] as? [String: Int]), file: file, line: line)
            }

            let pairings = try XCTUnwrap(residency["pairings"] as? [[String: Any]], file: file, line: line)
            let bars = section.all { $0.attributes["data-partner"] != nil }
            XCTAssertEqual(bars.count, pairings.count, file: file, line: line)
            for (bar, pairing) in zip(bars, pairings) {
                let partner = pairing["partner"] as? [String: String] ?? [:]
                XCTAssertEqual(
                    bar.attributes["data-partner"], (partner["email"] ?? "").isEmpty ? partner["name"] : partner["email"],
                    file: file, line: line)
                XCTAssertEqual(bar.int("data-commits"), pairing["commits"] as? Int, file: file, line: line)
                XCTAssertEqual(segments(bar), counts(pairing["byCategory"] as? [String: Int]), file: file, line: line)
            }
        }
        let all = try XCTUnwrap(summaryRows.last, file: file, line: line)
        let summary = try XCTUnwrap(json["summary"] as? [String: Any], file: file, line: line)
        XCTAssertEqual(all.int("data-commits"), (summary["total"] as? [String: Int])?["commits"], file: file, line: line)
    }

    /// The counts of a bar's category segments, zeros for those not drawn.
    static func segments(_ node: XHTMLDocument.Node) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0.rawValue, 0) })
        for segment in node.all({ $0.attributes["data-category"] != nil && $0.attributes["data-commits"] != nil }) {
            counts[segment.attributes["data-category"]!]! += segment.int("data-commits") ?? -1000
        }
        return counts
    }

    static func counts(_ map: [String: Int]?) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0.rawValue, map?[$0.rawValue] ?? -1) })
    }

    func testTimelineSplitsTheWindowIntoWeeks() throws {
        let result = try XCTUnwrap(Self.hostileReport().residencies.first)
        XCTAssertEqual(
            result.weeks.map { "\($0.from)..\($0.to)" },
            ["2024-01-01..2024-01-07", "2024-01-08..2024-01-14", "2024-01-15..2024-01-20"])
        XCTAssertEqual(result.weeks.map(\.work.total.commits), [2, 1, 2], "23:30 UTC on the last day is still in the window")
        XCTAssertEqual(result.weeks.reduce(0) { $0 + $1.work.total.commits }, result.work.total.commits)
    }

    /// The canned page was written by another process: equal bytes mean the page does not depend on
    /// a process's hash seed or clock.
    func testCannedPage() throws {
        let page = HTMLResidencyReporter().report(ResidencyReporterTests.report())
        XCTAssertEqual(page, try CannedFile.expected("Tests/Fixtures/html/report.html", actual: page))
    }

    func testRegistered() {
        XCTAssertTrue(Reporters.residency.reporter(for: .html) is HTMLResidencyReporter)
    }
}
