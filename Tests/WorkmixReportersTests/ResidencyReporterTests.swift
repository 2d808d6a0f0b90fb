import Foundation
import WorkmixCore
import WorkmixReporters
import WorkmixTestSupport
import XCTest

/// Every residency format against a canned file in Tests/Fixtures/residency (JSON compared as parsed
/// objects). The report holds hostile text: a residency name with `|`, `%` and a newline, a partner
/// named `=HYPERLINK(…)` with `<script>` in the name. Set WORKMIX_RECORD_CANNED=1 to rewrite the files.
final class ResidencyReporterTests: XCTestCase {
    static func report() -> ResidencyReport {
        let alice = Person(name: "Alice Martin", email: "alice@platform.example")
        let mallory = Person(name: "=HYPERLINK(\"x\") <script>", email: "mallory@payments.example")
        var config = WorkmixConfig()
        config.residencies = [
            Residency(
                name: "payments | q1", residents: [PersonMatcher("alice@platform.example")],
                team: [PersonMatcher("mallory@payments.example"), PersonMatcher("Bob Li <bob@payments.example>")],
                repos: ["/r/payments-api"], from: CivilDate(year: 2024, month: 1, day: 8),
                to: CivilDate(year: 2024, month: 2, day: 16), timezone: TimeZone(identifier: "Europe/Paris")!,
                plan: [.investment: 0.5, .maintenance: 0.3, .support: 0.2]),
            Residency(
                name: "web 100%\nsecond line", residents: [PersonMatcher("alice@platform.example")],
                repos: ["/r/web"], from: CivilDate(year: 2024, month: 3, day: 1), to: CivilDate(year: 2024, month: 3, day: 31),
                plan: [.investment: 1]),
        ]
        var analysis = try! ResidencyAnalysis(config: config, defaultRepositories: [])
        func add(_ sha: String, _ author: Person, _ coAuthors: [Person], _ category: Category, churn: Int, repo: String) {
            let record = CommitRecord(
                sha: sha, author: author, authoredAt: DateParser.parseTimestamp("2024-01-10T10:00:00+01:00")!,
                subject: "s", coAuthors: coAuthors,
                changeInfo: .computed([FileChange(path: "f", insertions: churn, deletions: 1)]))
            analysis.add(
                ClassifiedCommit(record: record, classification: Classification(category: category)),
                from: NamedRepository(path: repo))
        }
        add("c1", alice, [mallory], .investment, churn: 9, repo: "/r/payments-api")
        add("c2", mallory, [alice], .investment, churn: 19, repo: "/r/payments-api")
        add("c3", alice, [], .maintenance, churn: 4, repo: "/r/payments-api")
        add("c4", mallory, [], .support, churn: 1, repo: "/r/payments-api")
        add("c5", mallory, [], .unclassified, churn: 0, repo: "/r/payments-api")
        return analysis.report()
    }

    func canned(_ name: String, _ actual: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try CannedFile.expected("Tests/Fixtures/residency/\(name)", actual: actual)
        XCTAssertEqual(actual, expected, name, file: file, line: line)
    }

    func testTable() throws { try canned("report.table.txt", TableResidencyReporter().report(Self.report())) }
    func testMarkdown() throws { try canned("report.md", MarkdownResidencyReporter().report(Self.report())) }
    func testCSV() throws { try canned("report.csv", CSVResidencyReporter().report(Self.report())) }
    func testCheckTable() throws { try canned("check.table.txt", TableCheckReporter().report(Self.report())) }
    func testCheckGitHub() throws { try canned("check.github.txt", GitHubCheckReporter().report(Self.report())) }
    func testCheckJSON() throws { try canned("check.json", JSONCheckReporter().report(Self.report())) }

    func testJSONHasTheShapeOfSpec6() throws {
        let text = JSONResidencyReporter().report(Self.report())
        try canned("report.json", text)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: PackageFiles.url("Tests/Fixtures/residency/report.json")))
        XCTAssertEqual(object, expected as? NSDictionary)
        let first = try XCTUnwrap((object["residencies"] as? [[String: Any]])?.first)
        XCTAssertEqual(
            Set(first.keys),
            [
                "name", "from", "to", "repos", "verdict", "measure", "total", "byCategory", "plan",
                "delta", "resident", "pairings", "weeks", "status",
            ])
        XCTAssertEqual(first["verdict"] as? String, "pass", "maintenance 5 points under plan is within the 10 of tolerance")
        // 2 investment, 1 maintenance, 1 support of 4 classified commits; 1 of 5 unclassified.
        let byCategory = try XCTUnwrap(first["byCategory"] as? [String: [String: Double]])
        XCTAssertEqual(byCategory["investment"]?["share"], 0.5)
        XCTAssertEqual(byCategory["unclassified"]?["share"], 0.2)
        XCTAssertEqual(first["delta"] as? [String: Double], ["investment": 0, "maintenance": -0.05, "support": 0.05])
    }

    func testHostileTextIsEscaped() throws {
        let report = Self.report()
        XCTAssertFalse(MarkdownResidencyReporter().report(report).contains("<script>"))
        let csv = CSVResidencyReporter().report(report)
        XCTAssertTrue(csv.contains(",\"'=HYPERLINK(\"\"x\"\") <script>\","), csv)
        XCTAssertTrue(csv.contains(",maintenance,1,5,0.25,0.3,-0.05,"), "numbers are not defused")
        let github = GitHubCheckReporter().report(report)
        XCTAssertEqual(github.split(separator: "\n").count, 2, "one command a residency: newlines are encoded")
        XCTAssertTrue(github.contains("title=Residency web 100%25%0Asecond line off plan::"), github)
        XCTAssertFalse(TableResidencyReporter().report(report).contains("100%\nsecond"))
    }

    /// JUnit XML with hostile names parses (Python's `xml.etree`) back to the names, less the characters
    /// XML cannot hold; the residency with no commit is the one failure.
    func testJUnitEscapesAndParses() throws {
        var report = Self.report()
        report.residencies[0].residency.name = "a <b> & \"c\" 'd'\u{1}\nnext"
        report.residencies[0].residency.location = SourceLocation(file: "ci/work&mix.yml", line: 7)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-junit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("junit.xml")
        try JUnitCheckReporter().report(report).write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, json, xml.etree.ElementTree as ET
            suite = ET.parse(sys.argv[1]).getroot().find('testsuite')
            cases = [[c.get('name'), c.get('classname'), c.get('line'), c.find('failure') is not None] for c in suite.findall('testcase')]
            print(json.dumps([suite.get('tests'), suite.get('failures'), suite.get('skipped'), cases]))
            """
        let python = try FixtureRepository.runProcess("/usr/bin/env", ["python3", "-c", script, file.path], in: folder.path)
        XCTAssertEqual(python.status, 0, python.stderr)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: python.stdoutData) as? [Any])
        XCTAssertEqual(parsed[0] as? String, "2")
        XCTAssertEqual(parsed[1] as? String, "1")
        XCTAssertEqual(parsed[2] as? String, "0")
        let cases = try XCTUnwrap(parsed[3] as? [[Any]])
        XCTAssertEqual(cases[0][0] as? String, "a <b> & \"c\" 'd'\nnext")
        XCTAssertEqual(cases[0][1] as? String, "ci/work&mix.yml")
        XCTAssertEqual(cases[0][2] as? String, "7")
        XCTAssertEqual(cases.map { $0[3] as? Bool }, [false, true])
    }

    func testSameReportGivesTheSameBytes() {
        for reporter in Reporters.residency.all.map({ $0.init() }) {
            XCTAssertEqual(reporter.report(Self.report()), reporter.report(Self.report()))
        }
    }
}
