import Foundation
import WorkmixTestSupport
import XCTest

/// The shared PostgreSQL store (SPEC 8), against a real server this class starts (`PostgresServer`):
/// migrations, pushes stored once however often and however concurrently they run, output byte for
/// byte that of `--no-store`, and every fault a one-line error with exit 2 and nothing half-written.
final class PostgresStoreTests: PostgresTestCase {
    func migrate() throws {
        let run = try workmix(["store", "migrate", "--store", url])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func count(_ sql: String) throws -> Int {
        try XCTUnwrap(Int(try server.psql(sql, database: database)), sql)
    }

    /// `commits` commits on main, every tenth with a co-author, made by git fast-import.
    func makeLongRepository(commits: Int) throws -> FixtureRepository {
        let repo = try FixtureRepository(name: "long")
        var stream = ""
        for number in 1...commits {
            let message = number % 10 == 0 ? "Fix crash \(number)\n\nCo-authored-by: Bob <bob@x.io>\n" : "Add feature \(number)\n"
            let time = 1_600_000_000 + number * 3600
            let content = "line \(number)\n"
            stream += "commit refs/heads/main\nmark :\(number)\n"
            stream += "author Ada <ada@example.com> \(time) +0100\ncommitter Ada <ada@example.com> \(time) +0100\n"
            stream += "data \(message.utf8.count)\n\(message)"
            if number > 1 { stream += "from :\(number - 1)\n" }
            stream += "M 644 inline src/file\(number % 50).swift\ndata \(content.utf8.count)\n\(content)\n"
        }
        try repo.git(["fast-import", "--quiet"], input: Data(stream.utf8))
        return repo
    }

    func testMigrateTwiceIsANoOp() throws {
        let first = try workmix(["store", "migrate", "--store", url])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("migrated from version 0 to 2"), first.stdout)
        XCTAssertFalse(first.stdout.contains(server.password))
        let tables = try server.psql(
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'",
            database: database)
        let second = try workmix(["store", "migrate"], environment: ["WORKMIX_STORE_URL": url])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(second.stderr, "")
        XCTAssertTrue(second.stdout.contains("tables at version 2, nothing to do"), second.stdout)
        XCTAssertEqual(try count("SELECT count(*) FROM workmix_schema"), 2)
        XCTAssertEqual(
            tables, "classifications,commits,repositories,revisions,rule_digests,tips,workmix_commits,workmix_pairs,workmix_schema")
    }

    func testPushStoresEveryCommitOnce() throws {
        try migrate()
        let repo = try makeLongRepository(commits: 2_500)
        let expected = try XCTUnwrap(Int(try repo.git(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        for _ in 0..<2 {
            let run = try workmix(["scan", "--repo", repo.path, "--store", url, "--no-progress"])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(try count("SELECT count(*) FROM commits WHERE repo = 'long'"), expected)
            XCTAssertEqual(try count("SELECT count(*) FROM workmix_commits WHERE category IS NOT NULL"), expected)
            XCTAssertEqual(try count("SELECT count(*) FROM tips WHERE repo = 'long'"), 1)
            XCTAssertEqual(try count("SELECT count(*) FROM rule_digests"), 1)
        }
        XCTAssertEqual(try count("SELECT count(*) FROM workmix_pairs WHERE coauthor_email = 'bob@x.io'"), expected / 10)
        XCTAssertEqual(try server.psql("SELECT sha FROM tips", database: database), try repo.head())
    }

    func testConcurrentPushesOfOneRepository() throws {
        try migrate()
        let repo = try makeLongRepository(commits: 2_500)
        let arguments = ["scan", "--repo", repo.path, "--store", url, "--no-progress", "--stats"]
        let runs = UncheckedRuns(count: 3)
        let executable = PackageFiles.workmixExecutable.path, path = repo.path
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            runs.set(index, Result { try FixtureRepository.runProcess(executable, arguments, in: path) })
        }
        for run in runs.results {
            let run = try XCTUnwrap(run).get()
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        XCTAssertEqual(try count("SELECT count(*) FROM commits"), 2_500)
        XCTAssertEqual(try count("SELECT count(DISTINCT sha) FROM commits"), 2_500)
        XCTAssertEqual(try count("SELECT count(*) FROM commits WHERE changes_detail = 2"), 2_500)
        XCTAssertEqual(try count("SELECT count(*) FROM classifications"), 2_500)
    }

    func testOutputSameAsWithoutStore() throws {
        try migrate()
        let repo = try StoreTests.makeRepository()
        for command in StoreTests.commands {
            let arguments = command + ["--repo", repo.path]
            let plain = try workmix(arguments + ["--no-store"], in: repo.path)
            for pass in ["first", "again"] {
                let pushed = try workmix(arguments + ["--store", url], in: repo.path)
                XCTAssertEqual(pushed.status, plain.status, "\(arguments) \(pass): \(pushed.stderr)")
                XCTAssertEqual(pushed.stderr, plain.stderr, "\(arguments) \(pass)")
                XCTAssertEqual(pushed.stdoutData, plain.stdoutData, "\(arguments) \(pass)")
            }
        }
        let commits = Int(try repo.git(["rev-list", "--count", "--all"]).trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(try count("SELECT count(*) FROM commits WHERE repo = 'stored'"), commits)
        XCTAssertEqual(try server.psql("SELECT coauthor_name FROM workmix_pairs", database: database), "Bob")
    }

    func testReportAndCheckSameAsWithoutStore() throws {
        try migrate()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-pg-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoHistory.copy(to: root)
        for command in [["report", "--format", "json"], ["check"]] {
            let arguments = command + ["--config", "workmix.yml"]
            let plain = try workmix(arguments + ["--no-store"], in: root.path)
            let pushed = try workmix(arguments, in: root.path, environment: ["WORKMIX_STORE_URL": url])
            XCTAssertEqual(pushed.status, plain.status, "\(command): \(pushed.stderr)")
            XCTAssertEqual(pushed.stdoutData, plain.stdoutData, "\(command)")
            XCTAssertEqual(pushed.stderr, plain.stderr, "\(command)")
        }
        XCTAssertGreaterThan(try count("SELECT count(*) FROM workmix_commits WHERE category IS NOT NULL"), 0)
    }
}

/// Results of concurrent runs, each written once by its own iteration.
final class UncheckedRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Result<FixtureRepository.ProcessResult, Error>?]
    init(count: Int) { stored = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<FixtureRepository.ProcessResult, Error>) { lock.withLock { stored[index] = result } }
    var results: [Result<FixtureRepository.ProcessResult, Error>?] { lock.withLock { stored } }
}
