import Foundation
import WorkmixCore
import WorkmixTestSupport
import XCTest

@testable import WorkmixKit

/// workmix against git itself, on the same repositories.
final class HistoryMinerTests: XCTestCase {
    func records(_ path: String, query: HistoryQuery = HistoryQuery(), changes: Bool = false, jobs: Int = 2) throws -> (
        [CommitRecord], MiningWarnings
    ) {
        var options = MiningOptions()
        options.query = query
        options.diffs = changes ? .always : .onDemand
        options.jobs = jobs
        let miner = try HistoryMiner(path: path, options: options)
        var records: [CommitRecord] = []
        try miner.run { records.append($0) }
        return (records, miner.warnings)
    }

    /// sha -> (files, insertions, deletions) from git log --numstat.
    func gitNumstat(_ repo: FixtureRepository, _ revision: String = "HEAD") throws -> [String: [Int]] {
        let text = try repo.git(["log", "--numstat", "--no-renames", "--diff-merges=first-parent", "--format=@%H", revision])
        var stats: [String: [Int]] = [:]
        var current = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("@") { current = String(line.dropFirst()); stats[current] = [0, 0, 0]; continue }
            let parts = line.split(separator: "\t")
            stats[current]![0] += 1
            stats[current]![1] += Int(parts[0]) ?? 0
            stats[current]![2] += Int(parts[1]) ?? 0
        }
        return stats
    }

    func testCommitsOrderAndAuthorsMatchGit() throws {
        let repo = try HistoryFixtures.rich()
        let (records, warnings) = try records(repo.path)
        XCTAssertEqual(records.map(\.sha), try repo.lines(["rev-list", "HEAD"]))
        XCTAssertEqual(records.map { "\($0.author.name) <\($0.author.email)>" }, try repo.lines(["log", "--format=%aN <%aE>"]))
        XCTAssertEqual(records.map { "\($0.committer.name) <\($0.committer.email)>" }, try repo.lines(["log", "--format=%cN <%cE>"]))
        XCTAssertEqual(records.map(\.authoredAt.iso8601), try repo.lines(["log", "--format=%aI"]))
        XCTAssertEqual(records.map(\.committedAt.iso8601), try repo.lines(["log", "--format=%cI"]))
        XCTAssertEqual(
            records.map { $0.parents.joined(separator: " ") },
            try repo.git(["log", "--format=%P"]).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
        XCTAssertEqual(warnings, MiningWarnings())
    }

    func testFileStatsMatchGitNumstat() throws {
        let repo = try HistoryFixtures.rich()
        let expected = try gitNumstat(repo)
        for jobs in [1, 2] {
            let (records, _) = try records(repo.path, changes: true, jobs: jobs)
            XCTAssertEqual(records.count, expected.count)
            for record in records {
                let stats = try XCTUnwrap(record.changeInfo.stats, record.subject)
                XCTAssertEqual([stats.files, stats.insertions, stats.deletions], expected[record.sha], "\(record.subject) jobs=\(jobs)")
            }
        }
    }

    func testFileChangeDetails() throws {
        let repo = try HistoryFixtures.rich()
        let (records, _) = try records(repo.path, changes: true)
        func changes(_ subject: String) -> [FileChange] { records.first { $0.subject == subject }?.changeInfo.changes ?? [] }
        XCTAssertEqual(
            changes("Add logo and tweak a").first { $0.path == "assets/logo.png" },
            FileChange(path: "assets/logo.png", status: .added, insertions: 0, deletions: 0, binary: true))
        XCTAssertEqual(Set(changes("Rename a to b").map { "\($0.status.rawValue) \($0.path)" }), ["deleted src/a.txt", "added src/b.txt"])
        XCTAssertEqual(changes("Make README a symlink").map(\.status), [.typechange])
        XCTAssertEqual(changes("Remove feature file").map(\.status), [.deleted])
        XCTAssertEqual(changes("Initial commit").count, 2, "a root commit diffs against the empty tree")
        XCTAssertEqual(changes("Merge branch 'feature'").map(\.path), ["feature.txt"], "a merge diffs against its first parent")
    }

    func testMessagesTrailersAndCoAuthors() throws {
        let repo = try HistoryFixtures.rich()
        let (records, _) = try records(repo.path)
        let feature = try XCTUnwrap(records.first { $0.subject == "Implement the feature" })
        XCTAssertEqual(feature.author, Person(name: "Linus T", email: "linus@example.org"))
        XCTAssertEqual(feature.body, "Paired on it.\n\nCo-authored-by: Grace Hopper <grace@navy.mil>\nCo-authored-by: Ada Lovelace <ada@example.com>")
        XCTAssertEqual(feature.trailers.map(\.key), ["Co-authored-by", "Co-authored-by"])
        XCTAssertEqual(
            feature.coAuthors, [Person(name: "Grace Hopper", email: "grace@navy.mil"), Person(name: "Ada Lovelace", email: "ada@example.com")])
        XCTAssertEqual(records.first { $0.parents.count == 2 }?.isMerge, true)
        let latin1 = try XCTUnwrap(records.first { $0.subject.hasPrefix("Caf") })
        XCTAssertEqual(latin1.subject, "Caf\u{FFFD} cr\u{FFFD}me: not UTF-8", "invalid UTF-8 is replaced, never a crash")
    }

    func testRangesFirstParentNoMergesAndAll() throws {
        let repo = try HistoryFixtures.rich()
        try repo.git(["branch", "side", "HEAD~5"])
        for (query, gitArguments) in [
            (HistoryQuery(revisions: ["v1..HEAD"]), ["rev-list", "v1..HEAD"]),
            (HistoryQuery(revisions: ["HEAD~4...feature"]), ["rev-list", "HEAD~4...feature"]),
            (HistoryQuery(revisions: ["^v1", "main"]), ["rev-list", "^v1", "main"]),
            (HistoryQuery(firstParent: true), ["rev-list", "--first-parent", "HEAD"]),
            (HistoryQuery(noMerges: true), ["rev-list", "--no-merges", "HEAD"]),
            (HistoryQuery(revisions: ["feature"]), ["rev-list", "feature"]),
            (HistoryQuery(all: true), ["rev-list", "--all"]),
        ] {
            XCTAssertEqual(try records(repo.path, query: query).0.map(\.sha), try repo.lines(gitArguments), gitArguments.joined(separator: " "))
        }
    }

    func testSinceAndUntilUseTheAuthorsOwnDay() throws {
        let repo = try HistoryFixtures.rich()
        let query = HistoryQuery(since: .day(CivilDate(year: 2020, month: 1, day: 2)), until: .day(CivilDate(year: 2020, month: 1, day: 4)))
        XCTAssertEqual(try records(repo.path, query: query).0.map(\.subject), ["Implement the feature", "Rename a to b", "Add logo and tweak a"])
        let instant = HistoryQuery(
            since: .instant(DateParser.parseTimestamp("2020-01-04T08:00:00Z")!),
            until: .instant(DateParser.parseTimestamp("2020-01-04T08:00:00Z")!))
        XCTAssertEqual(try records(repo.path, query: instant).0.map(\.subject), ["Implement the feature"], "bounds are inclusive")
    }

    func testBareRepositoryWorktreeAndSubfolder() throws {
        let repo = try HistoryFixtures.rich()
        let expected = try repo.lines(["rev-list", "HEAD"])
        let bare = repo.root.appendingPathComponent("bare.git").path
        try repo.git(["clone", "-q", "--bare", repo.path, bare])
        XCTAssertEqual(try records(bare).0.map(\.sha), expected)
        XCTAssertEqual(try records(bare).0.first?.author, Person(name: "Ada Lovelace", email: "ada@example.com"))
        XCTAssertEqual(
            try records(bare).0.first { $0.subject == "Implement the feature" }?.author.name, "Linus T",
            "a bare repository reads HEAD:.mailmap")
        let worktree = repo.root.appendingPathComponent("wt").path
        try repo.git(["worktree", "add", "-q", worktree, "feature"])
        XCTAssertEqual(try records(worktree).0.map(\.sha), try repo.lines(["rev-list", "feature"]))
        XCTAssertEqual(
            try records(worktree + "/.git").0.map(\.sha), try repo.lines(["rev-list", "feature"]),
            "a worktree's .git file stands for the worktree")
        XCTAssertEqual(try records(repo.path + "/src").0.map(\.sha), expected)
        XCTAssertEqual(try records(repo.path + "/.git").0.map(\.sha), expected)
    }

    /// Authors as `git log %aN <%aE>` prints them when the mailmap comes from several places: the
    /// work tree's .mailmap, then `mailmap.blob`, then `mailmap.file`, later ones overriding.
    func testMailmapFileAndBlobAsGitReadsThem() throws {
        let repo = try FixtureRepository(name: "mailmaps")
        for (index, email) in ["one@x.io", "two@x.io", "three@x.io"].enumerated() {
            try repo.write("f.txt", "\(index)\n")
            try repo.commit(
                "Change \(index)", author: (name: "dev \(index)", email: email),
                date: "2021-03-0\(index + 1)T10:00:00+00:00")
        }
        try repo.write(".mailmap", "Worktree One <one@x.io>\nWorktree Two <two@x.io>\n")
        let blob = try repo.git(["hash-object", "-w", "--stdin"], input: Data("Blob Two <two@x.io>\nBlob Three <three@x.io>\n".utf8))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["config", "mailmap.blob", blob])
        let file = repo.root.appendingPathComponent("extra.mailmap").path
        try "File Three <THREE@x.io>\n".write(toFile: file, atomically: true, encoding: .utf8)
        try repo.git(["config", "mailmap.file", file])
        let expected = try repo.lines(["log", "--format=%aN <%aE>"])
        XCTAssertEqual(expected, ["File Three <three@x.io>", "Blob Two <two@x.io>", "Worktree One <one@x.io>"])
        XCTAssertEqual(try records(repo.path).0.map(\.author.description), expected)
    }

    /// A mirror whose HEAD names a deleted branch: an error, not an empty history.
    func testUnbornHeadBesideOtherBranchesIsAnError() throws {
        let repo = try HistoryFixtures.rich()
        let mirror = repo.root.appendingPathComponent("mirror.git").path
        try repo.git(["clone", "-q", "--mirror", repo.path, mirror])
        try repo.git(["symbolic-ref", "HEAD", "refs/heads/deleted"], in: mirror)
        XCTAssertThrowsError(try records(mirror)) { error in
            XCTAssertTrue("\(error)".contains("HEAD names a branch with no commits"), "\(error)")
            XCTAssertTrue("\(error)".hasPrefix(mirror), "\(error)")
        }
    }

    func testEmptyRepositoryHasNoCommits() throws {
        let repo = try FixtureRepository(name: "empty")
        let (records, warnings) = try records(repo.path)
        XCTAssertEqual(records, [])
        XCTAssertEqual(warnings, MiningWarnings())
    }

    func testShallowCloneListsWhatIsThereWithAWarning() throws {
        let repo = try HistoryFixtures.rich()
        let shallow = repo.root.appendingPathComponent("shallow").path
        try repo.git(["clone", "-q", "--depth", "3", "file://" + repo.path, shallow])
        let (records, warnings) = try records(shallow, changes: true)
        XCTAssertEqual(records.map(\.sha), try repo.lines(["rev-list", "HEAD"], in: shallow))
        XCTAssertEqual(records.count, 3)
        XCTAssertTrue(warnings.shallow)
        XCTAssertEqual(warnings.warnings(repository: nil), [.shallowClone(repository: nil)])
    }

    func testMissingBlobGivesNullStatsAndAWarningNotAnAbort() throws {
        let repo = try HistoryFixtures.rich()
        let blob = try repo.git(["rev-parse", "HEAD~8:src/a.txt"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.deleteObject(blob)
        XCTAssertThrowsError(try repo.git(["log", "--numstat", "--format=%H"]), "git itself aborts here")

        let (records, warnings) = try records(repo.path, changes: true)
        XCTAssertEqual(records.map(\.sha), try repo.lines(["rev-list", "HEAD"]))
        let broken = records.filter { $0.changeInfo.stats == nil }
        XCTAssertEqual(Set(broken.map(\.subject)), ["Initial commit", "Add logo and tweak a"])
        // The trees are there: the paths stay known for file rules, only the line counts are missing.
        XCTAssertEqual(broken.first { $0.subject == "Initial commit" }?.changeInfo.changes?.map(\.path), ["README.md", "src/a.txt"])
        XCTAssertEqual(warnings.commitsWithoutStats, 2)
    }

    func testBadInputIsAnInputErrorNamingRepositoryAndRevision() throws {
        let repo = try HistoryFixtures.rich()
        XCTAssertThrowsError(try records(repo.root.appendingPathComponent("missing").path)) { error in
            XCTAssertTrue("\(error)".contains("no such file or directory"), "\(error)")
        }
        let plain = repo.root.appendingPathComponent("plain").path
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
        XCTAssertThrowsError(try records(plain)) { error in
            XCTAssertTrue(error is InputError)
            XCTAssertTrue("\(error)".contains("not a git repository"), "\(error)")
        }
        XCTAssertThrowsError(try records(repo.path, query: HistoryQuery(revisions: ["v9..HEAD"]))) { error in
            XCTAssertTrue(error is InputError)
            XCTAssertTrue("\(error)".contains("v9") && "\(error)".contains(repo.path), "\(error)")
        }
    }

    func testLargeCommitAndHugeMessage() throws {
        let repo = try FixtureRepository(name: "large")
        for i in 0..<10_500 { try repo.write("files/f\(i).txt", "\(i)\n") }
        try repo.commit("Add many files\n\n" + String(repeating: "A long body line.\n", count: 50_000))
        let (records, _) = try records(repo.path, changes: true)
        XCTAssertEqual(records.first?.changeInfo.stats, ChangeStats(files: 10_500, insertions: 10_500, deletions: 0))
        XCTAssertEqual(records.first?.body.count, 50_000 * 18 - 1)
    }

    func testInvalidUTF8InNamesIsReplacedNotACrash() throws {
        let repo = try FixtureRepository(name: "names")
        try repo.write("a", "a\n")
        try repo.commit("first")
        try repo.write("a", "b\n")
        try repo.commit(rawMessage: Data("ok\n".utf8), rawAuthorName: Data([0x4A, 0xF6, 0x72, 0x67, 0xFF]))
        let (records, _) = try records(repo.path)
        XCTAssertEqual(records.first?.author.name, "J\u{FFFD}rg\u{FFFD}")
        XCTAssertEqual(records.count, 2)
    }

    func testGitDirectoryWithoutCoreBareReadsHeadsMailmapAsGitDoes() throws {
        // Mirrors and snapshots are often a bare git directory with no config at all.
        let repo = try HistoryFixtures.rich()
        let bare = repo.root.appendingPathComponent("snapshot").path
        try repo.git(["clone", "-q", "--bare", repo.path, bare])
        try FileManager.default.removeItem(atPath: bare + "/config")
        let expected = try repo.lines(["log", "--format=%aN <%aE>"])
        let (records, _) = try records(bare)
        XCTAssertEqual(records.map { "\($0.author.name) <\($0.author.email)>" }, expected)
    }

    func testCountCommitsEqualsWhatRunReads() throws {
        let repo = try HistoryFixtures.rich()
        for query in [HistoryQuery(), HistoryQuery(noMerges: true), HistoryQuery(revisions: ["v1..HEAD"])] {
            var options = MiningOptions()
            options.query = query
            let miner = try HistoryMiner(path: repo.path, options: options)
            XCTAssertEqual(try miner.countCommits(), try records(repo.path, query: query).0.count)
        }
        XCTAssertEqual(
            try HistoryMiner(path: repo.path, options: MiningOptions()).countCommits(),
            try repo.lines(["rev-list", "HEAD"]).count)
    }

    func testShallowBoundaryCommitIsARootAsInGit() throws {
        let repo = try HistoryFixtures.rich()
        let shallow = repo.root.appendingPathComponent("shallow2").path
        try repo.git(["clone", "-q", "--depth", "2", "file://" + repo.path, shallow])
        let (records, warnings) = try records(shallow, changes: true)
        let boundary = try XCTUnwrap(records.last)
        XCTAssertEqual(boundary.parents, [], "git log %P shows no parent at the boundary")
        XCTAssertEqual(
            boundary.parents.joined(separator: " "),
            try repo.git(["log", "-1", "--format=%P", boundary.sha], in: shallow).trimmingCharacters(in: .whitespacesAndNewlines))
        let stats = try XCTUnwrap(boundary.changeInfo.stats, "diffed against the empty tree, as git does")
        let numstat = try repo.lines(["log", "-1", "--numstat", "--format=", boundary.sha], in: shallow)
        XCTAssertEqual(stats.files, numstat.count)
        XCTAssertEqual(warnings.commitsWithoutStats, 0, "no false 'objects missing' warning")
    }

    func testSymmetricRangeWithSeveralMergeBases() throws {
        // A criss-cross merge: b1 and b0 have two merge bases; A...B excludes both, as git does.
        let repo = try FixtureRepository(name: "crisscross")
        try repo.write("f", "0\n")
        try repo.commit("root", date: "2020-01-01T00:00:00Z")
        try repo.git(["branch", "b0"])
        try repo.git(["branch", "b1"])
        try repo.git(["checkout", "-q", "b0"]); try repo.write("a", "1\n"); try repo.commit("a0", date: "2020-01-02T00:00:00Z")
        try repo.git(["checkout", "-q", "b1"]); try repo.write("b", "1\n"); try repo.commit("a1", date: "2020-01-03T00:00:00Z")
        try repo.git(["checkout", "-q", "b0"]);
        try repo.git(
            ["merge", "-q", "--no-ff", "b1~0", "-m", "m0"],
            environment: ["GIT_COMMITTER_DATE": "2020-01-04T00:00:00Z", "GIT_AUTHOR_DATE": "2020-01-04T00:00:00Z"])
        try repo.git(["checkout", "-q", "b1"]);
        try repo.git(
            ["merge", "-q", "--no-ff", "b0~1", "-m", "m1"],
            environment: ["GIT_COMMITTER_DATE": "2020-01-05T00:00:00Z", "GIT_AUTHOR_DATE": "2020-01-05T00:00:00Z"])
        try repo.git(["checkout", "-q", "b0"]); try repo.write("c", "1\n"); try repo.commit("c0", date: "2020-01-06T00:00:00Z")
        try repo.git(["checkout", "-q", "b1"]); try repo.write("d", "1\n"); try repo.commit("d1", date: "2020-01-07T00:00:00Z")
        XCTAssertEqual(try repo.lines(["merge-base", "--all", "b0", "b1"]).count, 2)
        XCTAssertEqual(
            try records(repo.path, query: HistoryQuery(revisions: ["b1...b0"])).0.map(\.sha),
            try repo.lines(["rev-list", "b1...b0"]))
    }

    func testSubmoduleTypechangesCountAsGitDoes() throws {
        let repo = try FixtureRepository(name: "submodule")
        try repo.write("keep", "k\n")
        try repo.commit("root", date: "2020-01-01T00:00:00Z")
        let gitlink = try repo.head()
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,\(gitlink),mod"])
        try repo.commit("add a submodule", date: "2020-01-02T00:00:00Z", stage: false)
        try repo.git(["rm", "-q", "--cached", "mod"])
        try repo.write("mod", "one\ntwo\n")
        try repo.git(["add", "mod"])
        try repo.commit("submodule becomes a file", date: "2020-01-03T00:00:00Z", stage: false)
        try repo.git(["rm", "-q", "--cached", "mod"])
        try FileManager.default.removeItem(atPath: repo.path + "/mod")
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,\(gitlink),mod"])
        try repo.commit("file becomes a submodule", date: "2020-01-04T00:00:00Z", stage: false)
        let expected = try gitNumstat(repo)
        for record in try records(repo.path, changes: true).0 {
            let stats = try XCTUnwrap(record.changeInfo.stats)
            XCTAssertEqual([stats.files, stats.insertions, stats.deletions], expected[record.sha], record.subject)
        }
    }
}
