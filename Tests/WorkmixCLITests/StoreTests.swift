import Foundation
import WorkmixTestSupport
import XCTest

/// The history store (SPEC 8): every command's output is byte for byte what a run without the store
/// gives, on the same history, after new commits, rewritten history and changed rules; the store
/// survives concurrent runs and damaged files.
final class StoreTests: CLITestCase {
    var storeDir = ""

    override func setUpWithError() throws {
        storeDir = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-store-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: storeDir)
    }

    func makeRepository() throws -> FixtureRepository { try Self.makeRepository() }

    /// Five commits, a branch merged back, one co-author (the PostgreSQL store's tests use it too).
    static func makeRepository() throws -> FixtureRepository {
        let repo = try FixtureRepository(name: "stored")
        try repo.write("src/a.swift", "a\n")
        try repo.commit("Add the parser", date: "2021-03-01T10:00:00+01:00")
        try repo.write("README.md", "docs\n")
        try repo.commit("Document the parser", date: "2021-03-02T10:00:00+01:00")
        try repo.git(["checkout", "-q", "-b", "topic"])
        try repo.write("src/b.swift", "b\n")
        try repo.commit("Fix a crash in b\n\nCo-authored-by: Bob <bob@x.io>\n", date: "2021-03-03T10:00:00+01:00")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("Tests/aTests.swift", "t\n")
        try repo.commit("Add tests", date: "2021-03-04T10:00:00+01:00")
        try repo.git(
            ["merge", "-q", "--no-ff", "-m", "Merge topic", "topic"],
            environment: [
                "GIT_AUTHOR_DATE": "2021-03-05T10:00:00+01:00",
                "GIT_COMMITTER_DATE": "2021-03-05T10:00:00+01:00",
            ])
        return repo
    }

    var commands: [[String]] { Self.commands }

    /// The outputs compared: scan in its formats and diff policies, pairs.
    static let commands: [[String]] = [
        ["scan", "--format", "jsonl"], ["scan", "--format", "jsonl", "--stats", "--files"], ["scan", "--format", "csv", "--explain"],
        ["scan", "--no-diffs", "--format", "jsonl"], ["scan", "--all", "--format", "table", "--include-skipped"],
        ["scan", "--rev", "HEAD~1..HEAD", "--format", "jsonl"], ["pairs", "--format", "json"],
    ]

    /// Runs every command with the store (twice: cold, then warm) and without, and compares the bytes.
    func assertSameWithAndWithoutStore(_ repo: FixtureRepository, extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        for command in commands {
            let arguments = command + ["--repo", repo.path] + extra
            let plain = try workmix(arguments + ["--no-store"], in: repo.path)
            XCTAssertEqual(plain.status, 0, plain.stderr, file: file, line: line)
            for pass in ["cold", "warm"] {
                let stored = try workmix(arguments + ["--store-dir", storeDir], in: repo.path)
                XCTAssertEqual(stored.status, 0, stored.stderr, file: file, line: line)
                XCTAssertEqual(stored.stderr, plain.stderr, "\(arguments) \(pass)", file: file, line: line)
                XCTAssertEqual(stored.stdoutData, plain.stdoutData, "\(arguments) \(pass)", file: file, line: line)
            }
        }
    }

    func testSameOutputWithAndWithoutStore() throws {
        let repo = try makeRepository()
        try assertSameWithAndWithoutStore(repo)
        let files = try FileManager.default.contentsOfDirectory(atPath: storeDir).filter { $0.hasSuffix(".sqlite") }
        XCTAssertEqual(files.count, 1, "one database per repository")
    }

    func testSameOutputAfterNewCommitsAndRewrittenHistory() throws {
        let repo = try makeRepository()
        try assertSameWithAndWithoutStore(repo)
        // A new commit on top.
        try repo.write("src/a.swift", "a\nc\n")
        try repo.commit("Speed up the parser", date: "2021-03-06T10:00:00+01:00")
        try assertSameWithAndWithoutStore(repo)
        // Force-push: the last two commits replaced.
        try repo.git(["reset", "-q", "--hard", "HEAD~2"])
        try repo.write("src/c.swift", "c\n")
        try repo.commit("Add c instead", date: "2021-03-07T10:00:00+01:00")
        try assertSameWithAndWithoutStore(repo)
        // Rebase of a branch, then the branch deleted.
        try repo.git(["checkout", "-q", "-b", "later", "HEAD~1"])
        try repo.write("src/d.swift", "d\n")
        try repo.commit("Add d", date: "2021-03-08T10:00:00+01:00")
        try repo.git(["rebase", "-q", "main"], environment: ["GIT_COMMITTER_DATE": "2021-03-09T10:00:00+01:00"])
        try assertSameWithAndWithoutStore(repo)
        try repo.git(["checkout", "-q", "main"])
        try repo.git(["branch", "-q", "-D", "later", "topic"])
        try assertSameWithAndWithoutStore(repo)
    }

    func testSameOutputAfterARuleFileChanges() throws {
        let repo = try makeRepository()
        let rules = FileManager.default.temporaryDirectory.appendingPathComponent("store-rules-\(UUID().uuidString).yml").path
        defer { try? FileManager.default.removeItem(atPath: rules) }
        try "version: 1\nrules:\n  - id: docs\n    category: support\n    match: { files: { all: ['*.md'] } }\n".write(
            toFile: rules, atomically: true, encoding: .utf8)
        try assertSameWithAndWithoutStore(repo, extra: ["--rules", rules])
        try "version: 1\nrules:\n  - id: docs\n    category: investment\n    match: { subject: '(?i)parser' }\n".write(
            toFile: rules, atomically: true, encoding: .utf8)
        try assertSameWithAndWithoutStore(repo, extra: ["--rules", rules])
    }

    func testReportAndCheckSameWithAndWithoutStore() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-store-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoHistory.copy(to: root)
        for command in [["report", "--format", "json"], ["report", "--format", "markdown"], ["check"]] {
            let arguments = command + ["--config", "workmix.yml"]
            let plain = try workmix(arguments + ["--no-store"], in: root.path)
            for pass in ["cold", "warm"] {
                let stored = try workmix(arguments + ["--store-dir", storeDir], in: root.path)
                XCTAssertEqual(stored.status, plain.status, "\(command) \(pass)")
                XCTAssertEqual(stored.stdoutData, plain.stdoutData, "\(command) \(pass)")
                XCTAssertEqual(stored.stderr, plain.stderr, "\(command) \(pass)")
            }
        }
    }
}
