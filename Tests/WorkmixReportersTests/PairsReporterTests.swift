import Foundation
import WorkmixCore
import WorkmixReporters
import WorkmixTestSupport
import XCTest

/// The pairing reporters on one report with hostile names, against canned files in Tests/Fixtures/pairs
/// (JSON compared as parsed objects, the text formats byte for byte).
final class PairsReporterTests: XCTestCase {
    static let ada = Person(name: "Ada Lovelace", email: "ada@x.io")
    static let formula = Person(name: "=cmd|' /C calc'!A0", email: "evil@x.io")
    static let piped = Person(name: "a|b", email: "ab@x.io")
    static let broken = Person(name: "Line\nBreak", email: "+lb@x.io")

    static func sampleReport(_ selection: PairingSelection = PairingSelection()) -> PairingReport {
        var aggregator = PairingAggregator()
        var serial = 0
        func add(
            _ author: Person, _ coAuthors: [Person], _ category: Category, _ seconds: Int64, repo: String = "api",
            churn: Int? = 4
        ) {
            serial += 1
            let changes: ChangeInfo = churn.map { .computed([FileChange(path: "f", insertions: $0, deletions: 1)]) } ?? .unavailable
            let record = CommitRecord(
                repo: repo, sha: String(serial), author: author,
                authoredAt: Timestamp(seconds: seconds, offsetMinutes: 60), subject: "s",
                coAuthors: coAuthors, changeInfo: changes)
            aggregator.add(ClassifiedCommit(record: record, classification: Classification(category: category)))
        }
        add(ada, [formula], .investment, 1_577_872_800)
        add(formula, [ada], .support, 1_577_959_200, repo: "web")
        add(ada, [formula, piped], .support, 1_578_045_600)
        add(piped, [broken], .unclassified, 1_578_132_000, churn: nil)
        add(ada, [], .maintenance, 1_578_218_400)
        return aggregator.report(selection)
    }

    /// The canned file (see `CannedFile` for recording it anew from `current`).
    func canned(_ name: String, current: String? = nil) throws -> String {
        guard let current else { return try String(contentsOf: PackageFiles.url("Tests/Fixtures/pairs/" + name), encoding: .utf8) }
        return try CannedFile.expected("Tests/Fixtures/pairs/" + name, actual: current)
    }

    func output(_ format: OutputFormat, _ report: PairingReport = sampleReport()) throws -> String {
        try XCTUnwrap(Reporters.pairs.reporter(for: format)).report(report)
    }

    func testJSONHasTheShapeOfSpec5() throws {
        let text = try output(.json)
        let got = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
        let want = try JSONSerialization.jsonObject(with: Data(try canned("report.json", current: text).utf8)) as? NSDictionary
        XCTAssertEqual(got, want, text)
        let object = try XCTUnwrap(got as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["pairs", "people", "pairingCommits", "matrix"])
        let pair = try XCTUnwrap((object["pairs"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(pair.keys), ["people", "commits", "byCategory", "churn", "first", "last", "repos", "category"])
        let person = try XCTUnwrap((object["people"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(person.keys), ["person", "commits", "pairedCommits", "pairedShare", "partners", "aliases"])
    }

    func testCSVQuotesAndDefusesHostileNames() throws {
        let text = try output(.csv)
        XCTAssertEqual(text, try canned("report.csv", current: text))
        XCTAssertTrue(text.split(separator: "\r\n")[1].hasPrefix("'=cmd|' /C calc'!A0,evil@x.io,"), text)
        XCTAssertTrue(text.contains("\"Line\nBreak\",'+lb@x.io,"), text)
    }

    func testMarkdownEscapesPipesAndLineBreaks() throws {
        let text = try output(.markdown)
        XCTAssertEqual(text, try canned("report.md", current: text))
        XCTAssertTrue(text.contains("| a\\|b &lt;ab@x.io&gt; | Line Break &lt;+lb@x.io&gt; |"), text)
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            XCTAssertTrue(line.hasSuffix("|"), String(line))
        }
    }

    func testTableHasNoControlCharacters() throws {
        let text = try output(.table)
        XCTAssertEqual(text, try canned("report.table", current: text))
        XCTAssertFalse(text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    }

    func testOutputIsDeterministic() throws {
        for format in Reporters.pairs.formats {
            XCTAssertEqual(try output(format), try output(format, Self.sampleReport()), format.rawValue)
        }
    }

    func testFormats() {
        XCTAssertEqual(Set(Reporters.pairs.formats), [.table, .json, .csv, .markdown, .html])
        XCTAssertNil(Reporters.pairs.reporter(for: .jsonl))
        XCTAssertNil(Reporters.pairs.reporter(for: .github))
    }

    func testEmptyReportIsValidJSON() throws {
        let text = try output(.json, PairingAggregator().report())
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["pairingCommits"] as? Int, 0)
        XCTAssertEqual((object["pairs"] as? [Any])?.count, 0)
    }
}
