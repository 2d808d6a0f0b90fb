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
        let run = try workmix([
            "scan", "--repo", repo.path, "--repo", repo.root.appendingPathComponent("nope").path,
            "--format", "jsonl", "--output", failed,
        ])
        XCTAssertEqual(run.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: failed))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: repo.root.path).filter { $0.contains("partial") }, [])
    }

    func testBadInputExitsTwoWithOneLine() throws {
        let repo = try makeRepository()
        assertFails(
            try workmix(["scan", "--repo", repo.root.appendingPathComponent("missing").path]), code: 2,
            mentioning: ["missing", "no such file"])
        assertFails(try workmix(["scan", "--repo", repo.root.path]), code: 2, mentioning: ["not a git repository"])
        assertFails(try workmix(["scan", "--repo", repo.path, "--rev", "nope..HEAD"]), code: 2, mentioning: ["nope", repo.path])
        let usage = try workmix(["scan", "--repo", repo.path, "--since", "last tuesday"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("--since"), usage.stderr)
        XCTAssertEqual(try workmix(["scan", "--format", "html", "--repo", repo.path]).status, 2)
        XCTAssertEqual(try workmix(["scan", "--bogus"]).status, 2)
    }

    /// Usage errors say all on one line: the values a choice takes, and a negative number is a bad
    /// value, not a missing one.
    func testUsageErrorsAreWholeOnOneLine() throws {
        let repo = try makeRepository()
        assertFails(
            try workmix(["scan", "--repo", repo.path, "--format", "nope"]), code: 2,
            mentioning: ["'nope'", "scan has no 'nope' format (use jsonl, json, csv, table, markdown)"])
        // Each command offers its own formats only (issue 15): scan has no html, report no jsonl.
        assertFails(try workmix(["scan", "--repo", repo.path, "--format", "html"]), code: 2, mentioning: ["scan has no 'html' format"])
        assertFails(
            try workmix(["report", "--repo", repo.path, "--format", "jsonl"]), code: 2,
            mentioning: ["report has no 'jsonl' format (use table, json, csv, markdown, html)"])
        assertFails(try workmix(["scan", "--repo", repo.path, "--jobs", "-1"]), code: 2, mentioning: ["--jobs must be at least 1"])
        assertFails(
            try workmix(["pairs", "--repo", repo.path, "--min-commits", "-1"]), code: 2,
            mentioning: ["--min-commits must be at least 1"])
        assertFails(try workmix(["pairs", "--repo", repo.path, "--top", "-3"]), code: 2, mentioning: ["--top must be at least 1"])
        assertFails(
            try workmix(["rules", "eval", "--labels", "x.csv", "--show-wrong", "-1"]), code: 2,
            mentioning: ["--show-wrong must be 0 or more"])
    }

    /// A revision unknown to the second repository fails before the first one's rows stream out.
    func testUnknownRevisionInALaterRepositoryPrintsNoRow() throws {
        let first = try makeRepository(), second = try FixtureRepository(name: "other")
        try first.git(["tag", "v1", "HEAD~1"])
        try second.write("b.txt", "b\n")
        try second.commit("Add b", date: "2021-03-01T10:00:00+01:00")
        XCTAssertEqual(try workmix(["scan", "--repo", first.path, "--rev", "v1", "--format", "jsonl"]).status, 0)
        assertFails(
            try workmix(["scan", "--repo", first.path, "--repo", second.path, "--rev", "v1", "--format", "jsonl"]),
            code: 2, mentioning: [second.path, "v1"])
    }

    /// A repository of another user (a checkout in a CI container) is read when git would read it:
    /// safe.directory `*` or its path in the global config, or in GIT_CONFIG_COUNT pairs.
    func testAnotherUsersRepositoryAsSafeDirectoryAllows() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root to hand a repository to another user") }
        let repo = try makeRepository()
        try FixtureRepository.run("/bin/chown", ["-R", "nobody", repo.path], in: repo.root.path)
        let scan = ["scan", "--repo", repo.path, "--format", "jsonl"]
        let global = repo.root.appendingPathComponent("global.gitconfig").path
        func run(_ config: String?, _ extra: [String: String] = [:]) throws -> Run {
            try (config ?? "").write(toFile: global, atomically: true, encoding: .utf8)
            return try workmix(scan, environment: extra.merging(["GIT_CONFIG_GLOBAL": global]) { $1 })
        }
        assertFails(try run(nil), code: 2, mentioning: [repo.path, "belongs to another user", "safe.directory"])
        XCTAssertEqual(try jsonLines(try run("[safe]\n\tdirectory = *\n").stdout).count, 2)
        XCTAssertEqual(try run("[safe]\n\tdirectory = \(repo.path)\n").status, 0)
        XCTAssertEqual(try run("[safe]\n\tdirectory = *\n\tdirectory =\n").status, 2, "an empty value clears the list, as in git")
        XCTAssertEqual(try run(nil, ["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "safe.directory", "GIT_CONFIG_VALUE_0": "*"]).status, 0)
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

/// What the rules read stays out of the output, and what cannot be read changes no verdict.
final class ScanFileChangesTests: CLITestCase {
    func testLineCountsReadForRulesAreNotOutputWithoutStats() throws {
        let repo = try FixtureRepository(name: "sdk")
        try repo.write("README", "x\n")
        try repo.commit("Start", date: "2021-03-01T10:00:00Z")
        try repo.write("sdk/client.go", (1...120).map { "line \($0)" }.joined(separator: "\n") + "\n")
        try repo.write("sdk/models.go", (1...90).map { "line \($0)" }.joined(separator: "\n") + "\n")
        try repo.commit("Payments SDK", date: "2021-03-02T10:00:00Z")
        let plain = try jsonLines(try workmix(["scan", "--repo", repo.path, "--format", "jsonl"]).stdout)
        XCTAssertEqual(plain[0]["rule"] as? String, "new_code_by_size", "decided from line counts")
        XCTAssertNil(plain[0]["stats"], "read for the rule, not asked for: not output")
        let withStats = try jsonLines(try workmix(["scan", "--repo", repo.path, "--format", "jsonl", "--stats"]).stdout)
        XCTAssertEqual(withStats[0]["rule"] as? String, "new_code_by_size")
        XCTAssertEqual(withStats[0]["stats"] as? [String: Int], ["files": 2, "insertions": 210, "deletions": 0])
    }

    func testMissingBlobKeepsPathsForRulesWithOrWithoutStats() throws {
        let repo = try FixtureRepository(name: "partial")
        try repo.write("README", "x\n")
        try repo.commit("Start", date: "2021-03-01T10:00:00Z")
        try repo.write("website/index.html", "<p>hi</p>\n")
        try repo.commit("Refresh the landing page", date: "2021-03-02T10:00:00Z")
        try repo.deleteObject(try repo.git(["rev-parse", "HEAD:website/index.html"]).trimmingCharacters(in: .whitespacesAndNewlines))
        try repo.write(
            "site.yml",
            """
            version: 1
            rules:
              - id: website
                category: support
                match: { files: { any: ['website/'] } }
                examples:
                  - { message: "x", files: [website/a.html], expect: support }
            """)
        for extra in [[], ["--stats"]] {
            let run = try workmix(["scan", "--repo", repo.path, "--rules", repo.path + "/site.yml", "--format", "jsonl", "--explain"] + extra)
            XCTAssertEqual(run.status, 0, run.stderr)
            let rows = try jsonLines(run.stdout)
            XCTAssertEqual(rows[0]["rule"] as? String, "website", "\(extra)")
            XCTAssertEqual(rows[0]["evidence"] as? [String], ["files any match [website/] (website/index.html)"], "\(extra)")
            if extra.isEmpty {
                XCTAssertNil(rows[0]["stats"])
                XCTAssertFalse(run.stderr.contains("missing"), run.stderr)
            } else {
                XCTAssertTrue(rows[0]["stats"] is NSNull)
                XCTAssertTrue(run.stderr.contains("1 commit(s) have objects missing"), run.stderr)
            }
        }
    }

    func testEvidenceIsTheSameWithOrWithoutStats() throws {
        let repo = try FixtureRepository(name: "evidence")
        try repo.write("a.c", "int a;\n")
        try repo.commit("chmod the build script", date: "2021-03-01T10:00:00Z")
        try repo.write(
            "r.yml",
            """
            version: 1
            rules:
              - id: c_or_chmod
                category: maintenance
                match: { any: [ { files: { any: ['*.c'] } }, { subject: '(?i)chmod' } ] }
                examples:
                  - { message: "chmod x", expect: maintenance }
            """)
        let base = ["scan", "--repo", repo.path, "--rules", repo.path + "/r.yml", "--format", "jsonl", "--explain"]
        let plain = try jsonLines(try workmix(base).stdout)
        let stats = try jsonLines(try workmix(base + ["--stats"]).stdout)
        XCTAssertEqual(plain[0]["evidence"] as? [String], stats[0]["evidence"] as? [String])
    }

    func testOutputToADirectoryIsRefusedAndTheDirectoryKept() throws {
        let repo = try FixtureRepository(name: "out")
        try repo.write("a", "a\n")
        try repo.commit("one")
        let directory = repo.root.appendingPathComponent("keep")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: directory.appendingPathComponent("data.txt"))
        assertFails(
            try workmix(["scan", "--repo", repo.path, "--format", "json", "--output", directory.path]), code: 2,
            mentioning: ["is a directory"])
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("data.txt"), encoding: .utf8), "precious")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: repo.root.path).filter { $0.contains("partial") }, [])
    }

    func testNoDiffsReadsNoFilesAndSaysSoInItsVerdicts() throws {
        let repo = try FixtureRepository(name: "nodiffs")
        try repo.write("README", "x\n")
        try repo.commit("Start", date: "2021-03-01T10:00:00Z")
        try repo.write("sdk/client.go", (1...200).map { "line \($0)" }.joined(separator: "\n") + "\n")
        try repo.write("sdk/models.go", "package sdk\n")
        try repo.commit("Payments SDK", date: "2021-03-02T10:00:00Z")
        let fast = try jsonLines(try workmix(["scan", "--repo", repo.path, "--format", "jsonl", "--no-diffs"]).stdout)
        XCTAssertNotEqual(fast[0]["rule"] as? String, "new_code_by_size", "line-count rules match nothing without diffs")
        XCTAssertNil(fast[0]["stats"])
        let full = try jsonLines(try workmix(["scan", "--repo", repo.path, "--format", "jsonl"]).stdout)
        XCTAssertEqual(full[0]["rule"] as? String, "new_code_by_size")
        assertFails(try workmix(["scan", "--repo", repo.path, "--no-diffs", "--stats"]), code: 2, mentioning: ["--no-diffs"])
    }
}
