import Foundation
import WorkmixTestSupport
import XCTest

/// A rule whose regex the engine gives up on (#14, item 3): `scan`, `report` and `check` say so once at
/// the end, on stderr, and count the commits in JSON.
final class RegexGaveUpTests: CLITestCase {
    /// Three commits whose subjects make `^(?:(a+)+$|a*!$)` backtrack past PCRE2's match limit, two
    /// that do not; a user rule file with that pattern, and a residency over all five.
    func fixture() throws -> (repo: FixtureRepository, rules: String, config: String) {
        let repo = try FixtureRepository(name: "backtracking")
        for (index, subject) in [
            "Fix the login", String(repeating: "a", count: 28) + "!", "Add refunds",
            String(repeating: "a", count: 30) + "!", String(repeating: "a", count: 29) + "!",
        ].enumerated() {
            try repo.write("file\(index).txt", "\(index)\n")
            try repo.commit(subject, date: "2020-01-0\(index + 2)T10:00:00+00:00")
        }
        let rules = repo.root.appendingPathComponent("team.yml").path
        try """
        version: 1
        rules:
          - id: shouting
            category: support
            match:
              subject: '^(?:(a+)+$|a*!$)'
        """.write(toFile: rules, atomically: true, encoding: .utf8)
        let config = repo.root.appendingPathComponent("workmix.yml").path
        try """
        rules: [team.yml]
        repos: [backtracking]
        residencies:
          - name: q1
            resident: ada@example.com
            from: 2020-01-01
            to: 2020-01-31
            plan: {investment: 40%, maintenance: 30%, support: 30%}
        """.write(toFile: config, atomically: true, encoding: .utf8)
        return (repo, rules, config)
    }

    func assertOneWarning(_ run: Run, file: StaticString = #filePath, line: UInt = #line) {
        let lines = run.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, run.stderr, file: file, line: line)
        for needle in ["workmix: warning: rule shouting (", "team.yml:3", "gave up", "on 3 commit(s)"] {
            XCTAssertTrue(run.stderr.contains(needle), "\(needle) in \(run.stderr)", file: file, line: line)
        }
    }

    func testScanWarnsOnceAndListsTheCommits() throws {
        let (repo, rules, _) = try fixture()
        for format in ["jsonl", "json"] {
            let scan = try workmix(["scan", "--repo", repo.path, "--rules", rules, "--config", "/dev/null", "--format", format])
            XCTAssertEqual(scan.status, 0, scan.stderr)
            assertOneWarning(scan)
            let rows: [[String: Any]] =
                format == "json"
                ? try XCTUnwrap(JSONSerialization.jsonObject(with: scan.stdoutData) as? [[String: Any]])
                : try jsonLines(scan.stdout)
            XCTAssertEqual(rows.count, 5)
            let flagged = rows.filter { $0["unevaluated"] != nil }
            XCTAssertEqual(flagged.count, 3, scan.stdout)
            XCTAssertEqual(flagged.compactMap { $0["unevaluated"] as? [String] }, Array(repeating: ["shouting"], count: 3))
            XCTAssertTrue(flagged.allSatisfy { ($0["subject"] as? String)?.hasSuffix("!") == true })
        }
        let table = try workmix(["scan", "--repo", repo.path, "--rules", rules, "--config", "/dev/null", "--format", "table"])
        assertOneWarning(table)
        let quiet = try workmix(["scan", "--repo", repo.path, "--rules", rules, "--config", "/dev/null", "--quiet"])
        XCTAssertEqual(quiet.stderr, "")
        // pairs classifies the same commits, so it warns the same way.
        let pairs = try workmix(["pairs", "--repo", repo.path, "--rules", rules, "--config", "/dev/null", "--format", "json"])
        XCTAssertEqual(pairs.status, 0, pairs.stderr)
        assertOneWarning(pairs)
        // A pattern the engine decides says nothing.
        let plain = try workmix(["scan", "--repo", repo.path, "--config", "/dev/null"])
        XCTAssertEqual(plain.stderr, "")
        XCTAssertFalse(plain.stdout.contains("unevaluated"))
    }

    func testReportAndCheckWarnOnceAndCountInJSON() throws {
        let (repo, _, config) = try fixture()
        let report = try workmix(["report", "--config", config, "--format", "json"], in: repo.root.path)
        XCTAssertEqual(report.status, 0, report.stderr)
        assertOneWarning(report)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any])
        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertEqual(summary["unevaluated"] as? Int, 3)

        let check = try workmix(["check", "--config", config, "--format", "json"], in: repo.root.path)
        XCTAssertEqual(check.status, 1, "the unclassified share fails the plan: \(check.stderr)")
        assertOneWarning(check)
        let verdicts = try XCTUnwrap(JSONSerialization.jsonObject(with: check.stdoutData) as? [String: Any])
        XCTAssertEqual(verdicts["unevaluated"] as? Int, 3)

        let table = try workmix(["check", "--config", config], in: repo.root.path)
        XCTAssertEqual(table.status, 1)
        assertOneWarning(table)
    }
}
