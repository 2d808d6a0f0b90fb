import Foundation
import WorkmixTestSupport
import XCTest

/// Runs the built `workmix` binary as a user would.
class CLITestCase: XCTestCase {
    /// Tests that start workmix themselves inherit this: no run writes to the user's cache.
    override class func setUp() {
        super.setUp()
        setenv("WORKMIX_STORE_DIR", FixtureRepository.testStoreFolder, 1)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    func workmix(
        _ arguments: [String], in directory: String = FileManager.default.temporaryDirectory.path,
        environment: [String: String] = [:]
    ) throws -> Run {
        let result = try FixtureRepository.runProcess(PackageFiles.workmixExecutable.path, arguments, in: directory, environment: environment)
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr, stdoutData: result.stdoutData)
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// A one-line error on stderr with the exit code of SPEC 3.
    func assertFails(_ run: Run, code: Int32, mentioning needles: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, code, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stdout, "", file: file, line: line)
        let lines = run.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "one line on stderr: \(run.stderr)", file: file, line: line)
        for needle in needles {
            XCTAssertTrue(run.stderr.contains(needle), "\(needle) in \(run.stderr)", file: file, line: line)
        }
        XCTAssertFalse(run.stderr.contains("Fatal error") || run.stderr.contains("Stack dump"), file: file, line: line)
    }
}
