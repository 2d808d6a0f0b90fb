import Foundation
import WorkmixTestSupport
import XCTest

final class ScanCommandTests: CLITestCase {
    func makeRepository() throws -> FixtureRepository {
        let repo = try FixtureRepository(name: "team")
        try repo.write("a.txt", "a\n")
        try repo.commit("Add a", date: "2021-03-01T10:00:00+01:00")
        try repo.write("a.txt", "a\nb\n")
        try repo.commit("Extend a\n\nCo-authored-by: Bob <BOB@x.io>\n", date: "2021-03-02T10:00:00+01:00")
        return repo
    }

    func testJSONLinesRecordFields() throws {
        let repo = try makeRepository()
        let run = try workmix(["scan", "--repo", repo.path, "--format", "jsonl", "--stats", "--files"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try jsonLines(run.stdout)
        XCTAssertEqual(rows.map { $0["sha"] as? String }, try repo.lines(["rev-list", "HEAD"]))
        let first = rows[0]
        XCTAssertEqual(first["repo"] as? String, "team")
        XCTAssertEqual(first["subject"] as? String, "Extend a")
        XCTAssertEqual(first["authoredAt"] as? String, "2021-03-02T10:00:00+01:00")
        XCTAssertEqual((first["coAuthors"] as? [[String: String]])?.first, ["name": "Bob", "email": "bob@x.io"])
        XCTAssertEqual(first["stats"] as? [String: Int], ["files": 1, "insertions": 1, "deletions": 0])
        XCTAssertEqual((first["changes"] as? [[String: Any]])?.first?["status"] as? String, "modified")
        XCTAssertEqual(first["isMerge"] as? Bool, false)
        XCTAssertNotNil(first["category"] as? String)
        XCTAssertEqual((first["trailers"] as? [[String: String]])?.first?["key"], "Co-authored-by")
    }

    func testWithoutStatsTheFieldsAreAbsent() throws {
        let repo = try makeRepository()
        let rows = try jsonLines(try workmix(["scan", "--repo", repo.path, "--format", "jsonl"]).stdout)
        XCTAssertNil(rows[0]["stats"])
        XCTAssertNil(rows[0]["changes"])
    }

    func testJSONIsOneArrayAndEqualsJSONLines() throws {
        let repo = try makeRepository()
        let json = try workmix(["scan", "--repo", repo.path, "--format", "json", "--stats"])
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: Any]])
        let lines = try jsonLines(try workmix(["scan", "--repo", repo.path, "--format", "jsonl", "--stats"]).stdout)
        XCTAssertEqual(array.count, 2)
        XCTAssertEqual(array.map { $0["sha"] as? String }, lines.map { $0["sha"] as? String })
    }

    func testSameInputGivesByteIdenticalOutputWhateverTheJobs() throws {
        let repo = try makeRepository()
        for format in ["jsonl", "json", "csv", "table", "markdown"] {
            let one = try workmix(["scan", "--repo", repo.path, "--format", format, "--stats", "--jobs", "1"])
            let two = try workmix(["scan", "--repo", repo.path, "--format", format, "--stats", "--jobs", "2"])
            XCTAssertEqual(one.status, 0, one.stderr)
            XCTAssertEqual(one.stdoutData, two.stdoutData, format)
        }
    }

    func testCSVQuotesAndDefusesFormulas() throws {
        let repo = try FixtureRepository(name: "csv")
        try repo.write("x", "1\n")
        try repo.commit("=HYPERLINK(\"http://evil\"), \"quoted\"", author: (name: "@mallory", email: "m@x.io"))
        let run = try workmix(["scan", "--repo", repo.path, "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let row = run.stdout.split(separator: "\r\n")[1]
        XCTAssertTrue(row.contains(",'@mallory,"), String(row))
        XCTAssertTrue(row.contains(",\"'=HYPERLINK(\"\"http://evil\"\"), \"\"quoted\"\"\","), String(row))
    }

    func testMultipleRepositoriesInOrder() throws {
        let a = try makeRepository(), b = try makeRepository()
        let rows = try jsonLines(try workmix(["scan", "--repo", a.path, "--repo", b.path, "--format", "jsonl"]).stdout)
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows.map { $0["sha"] as? String }, try a.lines(["rev-list", "HEAD"]) + b.lines(["rev-list", "HEAD"]))
    }

    func testOutputFileAppearsOnlyWhenComplete() throws {
        let repo = try makeRepository()
        let out = repo.root.appendingPathComponent("out.jsonl").path
        XCTAssertEqual(try workmix(["scan", "--repo", repo.path, "--format", "jsonl", "--output", out]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count, 2)

        let failed = repo.root.appendingPathComponent("failed.jsonl").path
        let run = try workmix(["scan", "--repo", repo.path, "--repo", repo.root.appendingPathComponent("nope").path,
                               "--format", "jsonl", "--output", failed])
        XCTAssertEqual(run.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: failed))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: repo.root.path).filter { $0.contains("partial") }, [])
    }

    func testBadInputExitsTwoWithOneLine() throws {
        let repo = try makeRepository()
        assertFails(try workmix(["scan", "--repo", repo.root.appendingPathComponent("missing").path]), code: 2,
                    mentioning: ["missing", "no such file"])
        assertFails(try workmix(["scan", "--repo", repo.root.path]), code: 2, mentioning: ["not a git repository"])
        assertFails(try workmix(["scan", "--repo", repo.path, "--rev", "nope..HEAD"]), code: 2, mentioning: ["nope", repo.path])
        let usage = try workmix(["scan", "--repo", repo.path, "--since", "last tuesday"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("--since"), usage.stderr)
        XCTAssertEqual(try workmix(["scan", "--format", "html", "--repo", repo.path]).status, 2)
        XCTAssertEqual(try workmix(["scan", "--bogus"]).status, 2)
    }

    func testEmptyRepositoryPrintsNoRowsAndSucceeds() throws {
        let repo = try FixtureRepository(name: "empty")
        let run = try workmix(["scan", "--repo", repo.path, "--format", "jsonl"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(try workmix(["scan", "--repo", repo.path, "--format", "json"]).stdout, "[]\n")
    }

    func testHelpAndVersionSucceed() throws {
        XCTAssertEqual(try workmix(["--help"]).status, 0)
        XCTAssertEqual(try workmix(["scan", "--help"]).status, 0)
        XCTAssertEqual(try workmix(["--version"]).status, 0)
    }
}
