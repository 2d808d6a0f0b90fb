import Foundation
import WorkmixTestSupport
import XCTest

/// `--output` writes where a shell redirection would, never leaves a partial file, and a failed write
/// is an error rather than a crash.
final class OutputTests: CLITestCase {
    var repo: FixtureRepository!

    override func setUpWithError() throws {
        repo = try FixtureRepository(name: "team")
        try repo.write("a.txt", "a\n")
        try repo.commit("Add a", date: "2021-03-01T10:00:00+01:00")
    }

    var scan: [String] { ["scan", "--repo", repo.path, "--format", "jsonl", "--no-progress"] }
    func path(_ name: String) -> String { repo.root.appendingPathComponent(name).path }
    func partialFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: repo.root.path).filter { $0.hasSuffix(".partial") }
    }

    func testSymbolicLinkKeepsPointingAtTheRewrittenFile() throws {
        let expected = try workmix(scan).stdout
        try "old\n".write(toFile: path("real.jsonl"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("link.jsonl"), withDestinationPath: "real.jsonl")
        XCTAssertEqual(try workmix(scan + ["--output", path("link.jsonl")]).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.jsonl")), "real.jsonl")
        XCTAssertEqual(try String(contentsOfFile: path("real.jsonl"), encoding: .utf8), expected)

        // A dangling link creates the file it names, as `> link` does.
        try FileManager.default.createSymbolicLink(atPath: path("new-link.jsonl"), withDestinationPath: "created.jsonl")
        XCTAssertEqual(try workmix(scan + ["--output", path("new-link.jsonl")]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: path("created.jsonl"), encoding: .utf8), expected)
        XCTAssertEqual(try partialFiles(), [])
    }

    func testExistingFileKeepsItsMode() throws {
        _ = FileManager.default.createFile(
            atPath: path("private.jsonl"), contents: Data("x".utf8),
            attributes: [.posixPermissions: 0o600])
        XCTAssertEqual(try workmix(scan + ["--output", path("private.jsonl")]).status, 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: path("private.jsonl"))
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertTrue(try String(contentsOfFile: path("private.jsonl"), encoding: .utf8).contains("\"Add a\""))
    }

    func testFIFOIsWrittenThroughAndDashIsStdout() throws {
        let expected = try workmix(scan).stdout
        XCTAssertEqual(mkfifo(path("pipe"), 0o600), 0)
        let received = DataReader(path: path("pipe"))
        XCTAssertEqual(try workmix(scan + ["--output", path("pipe")]).status, 0)
        XCTAssertEqual(String(decoding: received.wait(), as: UTF8.self), expected)
        var status = stat()
        XCTAssertEqual(lstat(path("pipe"), &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")

        let dash = try workmix(scan + ["--output", "-"])
        XCTAssertEqual(dash.stdout, expected)
        XCTAssertFalse(FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("-").path))
    }

    func testAFullDiskIsAnErrorNotACrash() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        assertFails(
            try workmix(scan + ["--output", "/dev/full"]), code: 2,
            mentioning: ["--output /dev/full", "cannot write", "No space left on device"])
        let shell = try FixtureRepository.runProcess(
            "/bin/sh",
            [
                "-c", "\"$0\" \"$@\" > /dev/full",
                PackageFiles.workmixExecutable.path,
            ] + scan, in: repo.root.path)
        XCTAssertEqual(shell.status, 2, shell.stderr)
        XCTAssertEqual(shell.stderr, "workmix: error: stdout: cannot write: No space left on device\n")
    }

    /// Interrupted runs remove their partial file: a history long enough to still be running when the
    /// partial file appears (fast-import, fixed dates), then SIGINT, SIGTERM or SIGHUP.
    func testASignalRemovesThePartialFile() throws {
        var stream = ""
        for index in 0..<20_000 {
            let body = "line \(index)\n"
            stream += "commit refs/heads/main\ncommitter Ada <ada@example.com> \(1_600_000_000 + index) +0000\n"
            stream += "data 9\nchange \(index % 10)\n"
            stream += "M 644 inline file\(index % 50).txt\ndata \(body.utf8.count)\n\(body)\n"
        }
        try repo.git(["fast-import", "--quiet", "--force"], input: Data(stream.utf8))
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            let output = path("out-\(signal).jsonl")
            let process = Process()
            process.executableURL = PackageFiles.workmixExecutable
            process.arguments = scan + ["--stats", "--jobs", "1", "--output", output]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while try partialFiles().isEmpty && process.isRunning && Date() < deadline { usleep(2_000) }
            XCTAssertTrue(process.isRunning, "the scan should still be running when its partial file appears")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            XCTAssertEqual(process.terminationStatus, signal)
            XCTAssertEqual(try partialFiles(), [], "signal \(signal)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        }
    }
}

/// Reads a path to its end on a thread of its own (a FIFO's reader must be there before the writer).
private final class DataReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(path: String) {
        Thread {
            self.data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
            self.done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
