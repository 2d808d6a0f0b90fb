import Foundation
import WorkmixTestSupport
import XCTest

final class RulesCommandTests: CLITestCase {
    func scratch() throws -> FixtureRepository { try FixtureRepository(name: "rules") }

    func testShippedExamplesPassWithThePlainClosingLine() throws {
        let run = try workmix(["rules", "test"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.range(of: #"^\d+ passed, 0 failed"#, options: .regularExpression) != nil, run.stdout)
    }

    func testFailingExampleExitsOneNamingFileRuleAndExample() throws {
        let repo = try scratch()
        try repo.write(
            "team.yml",
            """
            version: 1
            rules:
              - id: wrong_on_purpose
                category: support
                match: { subject: '(?i)^tweak' }
                examples:
                  - { message: "Tweak the footer", expect: investment }
            """)
        let run = try workmix(["rules", "test", repo.path + "/team.yml"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("team.yml:7"), run.stderr)
        XCTAssertTrue(run.stderr.contains("wrong_on_purpose") && run.stderr.contains("Tweak the footer"), run.stderr)
        XCTAssertTrue(run.stdout.contains("0 passed, 1 failed"), run.stdout)

        // The closing count goes where --output says; text is the only format.
        let out = repo.root.appendingPathComponent("rules-test.txt").path
        let toFile = try workmix(["rules", "test", repo.path + "/team.yml", "--output", out])
        XCTAssertEqual(toFile.status, 1)
        XCTAssertEqual(toFile.stdout, "")
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("0 passed, 1 failed"))
        assertFails(try workmix(["rules", "test", "--format", "html"]), code: 2, mentioning: ["html", "table"])
    }

    func testMalformedRuleFileExitsTwoWithFileAndLine() throws {
        let repo = try scratch()
        try repo.write("bad.yml", "version: 1\nrules:\n  - id: x\n    category: maintenance\n    match: { subjet: 'a' }\n")
        assertFails(
            try workmix(["rules", "list", "--rules", repo.path + "/bad.yml"]), code: 2,
            mentioning: ["bad.yml:5", "subjet"])
        try repo.write("regex.yml", "version: 1\nrules:\n  - id: x\n    category: maintenance\n    match: { subject: '(' }\n")
        assertFails(
            try workmix(["scan", "--repo", repo.path, "--rules", repo.path + "/regex.yml"]), code: 2,
            mentioning: ["regex.yml:5"])
        assertFails(try workmix(["rules", "list", "--rules", repo.path + "/nope.yml"]), code: 2, mentioning: ["nope.yml"])
    }

    /// A user rule that calls login work support, with one example.
    static let loginRules = """
        version: 1
        rules:
          - id: login_is_support
            category: support
            match: { subject: 'login' }
            examples:
              - { message: "fix: login", expect: support }
        """

    func testUserRulesComeFirstAndDecide() throws {
        let repo = try scratch()
        try repo.write("a.txt", "a\n")
        let sha = try repo.commit("fix: the login page")
        try repo.write("team.yml", Self.loginRules)
        let list = try workmix(["rules", "list", "--format", "json", "--rules", repo.path + "/team.yml"])
        let rules = try XCTUnwrap(JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]])
        XCTAssertEqual(rules.first?["id"] as? String, "login_is_support")
        XCTAssertTrue((rules.first?["source"] as? String ?? "").hasSuffix("team.yml:3:9"))

        let explain = try workmix([
            "rules", "explain", String(sha.prefix(8)), "--repo", repo.path, "--rules", repo.path + "/team.yml", "--format", "table",
        ])
        XCTAssertEqual(explain.status, 0, explain.stderr)
        XCTAssertTrue(explain.stdout.contains("=> login_is_support"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("verdict: support by login_is_support"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("+  conventional_fix") || explain.stdout.contains("+ conventional_fix"), explain.stdout)
    }

    /// A rule file named twice (on the command line and in the config, or as two spellings of one
    /// path) is read once, not rejected as a duplicate of itself; config and rules may come from a
    /// FIFO or /dev/null.
    func testARuleFileNamedTwiceIsReadOnceAndSpecialFilesAreRead() throws {
        let repo = try scratch()
        try repo.write("a.txt", "a\n")
        try repo.commit("fix: the login page")
        let rules = Self.loginRules
        try repo.write("team.yml", rules)
        try repo.write("workmix.yml", "rules: [team.yml]\n")
        let tested = try workmix(["rules", "test", "team.yml"], in: repo.path)
        XCTAssertEqual(tested.status, 0, tested.stderr)
        XCTAssertTrue(tested.stdout.hasPrefix("1 passed, 0 failed"), tested.stdout)
        let twice = try workmix(["scan", "--repo", ".", "--rules", "team.yml", "--rules", "./team.yml", "--format", "jsonl"], in: repo.path)
        XCTAssertEqual(twice.status, 0, twice.stderr)
        XCTAssertEqual(try jsonLines(twice.stdout).first?["rule"] as? String, "login_is_support")

        let empty = try workmix(["scan", "--repo", repo.path, "--config", "/dev/null", "--format", "jsonl"])
        XCTAssertEqual(empty.status, 0, empty.stderr)
        let fifo = repo.root.appendingPathComponent("rules-fifo.yml").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let writer = Thread { try? rules.write(toFile: fifo, atomically: false, encoding: .utf8) }
        writer.start()
        let fromFIFO = try workmix(["scan", "--repo", repo.path, "--config", "/dev/null", "--rules", fifo, "--format", "jsonl"])
        XCTAssertEqual(fromFIFO.status, 0, fromFIFO.stderr)
        XCTAssertEqual(try jsonLines(fromFIFO.stdout).first?["rule"] as? String, "login_is_support")
    }

    func testOverrideBeatsEveryRuleAndExplainSaysSo() throws {
        let repo = try scratch()
        try repo.write("a.txt", "a\n")
        let sha = try repo.commit("feat: add a")
        try repo.write("workmix.yml", "overrides:\n  \(sha.prefix(9)): support\n")
        let scan = try workmix(["scan", "--repo", repo.path, "--format", "jsonl", "--explain"], in: repo.path)
        let row = try XCTUnwrap(jsonLines(scan.stdout).first)
        XCTAssertEqual(row["category"] as? String, "support")
        XCTAssertEqual(row["rule"] as? String, "override")
        XCTAssertTrue(((row["evidence"] as? [String])?.first ?? "").contains("workmix.yml:2"))
        let explain = try workmix(["rules", "explain", sha, "--repo", repo.path], in: repo.path)
        XCTAssertTrue(explain.stdout.contains("override: support"), explain.stdout)
    }

    func testEvalOnMessagesAndOnShas() throws {
        let repo = try scratch()
        try repo.write("src/export.go", "package export\n")
        let feature = try repo.commit("Add an exporter for CSV reports")
        try repo.write("src/export.go", "package export // fixed\n")
        let fix = try repo.commit("Fix crash when the config is empty")
        try repo.write("labels.csv", "sha,expect\n\(feature),investment\n\(fix),support\n")
        let run = try workmix(["rules", "eval", "--labels", repo.path + "/labels.csv", "--repo", repo.path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        XCTAssertEqual(report["total"] as? Int, 2)
        XCTAssertEqual(report["correct"] as? Int, 1)
        XCTAssertEqual(report["accuracy"] as? Double, 0.5)
        XCTAssertEqual((report["wrong"] as? [[String: Any]])?.first?["sha"] as? String, fix)

        try repo.write("messages.csv", "message,expect\n\"Add, with a comma, a new command to export reports\",investment\n")
        let messages = try workmix(["rules", "eval", "--labels", repo.path + "/messages.csv", "--format", "json"])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: messages.stdoutData) as? [String: Any])?["correct"] as? Int, 1)
    }

    func testMalformedLabelsExitTwo() throws {
        let repo = try scratch()
        try repo.write("no-expect.csv", "message,label\nAdd x,investment\n")
        assertFails(try workmix(["rules", "eval", "--labels", repo.path + "/no-expect.csv"]), code: 2, mentioning: ["no-expect.csv:1", "expect"])
        try repo.write("bad-category.csv", "message,expect\nAdd x,investment\nFix y,bugfix\n")
        assertFails(
            try workmix(["rules", "eval", "--labels", repo.path + "/bad-category.csv"]), code: 2, mentioning: ["bad-category.csv:3", "bugfix"])
        try repo.write("unknown-sha.csv", "sha,expect\ndeadbeefdeadbeef,investment\n")
        try repo.write("a.txt", "a\n")
        try repo.commit("x")
        assertFails(
            try workmix(["rules", "eval", "--labels", repo.path + "/unknown-sha.csv", "--repo", repo.path]), code: 2,
            mentioning: ["unknown-sha.csv:2", "deadbeef"])
    }

    func testResidentMatcherSeesTheConfigsResidencies() throws {
        let repo = try scratch()
        try repo.write("a.txt", "a\n")
        try repo.commit("Tidy the dashboard", author: (name: "Alice", email: "alice@x.io"), date: "2024-01-10T10:00:00+00:00")
        try repo.write("a.txt", "b\n")
        try repo.commit("Tidy the dashboard again", author: (name: "Alice", email: "alice@x.io"), date: "2024-03-10T10:00:00+00:00")
        try repo.write(
            "resident.yml",
            """
            version: 1
            rules:
              - id: resident_help
                category: support
                match: { resident: true }
                examples:
                  - { message: "Anything", expect_not: resident_help }
            """)
        try repo.write(
            "workmix.yml",
            """
            residencies:
              - { name: q1, resident: alice@x.io, from: 2024-01-01, to: 2024-01-31, plan: { investment: 100% } }
            """)
        let run = try workmix(["scan", "--repo", repo.path, "--rules", repo.path + "/resident.yml", "--format", "jsonl"], in: repo.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try jsonLines(run.stdout)
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[1]["rule"] as? String, "resident_help", "inside the window")
        XCTAssertNotEqual(rows[0]["rule"] as? String, "resident_help", "outside the window")
    }
}

final class UsageErrorTests: CLITestCase {
    func testUsageErrorsAreOneLineWithExitTwo() throws {
        assertFails(try workmix(["scan", "--since", "garbage"]), code: 2, mentioning: ["--since", "garbage"])
        assertFails(try workmix(["scan", "--jobs", "0"]), code: 2, mentioning: ["--jobs"])
        assertFails(try workmix(["scan", "--bogus"]), code: 2, mentioning: ["--bogus"])
        assertFails(try workmix(["pairs", "--format", "jsonl"]), code: 2, mentioning: ["jsonl"])
    }

    func testARulesDirectoryWithoutRuleFilesIsAnError() throws {
        let repo = try FixtureRepository(name: "empty-rules")
        try FileManager.default.createDirectory(atPath: repo.path + "/team-rules", withIntermediateDirectories: true)
        assertFails(try workmix(["rules", "list", "--rules", repo.path + "/team-rules"]), code: 2, mentioning: ["team-rules", "no rule files"])
    }
}
