import Foundation
import WorkmixTestSupport
import XCTest

/// The progress line, on a real terminal (a pseudo-terminal from `script`): never mixed into rows
/// written to the same terminal, cleared at the end and when a signal ends the run.
final class ProgressTests: CLITestCase {
    var repo: FixtureRepository!

    /// 6,000 commits by fast-import (fixed dates): long enough for the progress line to be drawn.
    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1)") }
        repo = try FixtureRepository(name: "long")
        try importHistory(commits: 6_000)
    }

    func importHistory(commits: Int) throws {
        var stream = ""
        for index in 0..<commits {
            let body = (0...(index % 40)).map { "line \($0)\n" }.joined()
            stream += "commit refs/heads/main\ncommitter Ada <ada@example.com> \(1_600_000_000 + index) +0000\n"
            stream += "data 9\nchange \(index % 10)\n"
            stream += "M 644 inline file\(index % 50).txt\ndata \(body.utf8.count)\n\(body)\n"
        }
        try repo.git(["fast-import", "--quiet", "--force"], input: Data(stream.utf8))
    }

    /// Runs a shell command line on a pseudo-terminal; returns everything the terminal showed.
    func onTerminal(_ command: String) throws -> String {
        let shell = "\(PackageFiles.workmixExecutable.path) \(command)"
        return try FixtureRepository.runProcess("/usr/bin/script", ["-qec", shell, "/dev/null"], in: repo.root.path).stdout
    }

    func testRowsOnTheTerminalAreNeverMixedWithProgress() throws {
        let shown = try onTerminal("scan --repo \(repo.path) --stats --jobs 1 --format jsonl")
        XCTAssertEqual(shown.components(separatedBy: "\"repo\":\"long\"").count - 1, 6_000)
        XCTAssertFalse(shown.contains("commits"), "no progress line between rows")

        // (Not from the history store the run above filled: that takes too little time for a redraw.)
        let toFile = try onTerminal(
            "scan --repo \(repo.path) --stats --jobs 1 --format jsonl --no-store --output \(repo.root.path)/out.jsonl")
        XCTAssertTrue(toFile.contains("/6000 commits ("), "progress with the total when rows go to a file: \(toFile.suffix(200))")
        XCTAssertTrue(toFile.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")
    }

    /// Interrupted once its progress line is up (rows are in the partial file), on a history far too
    /// long to finish first. By SIGTERM: a shell starts a background job (`&`) with SIGINT ignored, and
    /// a signal ignored at start stays ignored (as `nohup` relies on for SIGHUP).
    func testASignalClearsTheProgressLine() throws {
        try importHistory(commits: 40_000)
        let shown = try onTerminal(
            "scan --repo \(repo.path) --stats --jobs 1 --format jsonl --output \(repo.root.path)/out.jsonl & "
                + "pid=$!; for i in $(seq 400); do [ -s \(repo.root.path)/.out.jsonl.$pid.partial ] && break; sleep 0.05; done; sleep 0.6; "
                + "kill -TERM $pid; wait $pid; echo \" exit=$?\"")
        let lastProgress = try XCTUnwrap(shown.range(of: " commits", options: .backwards), shown)
        let rest = shown[lastProgress.upperBound...]
        // The shell may report the job ("Terminated") between the cleared line and its own echo.
        let cleared = try XCTUnwrap(rest.range(of: "\r\u{1B}[K"), "cleared before the shell goes on: \(rest.debugDescription)")
        let after = rest[cleared.upperBound...]
        XCTAssertTrue(after.hasSuffix(" exit=143\r\n"), "ended by SIGTERM: \(rest.debugDescription)")
        XCTAssertFalse(after.contains("%"), "no progress drawn after it was cleared: \(rest.debugDescription)")
    }
}
