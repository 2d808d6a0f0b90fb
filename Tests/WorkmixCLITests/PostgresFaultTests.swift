import Foundation
import WorkmixTestSupport
import XCTest

/// Faults of the PostgreSQL store: one line on stderr naming the store without its password, exit 2,
/// and nothing half-written. The server is the test process's own (`PostgresServer.shared`).
final class PostgresFaultTests: PostgresTestCase {
    var repo: FixtureRepository!

    override func setUpWithError() throws {
        try super.setUpWithError()
        repo = try StoreTests.makeRepository()
    }

    func scan(_ url: String) throws -> Run {
        try workmix(["scan", "--repo", repo.path, "--store", url, "--no-progress"])
    }

    /// The error names the store, never its password; nothing reached the database.
    func assertServerError(_ run: Run, mentioning needles: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let redacted = "postgresql://\(server.user)@127.0.0.1:"
        assertFails(run, code: 2, mentioning: [redacted] + needles, file: file, line: line)
        XCTAssertFalse(run.stderr.contains(server.password), run.stderr, file: file, line: line)
    }

    func rows() throws -> String {
        let tables = try server.psql("SELECT to_regclass('commits') IS NOT NULL", database: database)
        guard tables == "t" else { return "no tables" }
        return try server.psql(
            "SELECT (SELECT count(*) FROM repositories) + (SELECT count(*) FROM commits) + (SELECT count(*) FROM tips)"
                + " + (SELECT count(*) FROM classifications)", database: database)
    }

    func testUnreachableServer() throws {
        // Port 1: nothing listens there.
        try assertServerError(try scan(server.url(database: database, port: 1)), mentioning: ["cannot connect"])
        try assertServerError(
            try workmix(["store", "migrate", "--store", server.url(database: database, port: 1)]), mentioning: ["cannot connect"])
    }

    func testWrongPasswordUserOrDatabase() throws {
        try assertServerError(try scan(server.url(database: database, password: "wrong")), mentioning: ["refused", "password"])
        let user = try scan(server.url(database: database, user: "nobody"))
        assertFails(user, code: 2, mentioning: ["postgresql://nobody@127.0.0.1:", "refused"])
        try assertServerError(try scan(server.url(database: "nosuchdb")), mentioning: ["refused", "nosuchdb"])
    }

    func testUnmigratedAndNewerSchema() throws {
        try assertServerError(try scan(server.url(database: database)), mentioning: ["version 0", "store migrate"])
        XCTAssertEqual(try rows(), "no tables")
        XCTAssertEqual(try workmix(["store", "migrate", "--store", server.url(database: database)]).status, 0)
        try server.psql("INSERT INTO workmix_schema (version) VALUES (99)", database: database)
        try assertServerError(try scan(server.url(database: database)), mentioning: ["version 99", "newer workmix"])
        try assertServerError(
            try workmix(["store", "migrate", "--store", server.url(database: database)]), mentioning: ["version 99", "newer workmix"])
        XCTAssertEqual(try rows(), "0")
    }

    /// A session holding (uncommitted) the row of the repository's head commit: a push waits on it in
    /// the middle of its first batch, its statements prepared and sent.
    func holdHeadCommit() throws -> PostgresSession {
        XCTAssertEqual(try workmix(["store", "migrate", "--store", server.url(database: database)]).status, 0)
        try server.psql("INSERT INTO repositories (name) VALUES ('stored')", database: database)
        let lock = try server.session(database: database)
        try lock.send(
            """
            BEGIN; INSERT INTO commits VALUES ('stored', decode('\(try repo.head())', 'hex'), '', '', '', '', 0, 0, '', '', 0, 0, '',
                NULL, NULL, NULL)
            """)
        return lock
    }

    func testStatementTimeoutLeavesNothing() throws {
        let lock = try holdHeadCommit()
        let run = try scan(server.url(database: database, query: "?options=-c%20statement_timeout%3D500"))
        lock.end()
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("timed out"), run.stderr)
        XCTAssertFalse(run.stderr.contains(server.password))
        XCTAssertEqual(try rows(), "1", "the repository row the test made, nothing else")
        // The next push stores it all.
        XCTAssertEqual(try scan(server.url(database: database)).status, 0)
        XCTAssertEqual(try server.psql("SELECT count(*) FROM commits", database: database), "5")
    }

    func testDroppedConnectionLeavesNothing() throws {
        let lock = try holdHeadCommit()
        let server = self.server!
        let killer = Thread {
            // Once workmix waits on the lock, its connection is ended by the server.
            for _ in 0..<100 {
                usleep(100_000)
                let killed = try? server.psql(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'workmix'"
                        + " AND wait_event_type = 'Lock'", database: "postgres")
                if killed == "1" { return }
            }
        }
        killer.start()
        let run = try scan(server.url(database: database))
        lock.end()
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("connection was lost"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertEqual(try rows(), "1", "the repository row the test made, nothing else")
    }
}
