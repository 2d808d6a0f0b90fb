import Foundation
import WorkmixTestSupport
import XCTest

/// `workmix report` and `workmix check` on real repositories, run as a user would.
final class ReportCommandTests: CLITestCase {
    /// The demo's history (examples/build-demo-history.sh) in a scratch folder.
    func demo() throws -> (root: URL, cleanup: () -> Void) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-demo-test-\(UUID().uuidString)")
        try DemoHistory.copy(to: root)
        return (root, { try? FileManager.default.removeItem(at: root) })
    }

    func json(_ run: Run) throws -> [String: Any] {
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any], run.stdout)
    }

    func residency(_ report: [String: Any], _ index: Int) throws -> [String: Any] {
        try XCTUnwrap((report["residencies"] as? [[String: Any]])?[index])
    }

    func counts(_ object: Any?) -> [Int] {
        let map = object as? [String: Any] ?? [:]
        return ["investment", "maintenance", "support", "unclassified"].map { (map[$0] as? Int) ?? -1 }
    }

    func byCategory(_ residency: [String: Any], _ field: String) -> [Double] {
        let map = residency["byCategory"] as? [String: [String: Double]] ?? [:]
        return ["investment", "maintenance", "support", "unclassified"].map { map[$0]?[field] ?? -1 }
    }

    /// The hand count of the demo history (see the comments in examples/build-demo-history.sh). Each
    /// commit appends one line to each file it names, so its churn is its number of files.
    ///
    /// payments-q1 (2024-01-08..02-16, Paris; Alice with Bob and Carol; payments-api), 20 commits:
    ///   investment 7  refund endpoint (2 files, Bob+Alice), idempotency keys (2, Alice+Carol), webhook
    ///                 verifier (1, Alice+Dan), payouts client (2, Alice+Bob), partial refunds (1, Bob+Alice,
    ///                 on a branch), payout scheduling (1, Carol+Alice), payout status (1, Carol+Alice,
    ///                 22:40 UTC = 23:40 Paris on the last day)                               churn 10
    ///   maintenance 6 contributing guide (1, Alice), rounding fix (1, Bob via .mailmap), go vet in CI
    ///                 (1, Carol), README (1, Bob), declined cards (1, Bob+Alice), payout tests (1, Alice)  churn 6
    ///   support 6     chi migration (4, Carol+Alice), pgx migration (2, Alice+Bob), shared client (3,
    ///                 Bob+Alice), boilerplate (3, Alice+Carol), slog (3, Carol+Alice), retry policy (1, Alice)  churn 16
    ///   unclassified 1  "wip" (1, Bob)                                                       churn 1
    ///   not counted: 2 dependabot bumps, Dan's fraud stub, the merge (skipped), the typo fix at 23:10 UTC
    ///   (00:10 in Paris the day after), everything before 01-08 or after 02-16.
    ///   own (Alice authored): investment 3, maintenance 2, support 3; paired: 7, 1, 5, 0.
    ///   pairings: Bob 6 (3, 1, 2, 0), Carol 6 (3, 0, 3, 0).
    ///   shares of classified work 7/19, 6/19, 6/19 against 40/30/30 → within 10 points; unclassified 1/20 → pass.
    ///
    /// checkout-q2 (2024-03-04..04-12, New York; Alice with Erin and Frank; checkout-web and payments-api), 15:
    ///   investment 3 (saved cards 2 files, Apple Pay 1, checkout session endpoint in payments-api 2)  churn 5
    ///   maintenance 9 (pay button, docs, expired sessions, CI, cart total, eslint 2 files, Safari, coupon
    ///                  test, cart after login at 03:30 UTC = 23:30 New York on the last day)     churn 10
    ///   support 2 (Redux → Zustand 3 files, moment → date-fns 2 files)                           churn 5
    ///   unclassified 1 ("misc")                                                                   churn 1
    ///   not counted: the react bump by dependabot, Bob's webhook fix (not on this team), gift cards (after).
    ///   own: 1, 1, 2, 0; paired: 3, 2, 2, 0; pairings: Erin 5 (3, 1, 1, 0), Frank 3 (0, 1, 2, 0).
    ///   investment 3/14 = 21.4% against 60% → fail.
    func testDemoReportAgreesWithTheHandCount() throws {
        let (root, cleanup) = try demo()
        defer { cleanup() }
        let report = try json(try workmix(["report", "--config", "workmix.yml", "--format", "json"], in: root.path))

        let q1 = try residency(report, 0)
        XCTAssertEqual(q1["name"] as? String, "payments-q1")
        XCTAssertEqual(q1["repos"] as? [String], ["payments-api"])
        XCTAssertEqual(q1["verdict"] as? String, "pass")
        XCTAssertEqual(q1["total"] as? [String: Int], ["commits": 20, "churn": 33])
        XCTAssertEqual(byCategory(q1, "commits"), [7, 6, 6, 1])
        XCTAssertEqual(byCategory(q1, "churn"), [10, 6, 16, 1])
        XCTAssertEqual(byCategory(q1, "share"), [0.3684, 0.3158, 0.3158, 0.05])
        XCTAssertEqual(q1["delta"] as? [String: Double], ["investment": -0.0316, "maintenance": 0.0158, "support": 0.0158])
        let resident = try XCTUnwrap(q1["resident"] as? [String: Any])
        XCTAssertEqual(counts(resident["own"]), [3, 2, 3, 0])
        XCTAssertEqual(counts(resident["paired"]), [7, 1, 5, 0])
        let pairings = try XCTUnwrap(q1["pairings"] as? [[String: Any]])
        XCTAssertEqual(pairings.map { ($0["partner"] as? [String: String])?["name"] }, ["Bob Li", "Carol Diaz"])
        XCTAssertEqual(pairings.map { $0["commits"] as? Int }, [6, 6])
        XCTAssertEqual(counts(pairings[0]["byCategory"]), [3, 1, 2, 0])
        XCTAssertEqual(counts(pairings[1]["byCategory"]), [3, 0, 3, 0])

        let q2 = try residency(report, 1)
        XCTAssertEqual(q2["name"] as? String, "checkout-q2")
        XCTAssertEqual(q2["repos"] as? [String], ["checkout-web", "payments-api"])
        XCTAssertEqual(q2["verdict"] as? String, "fail")
        XCTAssertEqual(byCategory(q2, "commits"), [3, 9, 2, 1])
        XCTAssertEqual(byCategory(q2, "churn"), [5, 10, 5, 1])
        let resident2 = try XCTUnwrap(q2["resident"] as? [String: Any])
        XCTAssertEqual(counts(resident2["own"]), [1, 1, 2, 0])
        XCTAssertEqual(counts(resident2["paired"]), [3, 2, 2, 0])
        let pairings2 = try XCTUnwrap(q2["pairings"] as? [[String: Any]])
        XCTAssertEqual(pairings2.map { $0["commits"] as? Int }, [5, 3])
        XCTAssertEqual(counts(pairings2[0]["byCategory"]), [3, 1, 1, 0])
        XCTAssertEqual(counts(pairings2[1]["byCategory"]), [0, 1, 2, 0])

        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual(summary["total"] as? [String: Int], ["commits": 35, "churn": 54])
        XCTAssertEqual(summary["failing"] as? [String], ["checkout-q2"])

        let check = try workmix(["check", "--config", "workmix.yml"], in: root.path)
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertTrue(check.stdout.contains("PASS  payments-q1"), check.stdout)
        XCTAssertTrue(check.stdout.contains("FAIL  checkout-q2"), check.stdout)
        XCTAssertEqual(check.stderr, "")
    }

    func testEveryFormatIsDeterministicAndDemoScriptRuns() throws {
        let (root, cleanup) = try demo()
        defer { cleanup() }
        for format in ["table", "json", "csv", "markdown"] {
            let one = try workmix(["report", "--config", "workmix.yml", "--format", format, "--jobs", "1"], in: root.path)
            let two = try workmix(["report", "--config", "workmix.yml", "--format", format, "--jobs", "2"], in: root.path)
            XCTAssertEqual(one.status, 0, one.stderr)
            XCTAssertEqual(one.stdoutData, two.stdoutData, format)
        }
        XCTAssertEqual(try workmix(["report", "--config", "workmix.yml", "--format", "jsonl"], in: root.path).status, 2)
        let demoDir = root.appendingPathComponent("demo").path
        let script = try FixtureRepository.runProcess(
            "/usr/bin/env", ["bash", PackageFiles.url("examples/demo.sh").path, demoDir],
            in: root.path, environment: ["WORKMIX": PackageFiles.workmixExecutable.path])
        XCTAssertEqual(script.status, 0, script.stderr)
        XCTAssertTrue(script.stdout.contains("check exited 1: checkout-q2 is off plan"), script.stdout)
        XCTAssertTrue(script.stdout.contains("did you mean bob@payments.example?"), script.stdout)
        XCTAssertTrue(script.stdout.contains("  commits counted (20)\n    investment (7)\n"), script.stdout)
    }

    func testCheckExitCodes() throws {
        let (root, cleanup) = try demo()
        defer { cleanup() }
        let config = try String(contentsOf: root.appendingPathComponent("workmix.yml"), encoding: .utf8)
        let passing = String(config[..<config.range(of: "\n  - name: checkout-q2")!.lowerBound]) + "\n"
        try passing.write(to: root.appendingPathComponent("passing.yml"), atomically: true, encoding: .utf8)
        let pass = try workmix(["check", "--config", "passing.yml"], in: root.path)
        XCTAssertEqual(pass.status, 0, pass.stdout + pass.stderr)
        XCTAssertTrue(pass.stdout.contains("All 1 residency on plan."), pass.stdout)

        XCTAssertEqual(try workmix(["check", "--config", "workmix.yml"], in: root.path).status, 1)

        let bad = config.replacingOccurrences(of: "to: 2024-02-16", with: "to: 2024-02-31")
        try bad.write(to: root.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
        assertFails(
            try workmix(["check", "--config", "bad.yml"], in: root.path), code: 2,
            mentioning: ["bad.yml:10:", "residencies[0].to", "2024-02-31"])
        assertFails(try workmix(["report", "--config", "bad.yml"], in: root.path), code: 2, mentioning: ["bad.yml:10:"])

        try "measure: commits\n".write(to: root.appendingPathComponent("none.yml"), atomically: true, encoding: .utf8)
        assertFails(
            try workmix(["check", "--config", "none.yml"], in: root.path), code: 2,
            mentioning: ["no residencies configured", "none.yml"])
        // No config here or above (inside the demo, its workmix.yml is found from any subfolder).
        let lone = try FixtureRepository(name: "lone")
        assertFails(
            try workmix(["report", "--repo", lone.path], in: lone.path), code: 2,
            mentioning: ["no residencies configured", "no workmix.yml found"])
        XCTAssertEqual(try workmix(["check", "--config", "workmix.yml", "--format", "csv"], in: root.path).status, 2)
    }

    func testGitHubAnnotationsAndStepSummary() throws {
        let (root, cleanup) = try demo()
        defer { cleanup() }
        let summary = root.appendingPathComponent("step-summary.md")
        try "# Earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let run = try workmix(
            ["check", "--config", "workmix.yml", "--format", "github"], in: root.path,
            environment: ["GITHUB_STEP_SUMMARY": summary.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, run.stdout)
        XCTAssertTrue(lines[0].hasPrefix("::notice title=Residency payments-q1 on plan::investment 36.8%25 (plan 40%25)"), run.stdout)
        XCTAssertTrue(
            lines[1].hasPrefix(
                "::error file=workmix.yml,line=16,title=Residency checkout-q2 off plan::investment is 21.4%25 of classified work"),
            run.stdout)
        let markdown = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertTrue(markdown.hasPrefix("# Earlier step\n# Residency report\n"), markdown)
        XCTAssertTrue(markdown.contains("## checkout-q2 — ❌ fail"), markdown)
        XCTAssertTrue(markdown.contains("| investment | 7 | 10 | 36.8% | 40% | -3.2 pts | 3 | 7 |"), markdown)

        // After a step whose text ends without a line break, the report still starts on its own line.
        try "Previous step output".write(to: summary, atomically: true, encoding: .utf8)
        _ = try workmix(
            ["check", "--config", "workmix.yml", "--format", "github"], in: root.path,
            environment: ["GITHUB_STEP_SUMMARY": summary.path])
        XCTAssertTrue(try String(contentsOf: summary, encoding: .utf8).hasPrefix("Previous step output\n# Residency report\n"))
    }

    /// People matched through .mailmap, a residency over the --repo arguments, and a mirror whose
    /// commits repeat its origin's: each counted once.
    func testMailmapSeveralRepositoriesAndAMirror() throws {
        let origin = try FixtureRepository(name: "payments-api")
        try origin.write(".mailmap", "Bob Li <bob@payments.example> <BOB.LI@gmail.com>\n")
        try origin.write("a.go", "a\n")
        try origin.commit(
            "feat: add the mailmap and a", author: (name: "Bob Li", email: "bob@payments.example"),
            date: "2024-01-02T10:00:00+00:00")
        try origin.write("b.go", "b\n")
        try origin.commit("feat: add b", author: (name: "bob", email: "bob.li@gmail.com"), date: "2024-01-03T10:00:00+00:00")
        try origin.write("c.go", "c\nc\n")
        try origin.commit(
            "fix: handle c\n\nCo-authored-by: Alice <ALICE@platform.example>\n",
            author: (name: "bob", email: "bob.li@gmail.com"), date: "2024-01-04T10:00:00+00:00")

        let mirror = try FixtureRepository(name: "payments-mirror")
        try mirror.git(["pull", "-q", origin.path, "main"])
        try mirror.write("d.go", "d\n")
        try mirror.commit("Simplify d", author: (name: "Alice", email: "alice@platform.example"), date: "2024-01-05T10:00:00+00:00")

        let config = origin.root.appendingPathComponent("workmix.yml")
        try """
        measure: churn
        residencies:
          - name: payments
            resident: alice@platform.example
            team: [bob@payments.example]
            from: 2024-01-01
            to: 2024-01-31
            plan: { investment: 50%, maintenance: 30%, support: 20% }
            tolerance: 5%
        """.write(to: config, atomically: true, encoding: .utf8)
        let run = try workmix(["report", "--config", config.path, "--repo", origin.path, "--repo", mirror.path, "--format", "json"])
        let first = try residency(try json(run), 0)
        XCTAssertEqual(first["repos"] as? [String], ["payments-api", "payments-mirror"])
        // 4 distinct commits, Bob's two under his gmail address found through .mailmap: "Add the
        // mailmap and a" (churn 2: .mailmap and a.go, investment), b (1, investment), c (2 lines,
        // maintenance, paired with Alice), d (1, support, only in the mirror).
        XCTAssertEqual(first["total"] as? [String: Int], ["commits": 4, "churn": 6])
        XCTAssertEqual(byCategory(first, "commits"), [2, 1, 1, 0])
        XCTAssertEqual(byCategory(first, "churn"), [3, 2, 1, 0])
        // measure: churn → shares of lines 3/6, 2/6, 1/6 against 50/30/20 within 5 points (by commits
        // 2/4 = 50%, 25%, 25% would pass too: the churn test is the shares above).
        XCTAssertEqual(byCategory(first, "share"), [0.5, 0.3333, 0.1667, 0])
        XCTAssertEqual(first["verdict"] as? String, "pass")
        XCTAssertEqual(first["measure"] as? String, "churn")
        let pairings = try XCTUnwrap(first["pairings"] as? [[String: Any]])
        XCTAssertEqual(pairings.first?["partner"] as? [String: String], ["name": "Bob Li", "email": "bob@payments.example"])
        XCTAssertEqual(pairings.first?["commits"] as? Int, 1)
    }
}
