import Foundation
import WorkmixTestSupport
import XCTest

/// Verdicts that know the date (SPEC 10): `check` on the demo as of dates before, during and after its
/// residencies, JUnit XML read back by Python's parser, annotations pointing at the config, a residency
/// with no commit, and a shallow clone cut inside a window.
final class ResidencyStatusTests: CLITestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-status-\(UUID().uuidString)")
        try DemoHistory.copy(to: root)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func check(_ arguments: [String]) throws -> Run {
        try workmix(["check", "--config", "workmix.yml", "--no-store"] + arguments, in: root.path)
    }

    func object(_ run: Run) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any], run.stdout + run.stderr)
    }

    /// (name, status, verdict, fails) per residency of `check --format json`.
    func verdicts(_ run: Run) throws -> [[String]] {
        let residencies = try XCTUnwrap(try object(run)["residencies"] as? [[String: Any]])
        return residencies.map { residency in
            ["name", "status", "verdict"].map { residency[$0] as? String ?? "?" } + [(residency["fails"] as? Bool).map(String.init) ?? "?"]
        }
    }

    /// A running residency's figures are those of the work done by the as-of date: the commits listed
    /// with `--as-of` are exactly those of the whole window authored by then (in the residency's timezone),
    /// and a run with a store neither resumes from nor leaves a checkpoint counted to another day.
    func testFiguresSoFarCountOnlyTheCommitsUpToTheAsOfDate() throws {
        func listed(_ arguments: [String]) throws -> [String] {
            let run = try workmix(["report", "--config", "workmix.yml", "--commits", "--format", "json"] + arguments, in: root.path)
            let residencies = try XCTUnwrap(try object(run)["residencies"] as? [[String: Any]])
            let q2 = try XCTUnwrap(residencies.first { $0["name"] as? String == "checkout-q2" })
            return try XCTUnwrap(q2["commits"] as? [[String: Any]]).compactMap { $0["authoredAt"] as? String }
        }
        let whole = try listed(["--no-store"])
        let byThen = whole.filter { $0.prefix(10) <= "2024-03-20" }
        XCTAssertTrue(byThen.count > 0 && byThen.count < whole.count, "\(whole)")
        XCTAssertEqual(try listed(["--no-store", "--as-of", "2024-03-20"]).sorted(), byThen.sorted())
        let store = root.appendingPathComponent("store").path
        XCTAssertEqual(try listed(["--store-dir", store, "--as-of", "2024-03-20"]).sorted(), byThen.sorted())
        let json = try workmix(
            ["report", "--config", "workmix.yml", "--format", "json", "--store-dir", store, "--as-of", "2024-03-20"], in: root.path)
        let q2 = try XCTUnwrap((try object(json)["residencies"] as? [[String: Any]])?.last)
        XCTAssertEqual((q2["total"] as? [String: Any])?["commits"] as? Int, byThen.count)
        let later = try workmix(["report", "--config", "workmix.yml", "--format", "json", "--store-dir", store], in: root.path)
        let whole2 = try XCTUnwrap((try object(later)["residencies"] as? [[String: Any]])?.last)
        XCTAssertEqual((whole2["total"] as? [String: Any])?["commits"] as? Int, whole.count)
    }

    /// payments-q1 runs 2024-01-08..02-16 (Paris), checkout-q2 2024-03-04..04-12 (New York; off plan).
    func testCheckFailsOnlyEndedResidenciesOffPlan() throws {
        let before = try check(["--as-of", "2024-01-01", "--format", "json"])
        XCTAssertEqual(before.status, 0, before.stdout)
        XCTAssertEqual(
            try verdicts(before),
            [["payments-q1", "upcoming", "pending", "false"], ["checkout-q2", "upcoming", "pending", "false"]])
        XCTAssertEqual(try object(before)["asOf"] as? String, "2024-01-01")

        let during = try check(["--as-of", "2024-03-20", "--format", "json"])
        XCTAssertEqual(during.status, 0, during.stdout)
        XCTAssertEqual(
            try verdicts(during), [["payments-q1", "ended", "pass", "false"], ["checkout-q2", "running", "fail", "false"]])
        let strict = try check(["--as-of", "2024-03-20", "--strict"])
        XCTAssertEqual(strict.status, 1, strict.stdout)
        XCTAssertTrue(strict.stdout.contains("FAIL  checkout-q2  running until 2024-04-12 (figures so far): investment 30%"), strict.stdout)
        let table = try check(["--as-of", "2024-03-20"])
        XCTAssertTrue(table.stdout.contains("OFF PLAN  checkout-q2  running until 2024-04-12"), table.stdout)
        XCTAssertTrue(
            table.stdout.hasSuffix("None of 2 residencies failed; 1 running off plan so far (--strict fails it); as of 2024-03-20.\n"),
            table.stdout)

        // The last day is read in the residency's timezone: 02:00 UTC on 04-13 is still 04-12 in New York.
        let lastEvening = try check(["--as-of", "2024-04-13T02:00:00Z", "--format", "json"])
        XCTAssertEqual(lastEvening.status, 0)
        XCTAssertEqual(try verdicts(lastEvening)[1], ["checkout-q2", "running", "fail", "false"])
        let nextMorning = try check(["--as-of", "2024-04-13T05:00:00Z", "--format", "json"])
        XCTAssertEqual(nextMorning.status, 1)
        XCTAssertEqual(try verdicts(nextMorning)[1], ["checkout-q2", "ended", "fail", "true"])

        // Without --as-of the report is as of now: both windows are long over.
        let now = try check(["--format", "json"])
        XCTAssertEqual(now.status, 1)
        XCTAssertEqual(try verdicts(now).map { $0[1] }, ["ended", "ended"])

        let report = try workmix(
            ["report", "--config", "workmix.yml", "--no-store", "--as-of", "2024-02-01", "--format", "json"], in: root.path)
        let residencies = try XCTUnwrap(try object(report)["residencies"] as? [[String: Any]])
        XCTAssertEqual(residencies.map { $0["status"] as? String }, ["running", "upcoming"])
        let markdown = try workmix(
            ["report", "--config", "workmix.yml", "--no-store", "--as-of", "2024-02-01", "--format", "markdown"], in: root.path)
        XCTAssertTrue(markdown.stdout.contains("## checkout-q2 — 🕒 upcoming\n\n_upcoming: starts 2024-03-04_"), markdown.stdout)
        let html = try workmix(
            ["report", "--config", "workmix.yml", "--no-store", "--as-of", "2024-02-01", "--format", "html"], in: root.path)
        XCTAssertTrue(html.stdout.contains("<dt>Status</dt><dd>running until 2024-02-16 (figures so far)</dd>"))

        assertFails(try check(["--as-of", "next tuesday"]), code: 2, mentioning: ["--as-of", "next tuesday"])
    }

    /// The JUnit report as GitLab reads it, parsed by Python's `xml.etree`: one test case per residency.
    func testJUnitReportParsesWithOneTestCasePerResidency() throws {
        let script = """
            import sys, xml.etree.ElementTree as ET
            suite = ET.parse(sys.argv[1]).getroot().find('testsuite')
            print(suite.get('tests'), suite.get('failures'), suite.get('skipped'))
            for case in suite.findall('testcase'):
                failure, skipped = case.find('failure'), case.find('skipped')
                state = 'failure:' + failure.get('message') if failure is not None else 'skipped:' + skipped.get('message') if skipped is not None else 'passed'
                print(case.get('classname'), case.get('name'), case.get('line'), state)
            """
        func parsed(_ arguments: [String]) throws -> (status: Int32, lines: [String]) {
            let file = root.appendingPathComponent("junit.xml").path
            let run = try check(arguments + ["--format", "junit", "--output", file])
            let python = try FixtureRepository.runProcess("/usr/bin/env", ["python3", "-c", script, file], in: root.path)
            XCTAssertEqual(python.status, 0, python.stderr)
            return (run.status, python.stdout.split(separator: "\n").map(String.init))
        }
        let during = try parsed(["--as-of", "2024-03-20"])
        XCTAssertEqual(during.status, 0)
        XCTAssertEqual(
            during.lines,
            [
                "2 0 1", "workmix.yml payments-q1 5 passed",
                "workmix.yml checkout-q2 16 skipped:running until 2024-04-12 (figures so far), off plan so far: "
                    + "investment is 30% of classified work, 30 points below the plan's 60% (tolerance 10); "
                    + "maintenance is 60% of classified work, 40 points above the plan's 20% (tolerance 10)",
            ])
        let strict = try parsed(["--as-of", "2024-03-20", "--strict"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.lines.first, "2 1 0")
        XCTAssertTrue(strict.lines.last?.hasPrefix("workmix.yml checkout-q2 16 failure:investment is 30%") == true, "\(strict.lines)")
        let before = try parsed(["--as-of", "2024-01-01"])
        XCTAssertEqual(
            before.lines,
            [
                "2 0 2", "workmix.yml payments-q1 5 skipped:upcoming: starts 2024-01-08",
                "workmix.yml checkout-q2 16 skipped:upcoming: starts 2024-03-04",
            ])
    }

    /// GitHub annotations point at the residency's line in the config, as given; a running residency off
    /// plan is a warning, not an error.
    func testGitHubAnnotationsNameTheConfigLine() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("ci"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: root.appendingPathComponent("workmix.yml"), to: root.appendingPathComponent("ci/work,mix.yml"))
        let config = try String(contentsOf: root.appendingPathComponent("ci/work,mix.yml"), encoding: .utf8)
        try config.replacingOccurrences(of: "payments-api]", with: "../payments-api]")
            .replacingOccurrences(of: "[checkout-web,", with: "[../checkout-web,").write(
                to: root.appendingPathComponent("ci/work,mix.yml"), atomically: true, encoding: .utf8)
        let ended = try workmix(["check", "--config", "ci/work,mix.yml", "--no-store", "--format", "github"], in: root.path)
        XCTAssertEqual(ended.status, 1, ended.stderr)
        XCTAssertTrue(ended.stdout.contains("\n::error file=ci/work%2Cmix.yml,line=16,title=Residency checkout-q2 off plan::"), ended.stdout)
        let running = try workmix(
            ["check", "--config", "ci/work,mix.yml", "--no-store", "--format", "github", "--as-of", "2024-03-20"], in: root.path)
        XCTAssertEqual(running.status, 0, running.stderr)
        XCTAssertTrue(
            running.stdout.contains(
                "\n::warning file=ci/work%2Cmix.yml,line=16,title=Residency checkout-q2 off plan so far::running until 2024-04-12"),
            running.stdout)
    }

    /// Nobody of the residency committed in its window: one reason, not a 0% line per planned category.
    func testAResidencyWithNoCommitSaysSoOnce() throws {
        let config = try String(contentsOf: root.appendingPathComponent("workmix.yml"), encoding: .utf8)
        try config.replacingOccurrences(of: "from: 2024-03-04", with: "from: 2023-03-04")
            .replacingOccurrences(of: "to: 2024-04-12", with: "to: 2023-04-12")
            .write(to: root.appendingPathComponent("empty.yml"), atomically: true, encoding: .utf8)
        let run = try workmix(["check", "--config", "empty.yml", "--no-store"], in: root.path)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stdout.split(separator: "\n").filter { $0.contains("checkout-q2") || $0.hasPrefix("      -") },
            ["FAIL  checkout-q2  0 commits", "      - no commit by the resident or the team in the window"])
    }

    /// A depth-1 clone: check says the history is shallow in the residency's reason, and on GitHub warns
    /// with the fix as an annotation.
    func testShallowCloneNamesTheCutAndTheFix() throws {
        let origin = root.appendingPathComponent("payments-api").path
        let shallow = root.appendingPathComponent("shallow").path
        try FixtureRepository.run(
            "/usr/bin/env", ["git", "clone", "-q", "--depth", "1", "file://" + origin, shallow], in: root.path,
            environment: ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"])
        let head = try FixtureRepository.run("/usr/bin/env", ["git", "-C", shallow, "log", "-1", "--format=%ad", "--date=short"], in: root.path)
        let cut = head.trimmingCharacters(in: .whitespacesAndNewlines)
        let config = try String(contentsOf: root.appendingPathComponent("workmix.yml"), encoding: .utf8)
        try config.replacingOccurrences(of: "repos: [payments-api]", with: "repos: [shallow]")
            .write(to: root.appendingPathComponent("shallow.yml"), atomically: true, encoding: .utf8)
        let run = try workmix(["check", "--config", "shallow.yml", "--no-store", "--format", "github"], in: root.path)
        XCTAssertEqual(run.status, 1, run.stderr)
        // The config's review comes first, as annotations too: the window before the clone's cut.
        let review = run.stderr.split(separator: "\n")
        XCTAssertTrue(review.allSatisfy { $0.hasPrefix("::warning file=shallow.yml,line=") }, run.stderr)
        XCTAssertTrue(review.contains { $0.contains("shallow clone cut at \(cut)") && $0.contains("git fetch --unshallow") }, run.stderr)
        XCTAssertFalse(run.stderr.contains("did you mean alice@platform.example"), run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("::warning title=Shallow clone"), run.stdout)
        for fix in ["fetch-depth: 0", "GIT_DEPTH: 0", "git fetch --unshallow"] { XCTAssertTrue(lines[0].contains(fix), lines[0]) }
        let q1 = try XCTUnwrap(lines.first { $0.contains("Residency payments-q1") })
        XCTAssertTrue(
            q1.hasPrefix(
                "::error file=shallow.yml,line=5,title=Residency payments-q1 off plan::the history is shallow: commits before \(cut) are missing; fetch the full history"
            ),
            q1)
        XCTAssertFalse(q1.contains("no commit by the resident"), q1)
        let table = try workmix(["check", "--config", "shallow.yml", "--no-store"], in: root.path)
        XCTAssertTrue(table.stderr.contains("shallow clone") && table.stderr.contains("git fetch --unshallow"), table.stderr)
    }
}
