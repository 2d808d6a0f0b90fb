import Foundation
import WorkmixTestSupport
import XCTest

/// `report`, `check` and `pairs` reading repositories from the shared PostgreSQL store alone (SPEC 8):
/// the demo's two repositories are pushed, moved away, and every command prints byte for byte what
/// it prints from the checkouts.
final class PostgresReadTests: PostgresTestCase {
    var root: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-pg-read-\(UUID().uuidString)")
        try DemoHistory.copy(to: root)
        // Who is who comes from the checkout's .mailmap: the store must carry it.
        try Data("Robert Brown <bob@payments.example>\n".utf8).write(to: root.appendingPathComponent("payments-api/.mailmap"))
        let config = try String(contentsOf: root.appendingPathComponent("workmix.yml"), encoding: .utf8)
        try Data((config + "repos: {payments-api: ~, checkout-web: ~}\n").utf8).write(to: root.appendingPathComponent("byname.yml"))
        // A residency after the history's end: the config's warning comes from the store alone too.
        let later = """
              - name: payments-later
                resident: alice@platform.example
                team: [bob@payments.example]
                repos: [payments-api]
                from: 2024-06-03
                to: 2024-06-28
                plan: { investment: 40%, maintenance: 30%, support: 30% }

            """
        let warned = config.replacingOccurrences(of: "residencies:\n", with: "residencies:\n" + later)
        try Data((warned + "repos: {payments-api: ~, checkout-web: ~}\n").utf8).write(to: root.appendingPathComponent("warned.yml"))
        let migrated = try workmix(["store", "migrate", "--store", url])
        XCTAssertEqual(migrated.status, 0, migrated.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    static let repositories = ["payments-api", "checkout-web"]

    static let commands: [[String]] = [
        ["report", "--format", "json"], ["report", "--format", "markdown", "--config", "workmix.yml"],
        ["check"], ["check", "--format", "json", "--config", "workmix.yml"],
        ["pairs", "--format", "json"], ["pairs", "--all"], ["report", "--no-follow-through", "--format", "markdown"],
        ["report", "--format", "json", "--config", "warned.yml"],
    ]

    func push(_ repository: String, _ extra: [String] = []) throws {
        let run = try workmix(["scan", "--repo", repository, "--store", url, "--no-progress"] + extra, in: root.path)
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func run(_ command: [String], store: [String]) throws -> Run {
        let config = command.contains("--config") ? [] : ["--config", "byname.yml"]
        return try workmix(command + config + store + ["--no-progress"], in: root.path)
    }

    /// Every command's output from the checkouts, then from the store with the checkouts moved away.
    func assertSameFromStore(file: StaticString = #filePath, line: UInt = #line) throws {
        let local = try Self.commands.map { try run($0, store: ["--no-store"]) }
        let away = root.appendingPathComponent("away")
        try FileManager.default.createDirectory(at: away, withIntermediateDirectories: true)
        for name in Self.repositories {
            try FileManager.default.moveItem(at: root.appendingPathComponent(name), to: away.appendingPathComponent(name))
        }
        defer {
            for name in Self.repositories {
                try? FileManager.default.moveItem(at: away.appendingPathComponent(name), to: root.appendingPathComponent(name))
            }
        }
        for (command, plain) in zip(Self.commands, local) {
            XCTAssertFalse(plain.stdout.isEmpty, "\(command): \(plain.stderr)", file: file, line: line)
            if command.contains("warned.yml") {
                XCTAssertTrue(plain.stderr.contains("starts after payments-api's last commit"), plain.stderr, file: file, line: line)
            }
            let stored = try run(command, store: ["--store", url])
            XCTAssertEqual(stored.status, plain.status, "\(command): \(stored.stderr)", file: file, line: line)
            XCTAssertEqual(stored.stderr, plain.stderr, "\(command)", file: file, line: line)
            XCTAssertEqual(stored.stdoutData, plain.stdoutData, "\(command)", file: file, line: line)
        }
    }

    func testCommandsFromTheStoreAlonePrintWhatTheCheckoutsGive() throws {
        for name in Self.repositories {
            try push(name)
            try push(name, ["--all"])
        }
        try assertSameFromStore()
        XCTAssertEqual(try server.psql("SELECT mailmap FROM repositories WHERE name = 'payments-api'", database: database).isEmpty, false)
        XCTAssertEqual(
            try server.psql("SELECT string_agg(spec, ',' ORDER BY spec) FROM revisions WHERE repo = 'checkout-web'", database: database),
            "--all,HEAD")
        // A revision no push resolved is an error, not an empty answer.
        try FileManager.default.moveItem(at: root.appendingPathComponent("checkout-web"), to: root.appendingPathComponent("gone"))
        let unknown = try workmix(
            ["pairs", "--repo", "checkout-web", "--rev", "main", "--store", url, "--no-progress"], in: root.path)
        assertFails(unknown, code: 2, mentioning: ["'checkout-web'", "revision 'main' was never pushed", "'HEAD'"])
    }

    func testPushedTwiceAndConcurrentlyStillTheSame() throws {
        try push("checkout-web")
        try push("checkout-web", ["--all"])
        let runs = UncheckedRuns(count: 3)
        let executable = PackageFiles.workmixExecutable.path, path = root.path, url = self.url
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            let arguments = ["scan", "--repo", "payments-api", "--store", url, "--no-progress", index == 2 ? "--all" : "--stats"]
            runs.set(index, Result { try FixtureRepository.runProcess(executable, arguments, in: path) })
        }
        for run in runs.results {
            let run = try XCTUnwrap(run).get()
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let commits = try FixtureRepository.run("/usr/bin/env", ["git", "rev-list", "--count", "--all"], in: root.path + "/payments-api")
        XCTAssertEqual(
            try server.psql("SELECT count(*) FROM commits WHERE repo = 'payments-api'", database: database),
            commits.trimmingCharacters(in: .whitespacesAndNewlines))
        try assertSameFromStore()
    }

    func testShallowCloneFromTheStore() throws {
        let source = root.appendingPathComponent("payments-api").path
        try FixtureRepository.run("/usr/bin/env", ["git", "clone", "-q", "--depth", "6", "file://" + source, "shallow-api"], in: root.path)
        try push("shallow-api")
        try Data("repos: {shallow-api: ~}\n".utf8).write(to: root.appendingPathComponent("shallow.yml"))
        let commands = [["scan", "--stats", "--format", "jsonl"], ["pairs", "--format", "json"]]
        let local = try commands.map { try run($0 + ["--config", "shallow.yml"], store: ["--no-store"]) }
        try FileManager.default.moveItem(at: root.appendingPathComponent("shallow-api"), to: root.appendingPathComponent("gone"))
        for (command, plain) in zip(commands, local) {
            XCTAssertTrue(plain.stderr.contains("shallow clone"), plain.stderr)
            let stored = try run(command + ["--config", "shallow.yml"], store: ["--store", url])
            XCTAssertEqual(stored.status, plain.status, "\(command): \(stored.stderr)")
            XCTAssertEqual(stored.stderr, plain.stderr, "\(command)")
            XCTAssertEqual(stored.stdoutData, plain.stdoutData, "\(command)")
        }
        XCTAssertEqual(try server.psql("SELECT count(*) FROM commits WHERE repo = 'shallow-api'", database: database), "6")
    }

    /// Tables of version 1 with a repository pushed into them: migrated in place, the repository is
    /// read once pushed again (before, one line says so).
    func testMigratedFromVersionOne() throws {
        try push("checkout-web")
        try server.psql(
            """
            DELETE FROM workmix_schema WHERE version = 2; DROP TABLE revisions;
            ALTER TABLE repositories DROP COLUMN mailmap, DROP COLUMN shallow
            """, database: database)
        let refused = try workmix(["scan", "--repo", "checkout-web", "--store", url, "--no-progress"], in: root.path)
        assertFails(refused, code: 2, mentioning: ["version 1", "store migrate"])
        let migrated = try workmix(["store", "migrate", "--store", url])
        XCTAssertEqual(migrated.status, 0, migrated.stderr)
        XCTAssertTrue(migrated.stdout.contains("migrated from version 1 to 2"), migrated.stdout)
        let arguments = ["pairs", "--repo", "checkout-web", "--format", "json", "--no-progress"]
        let local = try workmix(arguments + ["--no-store"], in: root.path)
        try FileManager.default.moveItem(at: root.appendingPathComponent("checkout-web"), to: root.appendingPathComponent("gone"))
        assertFails(try workmix(arguments + ["--store", url], in: root.path), code: 2, mentioning: ["'checkout-web'", "older workmix"])
        try FileManager.default.moveItem(at: root.appendingPathComponent("gone"), to: root.appendingPathComponent("checkout-web"))
        try push("checkout-web")
        try FileManager.default.moveItem(at: root.appendingPathComponent("checkout-web"), to: root.appendingPathComponent("gone"))
        let stored = try workmix(arguments + ["--store", url], in: root.path)
        XCTAssertEqual(stored.status, 0, stored.stderr)
        XCTAssertEqual(stored.stdoutData, local.stdoutData)
    }

    func testMissingRepositoryIsOneLine() throws {
        try push("checkout-web")
        let config = try String(contentsOf: root.appendingPathComponent("workmix.yml"), encoding: .utf8)
        let missing = config.replacingOccurrences(of: "repos: [checkout-web, payments-api]", with: "repos: [checkout-web, nosuch]")
        XCTAssertNotEqual(missing, config)
        try Data((missing + "repos: {checkout-web: ~, nosuch: ~}\n").utf8).write(to: root.appendingPathComponent("missing.yml"))
        let secret = server.url(database: database)
        for command in [["report"], ["check"], ["pairs"]] {
            let run = try workmix(command + ["--config", "missing.yml", "--store", secret, "--no-progress"], in: root.path)
            assertFails(
                run, code: 2, mentioning: ["postgresql://\(server.user)@127.0.0.1:", "no repository 'nosuch' in the store, and no checkout at"])
            XCTAssertFalse(run.stderr.contains(server.password), run.stderr)
        }
        // Without a PostgreSQL store a missing folder is the config's error, as ever.
        let local = try workmix(["pairs", "--config", "missing.yml", "--no-store"], in: root.path)
        assertFails(local, code: 2, mentioning: ["no such repository"])
    }

    func testWhatAReaderLacksIsAnError() throws {
        try push("checkout-web")
        try FileManager.default.moveItem(at: root.appendingPathComponent("checkout-web"), to: root.appendingPathComponent("gone"))
        let arguments = ["pairs", "--repo", "checkout-web", "--store", url, "--no-progress"]
        try server.psql("UPDATE commits SET changes_detail = NULL, changes = NULL, changes_base = NULL", database: database)
        assertFails(try workmix(arguments, in: root.path), code: 2, mentioning: ["'checkout-web'", "without its file changes"])
        // As a push by the first version of the tables left it.
        try server.psql("UPDATE repositories SET mailmap = NULL", database: database)
        assertFails(try workmix(arguments, in: root.path), code: 2, mentioning: ["'checkout-web'", "older workmix"])
    }
}
