import Foundation
import WorkmixTestSupport
import XCTest

/// `workmix pairs` end to end on fixture repositories, with hand counts.
final class PairsCommandTests: CLITestCase {
    static let ada = (name: "Ada", email: "ada@x.io")
    static let bob = (name: "Bob", email: "bob@x.io")
    static let cyd = (name: "Cyd", email: "cyd@x.io")

    /// Six commits: a mob of three; Bob under his old email (mailmap) and Cyd under her personal one
    /// (config identities); a bot and an AI assistant as co-authors; a solo commit; a merge (skipped).
    func makeRepository(name: String = "team", firstLine: String = "1") throws -> FixtureRepository {
        let repo = try FixtureRepository(name: name)
        try repo.write(".mailmap", "Bob <bob@x.io> <robert@old.example>\n")
        try repo.write("a.txt", "\(firstLine)\n")
        try repo.commit(
            "Add the retry middleware\n\nCo-authored-by: Bob <bob@x.io>\nCo-authored-by: Cyd <cyd@x.io>\n",
            author: Self.ada, date: "2021-03-01T10:00:00+01:00")
        try repo.write("a.txt", "\(firstLine)\n2\n")
        try repo.commit(
            "Fix the flaky test\n\nCo-authored-by: Robert <ROBERT@old.example>\n", author: Self.ada,
            date: "2021-03-02T10:00:00+01:00")
        try repo.write("b.txt", "b\n")
        try repo.commit(
            "Fix the typo\n\nCo-authored-by: Cyd C <cyd@personal.example>\nco-authored-by: Ada <ADA@x.io>\n",
            author: Self.bob, date: "2021-03-03T10:00:00+01:00")
        try repo.write("c.txt", "c\n")
        try repo.commit(
            "Bump lodash from 4.17.20 to 4.17.21\n\nCo-authored-by: dependabot[bot] <support@github.com>\n"
                + "Co-authored-by: Claude <noreply@anthropic.com>\n", author: Self.cyd, date: "2021-03-04T10:00:00+01:00")
        try repo.git(["checkout", "-q", "-b", "side"])
        try repo.write("d.txt", "d\n")
        try repo.commit("Add the side feature", author: Self.bob, date: "2021-03-05T10:00:00+01:00")
        try repo.git(["checkout", "-q", "main"])
        try repo.git(
            ["merge", "-q", "--no-ff", "side", "-m", "Merge branch 'side'\n\nCo-authored-by: Ada <ada@x.io>"],
            environment: [
                "GIT_AUTHOR_NAME": "Bob", "GIT_AUTHOR_EMAIL": "bob@x.io", "GIT_AUTHOR_DATE": "2021-03-06T10:00:00+01:00",
                "GIT_COMMITTER_NAME": "Bob", "GIT_COMMITTER_EMAIL": "bob@x.io",
                "GIT_COMMITTER_DATE": "2021-03-06T10:00:00+01:00",
            ])
        return repo
    }

    func writeConfig(_ repo: FixtureRepository, _ extra: String = "") throws -> String {
        let path = repo.root.appendingPathComponent("workmix.yml").path
        try ("identities:\n  \"Cyd <cyd@x.io>\": [cyd@personal.example]\n" + extra).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func pairs(_ arguments: [String], in directory: String? = nil) throws -> [String: Any] {
        let run = try workmix(["pairs", "--format", "json"] + arguments, in: directory ?? FileManager.default.temporaryDirectory.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any], run.stdout)
    }

    /// `"Ada+Bob": 2`, names in the report's order.
    func counts(_ report: [String: Any]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for pair in report["pairs"] as? [[String: Any]] ?? [] {
            let names = (pair["people"] as? [[String: String]] ?? []).compactMap { $0["name"] }
            counts[names.joined(separator: "+")] = pair["commits"] as? Int
        }
        return counts
    }

    func testPairsWithMailmapIdentitiesBotsAndAssistants() throws {
        let repo = try makeRepository()
        let report = try pairs(["--repo", repo.path, "--config", try writeConfig(repo)])
        // The mob: Ada+Bob, Ada+Cyd, Bob+Cyd; Robert is Bob by the mailmap: Ada+Bob; Bob's commit with
        // Cyd (by the config's identities) and Ada: Bob+Cyd, Ada+Bob, Ada+Cyd; Cyd's with a bot and an AI: none.
        XCTAssertEqual(counts(report), ["Ada+Bob": 3, "Ada+Cyd": 2, "Bob+Cyd": 2])
        XCTAssertEqual(report["pairingCommits"] as? Int, 3)
        let list = try XCTUnwrap(report["pairs"] as? [[String: Any]])
        XCTAssertEqual(list.map { $0["commits"] as? Int }, [3, 2, 2], "sorted by commits, descending")
        let first = list[0]
        XCTAssertEqual(first["first"] as? String, "2021-03-01T10:00:00+01:00")
        XCTAssertEqual(first["last"] as? String, "2021-03-03T10:00:00+01:00")
        XCTAssertEqual(first["repos"] as? [String], ["team"])
        XCTAssertEqual((first["byCategory"] as? [String: Int]).map { $0.values.reduce(0, +) }, 3)
        XCTAssertEqual(first["churn"] as? Int, 4, "a.txt and .mailmap, then a.txt, then b.txt: one line each")
        let people = try XCTUnwrap(report["people"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: people.map { (($0["person"] as? [String: String])?["name"] ?? "", $0) })
        XCTAssertEqual(Set(byName.keys), ["Ada", "Bob", "Cyd"], "no bot, no assistant, Robert is Bob")
        XCTAssertEqual(byName["Cyd"]?["commits"] as? Int, 3)
        XCTAssertEqual(byName["Cyd"]?["pairedCommits"] as? Int, 2)
        XCTAssertEqual(byName["Bob"]?["commits"] as? Int, 4, "the merge is skipped")
        XCTAssertEqual(byName["Bob"]?["partners"] as? Int, 2)
        XCTAssertEqual(try XCTUnwrap(byName["Bob"]?["pairedShare"] as? Double), 0.75, accuracy: 1e-9)
    }

    func testAIPartnersWhenTheConfigSaysSo() throws {
        let repo = try makeRepository()
        let report = try pairs(["--repo", repo.path, "--config", try writeConfig(repo, "ai_partners: true\n")])
        XCTAssertEqual(counts(report), ["Ada+Bob": 3, "Ada+Cyd": 2, "Bob+Cyd": 2, "Claude+Cyd": 1])
        XCTAssertEqual(report["pairingCommits"] as? Int, 4)
    }

    func testWithoutTheConfigCydIsTwoPeople() throws {
        let repo = try makeRepository()
        XCTAssertEqual(counts(try pairs(["--repo", repo.path])), ["Ada+Bob": 3, "Ada+Cyd": 1, "Ada+Cyd C": 1, "Bob+Cyd": 1, "Bob+Cyd C": 1])
    }

    func testSignedOffByPairsUnderPairTrailers() throws {
        let repo = try FixtureRepository(name: "duet")
        try repo.write("a.txt", "a\n")
        try repo.commit("Add a\n\nSigned-off-by: Bob <bob@x.io>\n", author: Self.ada)
        try repo.write("a.txt", "b\n")
        try repo.commit("Change a\n\nSigned-off-by: Ada <ada@x.io>\n", author: Self.ada)
        let config = repo.root.appendingPathComponent("duet.yml").path
        try "pair_trailers: [Co-authored-by, Signed-off-by]\n".write(toFile: config, atomically: true, encoding: .utf8)
        XCTAssertEqual(counts(try pairs(["--repo", repo.path, "--config", config])), ["Ada+Bob": 1])
        XCTAssertEqual(counts(try pairs(["--repo", repo.path])), [:])
    }

    func testSamePersonAcrossRepositories() throws {
        let api = try makeRepository(name: "api"), web = try makeRepository(name: "web", firstLine: "web")
        let report = try pairs(["--repo", api.path, "--repo", web.path, "--config", try writeConfig(api)])
        XCTAssertEqual(counts(report), ["Ada+Bob": 6, "Ada+Cyd": 4, "Bob+Cyd": 4])
        XCTAssertEqual((report["pairs"] as? [[String: Any]])?.first?["repos"] as? [String], ["api", "web"])
    }

    /// A commit counts once (SPEC 5): the same repository named twice is read once, and a clone read
    /// beside its origin adds no commit twice.
    func testACommitCountsOnceWhateverTheRepositoriesRepeat() throws {
        let repo = try makeRepository()
        let config = try writeConfig(repo)
        let single = try pairs(["--repo", repo.path, "--config", config])
        XCTAssertEqual(counts(single), ["Ada+Bob": 3, "Ada+Cyd": 2, "Bob+Cyd": 2])
        let clone = repo.root.appendingPathComponent("clone").path
        try repo.git(["clone", "-q", repo.path, clone])
        for second in [repo.path + "/./", repo.path + "/.git", clone] {
            let twice = try pairs(["--repo", repo.path, "--repo", second, "--config", config])
            XCTAssertEqual(counts(twice), counts(single), second)
            XCTAssertEqual(twice["pairingCommits"] as? Int, single["pairingCommits"] as? Int, second)
        }
        let scan = try workmix(["scan", "--repo", repo.path, "--repo", repo.path + "/", "--format", "jsonl"])
        XCTAssertEqual(scan.stdout.split(separator: "\n").count, try repo.lines(["rev-list", "--no-merges", "HEAD"]).count)
    }

    func testMinCommitsTopAndSince() throws {
        let repo = try makeRepository()
        let config = try writeConfig(repo)
        XCTAssertEqual(counts(try pairs(["--repo", repo.path, "--config", config, "--min-commits", "3"])), ["Ada+Bob": 3])
        let top = try pairs(["--repo", repo.path, "--config", config, "--top", "1"])
        XCTAssertEqual(counts(top), ["Ada+Bob": 3])
        XCTAssertEqual((top["people"] as? [Any])?.count, 1)
        XCTAssertEqual(top["pairingCommits"] as? Int, 3, "totals are not cut")
        XCTAssertEqual(
            counts(try pairs(["--repo", repo.path, "--config", config, "--since", "2021-03-02"])),
            ["Ada+Bob": 2, "Ada+Cyd": 1, "Bob+Cyd": 1])
    }

    func testEveryFormatIsDeterministic() throws {
        let repo = try makeRepository()
        let config = try writeConfig(repo)
        for format in ["table", "json", "csv", "markdown"] {
            let one = try workmix(["pairs", "--repo", repo.path, "--config", config, "--format", format, "--jobs", "1"])
            let two = try workmix(["pairs", "--repo", repo.path, "--config", config, "--format", format, "--jobs", "2"])
            XCTAssertEqual(one.status, 0, one.stderr)
            XCTAssertFalse(one.stdout.isEmpty, format)
            XCTAssertEqual(one.stdoutData, two.stdoutData, format)
        }
        let csv = try workmix(["pairs", "--repo", repo.path, "--config", config, "--format", "csv"]).stdout
        XCTAssertEqual(csv.split(separator: "\r\n").count, 4, "a header and one row per pair")
    }

    func testUnsupportedFormatsAndBadOptionsAreUsageErrors() throws {
        let repo = try makeRepository()
        for arguments in [
            ["--format", "jsonl"], ["--format", "github"], ["--top", "0"],
            ["--min-commits", "0"],
        ] {
            let run = try workmix(["pairs", "--repo", repo.path] + arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
        assertFails(
            try workmix(["pairs", "--repo", repo.root.appendingPathComponent("nope").path, "--format", "json"]),
            code: 2, mentioning: ["nope"])
    }

    func testOutputFile() throws {
        let repo = try makeRepository()
        let out = repo.root.appendingPathComponent("pairs.json").path
        let run = try workmix(["pairs", "--repo", repo.path, "--format", "json", "--output", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
    }
}
