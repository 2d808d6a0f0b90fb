import Foundation
import WorkmixTestSupport
import XCTest

/// One person, one row (issue 17): `people` and `pairs` on a history with one name under three
/// addresses, typo addresses, a bot by name and two people who share a name, with hand counts.
final class PeopleCommandTests: CLITestCase {
    static let jane = (name: "Jane Doe", email: "jane@corp.com")
    static let janeGmail = (name: "Jane Doe", email: "jane.doe@gmail.com")
    static let janeNoreply = (name: "jane doe", email: "123+janed@users.noreply.github.com")
    static let bob = (name: "Bob Li", email: "bob@corp.com")
    static let sam = (name: "Sam Roe", email: "sam@corp.com")
    static let alexA = (name: "Alex Kim", email: "alex@a.io")
    static let alexB = (name: "Alex Kim", email: "alex@b.io")
    static let bot = (name: "Platform-Bot", email: "ci@corp.com")

    /// Eleven commits, no `.mailmap`. Pairs by hand: Jane+Bob 1, 2, 3, 6 = 4; Jane+Sam 4, 6 = 2;
    /// Bob+Sam 5, 6 = 2; Alex (a.io)+Bob 8; Alex (b.io)+Jane 9. Commit 7 is the bot's with Sam (no pair),
    /// 10 Jane with herself (no pair), 11 Sam alone.
    func makeRepository() throws -> FixtureRepository {
        let repo = try FixtureRepository(name: "platform")
        func commit(_ n: Int, _ author: (name: String, email: String), _ coAuthors: [(name: String, email: String)]) throws {
            try repo.write("f.txt", "\(n)\n")
            let trailers = coAuthors.map { "Co-authored-by: \($0.name) <\($0.email)>" }.joined(separator: "\n")
            try repo.commit("Add feature \(n)\n\n\(trailers)\n", author: author, date: String(format: "2024-01-%02dT10:00:00+00:00", n))
        }
        try commit(1, Self.jane, [Self.bob])
        try commit(2, Self.bob, [Self.janeGmail])
        try commit(3, Self.janeNoreply, [Self.bob, (name: "Platform-Bot", email: "platform-bot@corp.com")])
        try commit(4, (name: "Sam Roe", email: "sam@@corp.com"), [Self.jane])
        try commit(5, (name: "Sam Roe", email: "sam@cprp.com"), [Self.bob])
        try commit(6, (name: "Sam Roe", email: "sam@corp"), [Self.janeGmail, Self.bob])
        try commit(7, Self.bot, [Self.sam])
        try commit(8, Self.alexA, [Self.bob])
        try commit(9, Self.alexB, [Self.jane])
        try commit(10, Self.jane, [Self.janeGmail])
        try commit(11, Self.sam, [])
        return repo
    }

    func writeConfig(_ repo: FixtureRepository, _ extra: String = "") throws -> String {
        let path = repo.root.appendingPathComponent("workmix.yml").path
        try ("identities:\n  distinct: [\"Alex Kim <alex@a.io>\", \"Alex Kim <alex@b.io>\"]\n" + extra)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try workmix(arguments + ["--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any], run.stdout)
    }

    /// `"Bob Li <bob@corp.com>+Jane Doe <jane@corp.com>": 4`.
    func pairCounts(_ report: [String: Any]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for pair in report["pairs"] as? [[String: Any]] ?? [] {
            let people = (pair["people"] as? [[String: String]] ?? []).map { "\($0["name"] ?? "") <\($0["email"] ?? "")>" }
            counts[people.joined(separator: "+")] = pair["commits"] as? Int
        }
        return counts
    }

    static let handCount = [
        "Bob Li <bob@corp.com>+Jane Doe <jane@corp.com>": 4,
        "Jane Doe <jane@corp.com>+Sam Roe <sam@corp.com>": 2,
        "Bob Li <bob@corp.com>+Sam Roe <sam@corp.com>": 2,
        "Alex Kim <alex@a.io>+Bob Li <bob@corp.com>": 1,
        "Alex Kim <alex@b.io>+Jane Doe <jane@corp.com>": 1,
    ]

    func testPairsCountMergedPeopleOnceAndBotsNowhere() throws {
        let repo = try makeRepository()
        let report = try json(["pairs", "--repo", repo.path, "--config", try writeConfig(repo)])
        XCTAssertEqual(pairCounts(report), Self.handCount)
        XCTAssertEqual(report["pairingCommits"] as? Int, 8)
        let people = try XCTUnwrap(report["people"] as? [[String: Any]])
        let shown = people.compactMap { ($0["person"] as? [String: String]).map { "\($0["name"] ?? "") <\($0["email"] ?? "")>" } }
        XCTAssertEqual(
            shown,
            [
                "Jane Doe <jane@corp.com>", "Bob Li <bob@corp.com>", "Sam Roe <sam@corp.com>",
                "Alex Kim <alex@a.io>", "Alex Kim <alex@b.io>",
            ], "each person once, no bot")
        XCTAssertEqual(people.map { $0["commits"] as? Int }, [7, 6, 5, 1, 1])
        XCTAssertEqual(people.map { $0["pairedCommits"] as? Int }, [6, 6, 3, 1, 1])
        let aliases = people.map { ($0["aliases"] as? [[String: String]] ?? []).map { $0["email"] ?? "" } }
        XCTAssertEqual(aliases[0], ["jane.doe@gmail.com", "123+janed@users.noreply.github.com"])
        XCTAssertEqual(Set(aliases[2]), ["sam@@corp.com", "sam@cprp.com", "sam@corp"])
        XCTAssertEqual(aliases[3], [])
    }

    func testWithoutDistinctTheTwoAlexKimsAreOne() throws {
        let repo = try makeRepository()
        let report = try json(["pairs", "--repo", repo.path])
        let people = try XCTUnwrap(report["people"] as? [[String: Any]])
        XCTAssertEqual(people.filter { ($0["person"] as? [String: String])?["name"] == "Alex Kim" }.count, 1)
    }

    func testPeopleListsIdentitiesMergesAndBots() throws {
        let repo = try makeRepository()
        let report = try json(["people", "--repo", repo.path, "--config", try writeConfig(repo)])
        let people = try XCTUnwrap(report["people"] as? [[String: Any]])
        XCTAssertEqual(people.count, 5)
        let jane = people[0]
        XCTAssertEqual((jane["person"] as? [String: String])?["email"], "jane@corp.com")
        XCTAssertEqual((jane["identities"] as? [[String: Any]])?.map { $0["commits"] as? Int }, [4, 3, 1])
        XCTAssertEqual((jane["merges"] as? [[String: Any]])?.compactMap { $0["reason"] as? String }, ["same name", "same name"])
        let bots = try XCTUnwrap(report["bots"] as? [[String: Any]])
        XCTAssertEqual(Set(bots.compactMap { $0["email"] as? String }), ["ci@corp.com", "platform-bot@corp.com"])
        let table = try workmix(["people", "--repo", repo.path, "--config", try writeConfig(repo), "--format", "table"])
        XCTAssertTrue(table.stdout.hasPrefix("5 people (2 under several identities)"), table.stdout)
    }

    /// The `.mailmap` that `people` writes, committed, gives the same pairs without merging by name.
    func testMailmapOutputGivesTheSamePeopleWithoutMergingByName() throws {
        let repo = try makeRepository()
        let config = try writeConfig(repo)
        let mailmap = try workmix(["people", "--repo", repo.path, "--config", config, "--format", "mailmap"])
        XCTAssertEqual(mailmap.status, 0, mailmap.stderr)
        XCTAssertTrue(mailmap.stdout.contains("\nJane Doe <jane@corp.com> jane doe <123+janed@users.noreply.github.com>\n"), mailmap.stdout)
        XCTAssertTrue(mailmap.stdout.contains("\nSam Roe <sam@corp.com> Sam Roe <sam@@corp.com>\n"), mailmap.stdout)
        let merged = try json(["pairs", "--repo", repo.path, "--config", config])
        try repo.write(".mailmap", mailmap.stdout)
        let unmerged = try writeConfig(repo, "merge_same_name: false\n")
        let mapped = try json(["pairs", "--repo", repo.path, "--config", unmerged])
        XCTAssertEqual(pairCounts(mapped), Self.handCount)
        func withoutAliases(_ report: [String: Any]) -> NSArray {
            NSArray(array: (report["people"] as? [[String: Any]] ?? []).map { $0.filter { $0.key != "aliases" } })
        }
        XCTAssertEqual(withoutAliases(mapped), withoutAliases(merged))
        // git reads it too: authors Jane (two addresses), Bob, Sam (four), the bot, the two Alex Kims.
        XCTAssertEqual(try repo.git(["shortlog", "-se", "HEAD"]).split(separator: "\n").count, 6)
    }

    /// The `identities:` block that `people` writes, as the config, gives the same pairs without merging by name.
    func testYAMLOutputAsIdentitiesGivesTheSamePeopleWithoutMergingByName() throws {
        let repo = try makeRepository()
        let yaml = try workmix(["people", "--repo", repo.path, "--config", try writeConfig(repo), "--format", "yaml"])
        XCTAssertEqual(yaml.status, 0, yaml.stderr)
        XCTAssertTrue(
            yaml.stdout.contains("\n  \"Jane Doe <jane@corp.com>\": [\"jane.doe@gmail.com\", \"janed@users.noreply.github.com\"]\n"),
            yaml.stdout)
        XCTAssertTrue(yaml.stdout.contains("\n  distinct: [\"Alex Kim <alex@a.io>\", \"Alex Kim <alex@b.io>\"]\n"), yaml.stdout)
        let path = repo.root.appendingPathComponent("generated.yml").path
        try (yaml.stdout + "merge_same_name: false\n").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(pairCounts(try json(["pairs", "--repo", repo.path, "--config", path])), Self.handCount)
    }

    /// A resident named by one address is all of that person's (issue 17.5). In the window: every commit
    /// but 7 (the bot with Sam) and 11 (Sam alone) has Jane or Bob: 9. Jane authored 1, 3 and 10 (own 3);
    /// she took part in 1, 2, 3, 4, 6, 9, 10, with someone else in all but 10 (paired 6); with Bob in 1,
    /// 2, 3, 6 (4).
    func testReportMatchesEveryAddressOfTheResident() throws {
        let repo = try makeRepository()
        let config = try writeConfig(
            repo,
            """
            residencies:
              - name: platform
                resident: jane.doe@gmail.com
                team: [Bob Li <bob@corp.com>]
                repos: [platform]
                from: 2024-01-01
                to: 2024-01-31

            """)
        let report = try json(["report", "--config", config])
        let residency = try XCTUnwrap((report["residencies"] as? [[String: Any]])?.first)
        XCTAssertEqual((residency["total"] as? [String: Any])?["commits"] as? Int, 9)
        let resident = try XCTUnwrap(residency["resident"] as? [String: [String: Int]])
        XCTAssertEqual(resident["own"]?.values.reduce(0, +), 3)
        XCTAssertEqual(resident["paired"]?.values.reduce(0, +), 6)
        let pairings = try XCTUnwrap(residency["pairings"] as? [[String: Any]])
        XCTAssertEqual(pairings.map { $0["commits"] as? Int }, [4])
        XCTAssertEqual((pairings.first?["partner"] as? [String: String])?["name"], "Bob Li")
    }

    func testBadFormatAndBadConfigAreOneLineErrors() throws {
        let repo = try makeRepository()
        assertFails(try workmix(["people", "--repo", repo.path, "--format", "csv"]), code: 2, mentioning: ["people has no 'csv' format"])
        let config = try writeConfig(repo, "merge_same_name: maybe\n")
        assertFails(
            try workmix(["people", "--repo", repo.path, "--config", config]), code: 2,
            mentioning: ["workmix.yml:3:", "merge_same_name"])
    }
}
