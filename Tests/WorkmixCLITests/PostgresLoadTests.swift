import Foundation
import WorkmixTestSupport
import XCTest

/// Issue 13's load test, at a size the suite can afford, against the suite's real server:
/// `bench/pg_load.py` pushes 20 generated repositories at once plus two more pushes of the first,
/// then checks every commit is stored once with its line counts and that `report`, `check` and
/// `pairs --store URL` without the checkouts print byte for byte what the checkouts give. The
/// script exits non-zero when any check fails; the bench runs the same script at full size.
final class PostgresLoadTests: CLITestCase {
    func testConcurrentPushesStoreEveryCommitOnceAndReadBackTheSame() throws {
        let server = try PostgresServer.shared()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let result = try FixtureRepository.runProcess(
            "/usr/bin/env",
            [
                "python3", PackageFiles.url("bench/pg_load.py").path, "--workmix", PackageFiles.workmixExecutable.path,
                "--url", server.url(database: "postgres"), "--repos", "20", "--commits", "120", "--runs", "1",
            ],
            in: FileManager.default.temporaryDirectory.path, environment: ["PATH": server.bin + ":" + path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("22 concurrent pushes (20 repositories + 2 more of r00)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("rows: every commit once, with its line counts"), result.stdout)
        for command in ["report --format json", "check", "pairs --format json"] {
            XCTAssertTrue(result.stdout.contains("\(command): --store"), result.stdout)
        }
        XCTAssertFalse(result.stdout.contains("DIFFERENT"), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "output identical").count - 1, 3, result.stdout)
    }
}
