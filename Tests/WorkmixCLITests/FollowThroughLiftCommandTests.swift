import Foundation
import WorkmixTestSupport
import XCTest

/// Follow-through against its baseline in `report`, `check` and `trace` (SPEC 9), on a repository built
/// here and counted by hand.
final class FollowThroughLiftCommandTests: CLITestCase {
    static let alice = (name: "Alice Martin", email: "alice@platform.example")

    /// All Alice's, at 10:00 UTC, areas one folder deep, two weeks to follow:
    ///   S0…S5  2024-01-05, 10, 15, 20, 25, 30  refactor in p0…p5   support; S0…S4 followed by I0…I4
    ///   I0…I4  2024-01-08, 13, 18, 23, 28      feat in p0…p4       investment, three days after S0…S4
    ///   M0…M4  2024-02-01 … 05                 fix in q0…q4        maintenance; M0 followed by J
    ///   J      2024-02-08                      feat in q0          investment, a week after M0
    /// Support → investment: 5 of 6, against 1 of 11 others (M0): lift (5/6)/(1/11) = 9.17.
    func fixture() throws -> (repo: FixtureRepository, shas: [String: String]) {
        let repo = try FixtureRepository(name: "app")
        var shas: [String: String] = [:]
        func commit(_ key: String, _ message: String, _ day: Int, _ folder: String) throws {
            try repo.write("\(folder)/\(key.lowercased()).c", "int \(key.lowercased()) = 1;\n")
            var date = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 2024, month: 1)
            date.day = 1 + day
            let text = ISO8601DateFormatter().string(from: try XCTUnwrap(date.date)).replacingOccurrences(of: "T00:00:00Z", with: "")
            shas[key] = try repo.commit(message, author: Self.alice, date: text + "T10:00:00+00:00")
        }
        var events: [(day: Int, key: String, message: String, folder: String)] = []
        for index in 0..<6 { events.append((4 + 5 * index, "S\(index)", "refactor: simplify \(index)", "p\(index)")) }
        for index in 0..<5 { events.append((7 + 5 * index, "I\(index)", "feat: add \(index)", "p\(index)")) }
        for index in 0..<5 { events.append((31 + index, "M\(index)", "fix: handle \(index)", "q\(index)")) }
        events.append((38, "J", "feat: add j", "q0"))
        for event in events.sorted(by: { $0.day < $1.day }) { try commit(event.key, event.message, event.day, event.folder) }
        return (repo, shas)
    }

    func config(_ repo: FixtureRepository, settings: String = "follow_through: {weeks: 2}\n", plan: String = "") throws -> String {
        let path = repo.root.appendingPathComponent("workmix.yml").path
        try
            ("areas: {depth: 1}\n" + settings + """
                residencies:
                  - name: app-q1
                    resident: \(Self.alice.email)
                    repos: [\(repo.path)]
                    from: 2024-01-01
                    to: 2024-03-31
                \(plan)
                """).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testReportPrintsTheBaselineLiftAndPValueCountedByHand() throws {
        let (repo, _) = try fixture()
        let path = try config(repo)
        let run = try workmix(["report", "--config", path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let residency = try XCTUnwrap((report["residencies"] as? [[String: Any]])?.first)
        let followThrough = try XCTUnwrap(residency["followThrough"] as? [String: Any])
        let link = try XCTUnwrap(followThrough["supportToInvestment"] as? [String: Any])
        XCTAssertEqual([link["commits"] as? Int, link["followed"] as? Int], [6, 5])
        XCTAssertEqual(link["baseline"] as? NSDictionary, ["commits": 11, "followed": 1, "share": 0.0909] as NSDictionary)
        XCTAssertEqual(link["lift"] as? Double, 9.1667)
        XCTAssertEqual(link["permutations"] as? Int, 1000)
        // The exact p: (C(6,5)·C(11,1) + C(6,6)) / C(17,6) = 67 / 12376 = 0.0054; 1,000 shuffles come close.
        XCTAssertEqual(try XCTUnwrap(link["p"] as? Double), 67.0 / 12376, accuracy: 0.005)
        XCTAssertEqual((link["liftInterval"] as? [Double])?.count, 2)
        let second = try XCTUnwrap(followThrough["investmentToMaintenance"] as? [String: Any])
        XCTAssertTrue(second["lift"] is NSNull)
        XCTAssertEqual(second["liftReason"] as? String, "no other commit was followed: no baseline to compare with")
        let summary = try XCTUnwrap((report["summary"] as? [String: Any])?["followThrough"] as? [String: Any])
        XCTAssertEqual((summary["supportToInvestment"] as? [String: Any])?["lift"] as? Double, 9.1667)
        let areas = try XCTUnwrap(followThrough["areas"] as? [[String: Any]])
        let q0 = try XCTUnwrap(areas.first { $0["area"] as? String == "q0" })
        XCTAssertEqual(q0["supportBaseline"] as? NSDictionary, ["commits": 2, "followed": 1, "share": 0.5] as NSDictionary)
        let p0 = try XCTUnwrap(areas.first { $0["area"] as? String == "p0" })
        XCTAssertEqual([p0["supportFollowed"] as? Int, p0["supportFollowedShare"] as? Int], [1, 1])

        let table = try workmix(["report", "--config", path, "--format", "table"]).stdout
        XCTAssertTrue(table.contains("baseline 1 of 11 others (9.1%) · lift 9.17, p = 0.0"), table)
        XCTAssertTrue(table.contains("baseline 0 of 11 others (0%) · no lift: no other commit was followed"), table)
        let markdown = try workmix(["report", "--config", path, "--format", "markdown"]).stdout
        XCTAssertTrue(markdown.contains("| support → investment | 6 | 5 | 83.3% | 3 | 3 | 3 | 9.1% of 11 | 9.17 | 0.0"), markdown)
        let csv = try workmix(["report", "--config", path, "--format", "csv"]).stdout
        XCTAssertTrue(csv.contains(",follow-through,,,support-investment,6,,0.8333,,,5,11,1,0.0909,9.1667,0.0"), csv)
        let html = try workmix(["report", "--config", path, "--format", "html"]).stdout
        XCTAssertTrue(html.contains("data-lift=\"9.1667\""), html)
        // The timeline's rows (areas with support): p0's S0 followed, its other commit I0 not.
        XCTAssertTrue(html.contains("data-baseline=\"0\">100% / 0%<"), html)
    }

    func testCheckFailsBelowMinLiftWithThePValue() throws {
        let (repo, _) = try fixture()
        let failing = try config(repo, plan: "    plan: { min_lift: 10 }")
        let run = try workmix(["check", "--config", failing, "--format", "table"])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("      - support → investment lift is 9.17, p = 0.0"), run.stdout)
        XCTAssertTrue(
            run.stdout.contains("(83.3% of 6 support commits followed by investment, 9.1% of 11 others), below the 10.00 required"), run.stdout)
        let passing = try config(repo, plan: "    plan: { min_lift: 2 }")
        let passed = try workmix(["check", "--config", passing, "--format", "table"])
        XCTAssertEqual(passed.status, 0, passed.stdout + passed.stderr)
        XCTAssertTrue(passed.stdout.contains("      support → investment 5 of 6: 83.3% vs 9.1% others, lift 9.17 (p = 0.0"), passed.stdout)
        let github = try workmix(["check", "--config", passing, "--format", "github"])
        XCTAssertTrue(github.stdout.contains("%0Asupport → investment 5 of 6: 83.3%25 vs 9.1%25 others, lift 9.17 (p = 0.0"), github.stdout)
        let json = try workmix(["check", "--config", passing, "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"baseline\":{\"commits\":11,\"followed\":1,\"share\":0.0909},\"lift\":9.1667"), json.stdout)
        // Too few support commits within one week: no lift, and the plan fails saying why.
        let few = try config(repo, plan: "    plan: { min_lift: 2 }")
        try String(contentsOfFile: few, encoding: .utf8).replacingOccurrences(of: "to: 2024-03-31", with: "to: 2024-01-16")
            .write(toFile: few, atomically: true, encoding: .utf8)
        let none = try workmix(["check", "--config", few, "--format", "table"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(
            none.stdout.contains("no lift of support → investment to judge: 3 support commits: too few for a lift (5 needed) (min_lift 2.00)"),
            none.stdout)
    }

    func testPermutationsFromTheConfigAndBadValues() throws {
        let (repo, _) = try fixture()
        let fewer = try config(repo, settings: "follow_through: {weeks: 2, permutations: 200}\n")
        let run = try workmix(["report", "--config", fewer, "--format", "json"])
        XCTAssertTrue(run.stdout.contains("\"permutations\":200"), run.stdout)
        XCTAssertEqual(run.stdoutData, try workmix(["report", "--config", fewer, "--format", "json"]).stdoutData)
        let bad = try config(repo, settings: "follow_through:\n  weeks: 2\n  permutations: many\n")
        assertFails(try workmix(["report", "--config", bad]), code: 2, mentioning: ["workmix.yml:4", "many"])
    }

    func testTraceShowsTheBaselineOfEachArea() throws {
        let (repo, shas) = try fixture()
        // One area for everything: before S5 (01-30) in two weeks, I2, I3 and I4, each followed by investment.
        let path = try config(repo, settings: "follow_through: {weeks: 2}\n")
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "areas: {depth: 1}", with: "areas: {all: '**'}")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let s5 = try XCTUnwrap(shas["S5"])
        let run = try workmix(["trace", s5, "--repo", repo.path, "--config", path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let trace = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let area = try XCTUnwrap((trace["followers"] as? [[String: Any]])?.first)
        XCTAssertEqual(area["baseline"] as? NSDictionary, ["commits": 3, "followed": 3, "share": 1] as NSDictionary)
        let table = try workmix(["trace", s5, "--repo", repo.path, "--config", path, "--format", "table"]).stdout
        XCTAssertTrue(table.contains("    baseline: 3 of 3 other commits in the 2 weeks before it followed by investment (100%)\n"), table)
        let m0 = try workmix(["trace", try XCTUnwrap(shas["M0"]), "--repo", repo.path, "--config", path, "--format", "json"])
        XCTAssertTrue(m0.stdout.contains("\"baseline\":null"), m0.stdout)
    }
}
