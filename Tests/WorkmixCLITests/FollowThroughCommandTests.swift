import Foundation
import WorkmixTestSupport
import XCTest

/// Follow-through in `report`, `check` and `trace` on a repository built here, counted by hand (SPEC 9).
final class FollowThroughCommandTests: CLITestCase {
    static let alice = (name: "Alice Martin", email: "alice@platform.example")
    static let bob = (name: "Bob Li", email: "bob@team.example")

    /// Author dates in UTC; the residency is Alice's (Bob on the team) from 2024-01-01 to 2024-01-31.
    ///   v   2023-12-20 feat   a/b/v.go, a/b/q.go   before the window and before any support
    ///   S1  2024-01-10 refactor a/b/x.go           support: followed by I1 in a/b after 21 days
    ///   I2  2024-01-12 feat   c/d/z.go             another area: follows nothing
    ///   S2  2024-01-15 refactor git mv a/b/q.go → e/f/q.go: support in a/b and e/f; followed by I3 in e/f after 5 days
    ///   I3  2024-01-20 feat   e/f/n.go
    ///   I1  2024-01-31 feat   a/b/y.go             followed by M1 after 10 days
    ///   M1  2024-02-10 fix    a/b/r.go             after the window: read all the same
    ///   W   2024-03-20 feat   a/b/w.go             65 and 70 days after S2 and S1: outside 8 weeks
    func fixture() throws -> (repo: FixtureRepository, shas: [String: String]) {
        let repo = try FixtureRepository(name: "app")
        var shas: [String: String] = [:]
        func commit(_ key: String, _ message: String, _ date: String, _ author: (name: String, email: String), _ files: [String]) throws {
            for file in files { try repo.write(file, "\(key)\n") }
            shas[key] = try repo.commit(message, author: author, date: date + "T10:00:00+00:00")
        }
        try commit("v", "feat: add v", "2023-12-20", Self.bob, ["a/b/v.go", "a/b/q.go"])
        try commit("S1", "refactor: simplify x", "2024-01-10", Self.alice, ["a/b/x.go"])
        try commit("I2", "feat: add z", "2024-01-12", Self.bob, ["c/d/z.go"])
        try repo.write("e/f/q.go", "v\n")
        try repo.remove("a/b/q.go")
        shas["S2"] = try repo.commit("refactor: move q", author: Self.alice, date: "2024-01-15T10:00:00+00:00")
        try commit("I3", "feat: add n", "2024-01-20", Self.bob, ["e/f/n.go"])
        try commit("I1", "feat: add y", "2024-01-31", Self.bob, ["a/b/y.go"])
        try commit("M1", "fix: handle r", "2024-02-10", Self.bob, ["a/b/r.go"])
        try commit("W", "feat: add w", "2024-03-20", Self.bob, ["a/b/w.go"])
        return (repo, shas)
    }

    func config(_ repo: FixtureRepository, extra: String = "", plan: String = "") throws -> String {
        let path = repo.root.appendingPathComponent("workmix.yml").path
        try
            (extra + """
                residencies:
                  - name: app-jan
                    resident: \(Self.alice.email)
                    team: [\(Self.bob.email)]
                    repos: [\(repo.path)]
                    from: 2024-01-01
                    to: 2024-01-31
                \(plan)
                """).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func followThrough(_ arguments: [String]) throws -> [String: Any] {
        let run = try workmix(arguments + ["--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let residency = try XCTUnwrap((report["residencies"] as? [[String: Any]])?.first)
        return try XCTUnwrap(residency["followThrough"] as? [String: Any])
    }

    func testReportCountsTheChainsByHand() throws {
        let (repo, _) = try fixture()
        let result = try followThrough(["report", "--config", try config(repo)])
        let keys = ["commits", "followed", "share", "lagDays", "baseline", "lift", "liftReason"]
        XCTAssertEqual(
            (result["supportToInvestment"] as? [String: Any])?.filter { keys.contains($0.key) } as? NSDictionary,
            [
                "commits": 2, "followed": 2, "share": 1, "lagDays": ["p25": 9, "median": 13, "p75": 17],
                // I2, I3 and I1 are the others; only I1 is followed by investment in its area (W, 48 days on).
                "baseline": ["commits": 3, "followed": 1, "share": 0.3333], "lift": NSNull(),
                "liftReason": "2 support commits: too few for a lift (5 needed)",
            ] as NSDictionary)
        XCTAssertEqual(
            (result["investmentToMaintenance"] as? [String: Any])?.filter { keys.contains($0.key) } as? NSDictionary,
            [
                "commits": 3, "followed": 1, "share": 0.3333, "lagDays": ["p25": 10, "median": 10, "p75": 10],
                // S1 and S2 are the others, both followed by M1 in a/b.
                "baseline": ["commits": 2, "followed": 2, "share": 1], "lift": NSNull(),
                "liftReason": "3 investment commits: too few for a lift (5 needed)",
            ] as NSDictionary)
        let areas = try XCTUnwrap(result["areas"] as? [[String: Any]])
        XCTAssertEqual(areas.map { $0["area"] as? String }, ["a/b", "c/d", "e/f"])
        let counts = areas.map { area in
            ["support", "investment", "maintenance", "investmentAfterSupport", "maintenanceAfterInvestment"].map { area[$0] as? Int }
        }
        XCTAssertEqual(counts, [[2, 1, 0, 1, 1], [0, 1, 0, 0, 0], [1, 1, 0, 1, 0]])
        XCTAssertEqual(areas.first?["repo"] as? String, "app")
    }

    func testNamedAreasFromTheConfig() throws {
        let (repo, _) = try fixture()
        let extra = "areas:\n  ab: ['a/b/**']\n  ef: 'e/f/'\n"
        let result = try followThrough(["report", "--config", try config(repo, extra: extra)])
        let areas = try XCTUnwrap(result["areas"] as? [[String: Any]])
        XCTAssertEqual(areas.map { $0["area"] as? String }, ["ab", "ef"])
        // c/d is in no named area: I2 takes no part.
        XCTAssertEqual((result["investmentToMaintenance"] as? [String: Any])?["commits"] as? Int, 2)
    }

    func testCheckFailsBelowMinFollowThroughWithAReason() throws {
        let (repo, _) = try fixture()
        let path = try config(repo, extra: "follow_through: {weeks: 2}\n", plan: "    plan: { min_follow_through: 60% }")
        // Within two weeks only S2 is followed (I3 after 5 days): 1 of 2.
        let run = try workmix(["check", "--config", path, "--format", "table"])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(
            run.stdout.contains(
                "      - follow-through is 50% of support commits (1 of 2 followed by investment), "
                    + "below the 60% required\n"), run.stdout)
        let passing = try config(repo, plan: "    plan: { min_follow_through: 60% }")
        XCTAssertEqual(try workmix(["check", "--config", passing]).status, 0)
    }

    func testTraceListsWhatFollowedInEachArea() throws {
        let (repo, shas) = try fixture()
        let s2 = try XCTUnwrap(shas["S2"])
        let run = try workmix(["trace", String(s2.prefix(8)), "--repo", repo.path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let trace = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        XCTAssertEqual((trace["commit"] as? [String: Any])?["category"] as? String, "support")
        XCTAssertEqual(trace["areas"] as? [String], ["a/b", "e/f"])
        let followers = try XCTUnwrap(trace["followers"] as? [[String: Any]])
        let names = Dictionary(uniqueKeysWithValues: shas.map { ($0.value, $0.key) })
        let listed = followers.map { area in
            (area["commits"] as? [[String: Any]] ?? []).map { commit in
                "\(names[commit["sha"] as? String ?? ""] ?? "?") \(commit["lagDays"] ?? "") \(commit["follows"] ?? "")"
            }
        }
        XCTAssertEqual(listed, [["I1 16 1", "M1 26 0"], ["I3 5 1"]])
        let table = try workmix(["trace", s2, "--repo", repo.path, "--format", "table"])
        XCTAssertTrue(table.stdout.contains("areas (folders at depth 2): a/b, e/f\n"), table.stdout)
        XCTAssertTrue(table.stdout.contains("* \(shas["I3"]!.prefix(10))  investment       +5 d"), table.stdout)
        assertFails(try workmix(["trace", "0000000", "--repo", repo.path]), code: 2, mentioning: ["unknown revision"])
    }

    func testTheReportIsTheSameOnRerunsAndCanLeaveFollowThroughOut() throws {
        let (repo, _) = try fixture()
        let path = try config(repo)
        for format in ["html", "table", "markdown", "json"] {
            let first = try workmix(["report", "--config", path, "--format", format])
            XCTAssertEqual(first.stdoutData, try workmix(["report", "--config", path, "--format", format]).stdoutData, format)
            XCTAssertTrue(first.stdout.lowercased().contains("follow-through") || format == "json", format)
        }
        let html = try workmix(["report", "--config", path, "--format", "html"]).stdout
        XCTAssertTrue(html.contains("data-area=\"a/b\" data-support=\"2\" data-followed=\"2\""), html)
        let without = try workmix(["report", "--config", path, "--format", "json", "--no-follow-through"])
        XCTAssertFalse(without.stdout.contains("followThrough"))
        XCTAssertTrue(try workmix(["report", "--config", path, "--format", "json"]).stdout.contains("\"followThrough\""))
    }
}
