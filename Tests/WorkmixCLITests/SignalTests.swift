import Foundation
import WorkmixTestSupport
import XCTest

/// Every signal that ends a run leaves no partial file, ends the process by that signal and says at
/// most one line (#14, item 4); `scan | head -1` ends quietly, by SIGPIPE, as git does.
final class SignalTests: CLITestCase {
    var repo: FixtureRepository!

    /// 300 commits whose subjects make a user rule's regex backtrack to PCRE2's limit (tens of
    /// milliseconds each): a scan that is still running when it is signalled, at little cost, since it
    /// is signalled as soon as its partial file appears.
    override func setUpWithError() throws {
        repo = try FixtureRepository(name: "slow")
        var stream = ""
        for index in 0..<300 {
            let subject = String(repeating: "a", count: 28) + "!"
            stream += "commit refs/heads/main\ncommitter Ada <ada@example.com> \(1_600_000_000 + index) +0000\n"
            stream += "data \(subject.utf8.count)\n\(subject)\n"
            stream += "M 644 inline file\(index % 20).txt\ndata 8\nline \(index % 10)00\n\n"
        }
        try repo.git(["fast-import", "--quiet", "--force"], input: Data(stream.utf8))
        try """
        version: 1
        rules:
          - id: shouting
            category: support
            match:
              subject: '^(?:(a+)+$|a*!$)'
        """.write(toFile: path("slow.yml"), atomically: true, encoding: .utf8)
    }

    override func tearDown() { repo = nil }

    func path(_ name: String) -> String { repo.root.appendingPathComponent(name).path }
    func partialFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: repo.root.path).filter { $0.hasSuffix(".partial") }
    }

    var scan: [String] {
        [
            "scan", "--repo", repo.path, "--rules", path("slow.yml"), "--config", "/dev/null", "--format", "jsonl",
            "--no-progress", "--jobs", "1",
        ]
    }

    /// Starts workmix through `sh -c 'SETUP; exec workmix …'` (no core files; limits as given), stderr
    /// to a file.
    func start(_ arguments: [String], setup: String = "", stdout: Any = FileHandle.nullDevice) throws -> (Process, String) {
        let errors = path("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -c 0; \(setup) exec \"$0\" \"$@\"", PackageFiles.workmixExecutable.path] + arguments
        process.currentDirectoryURL = repo.root
        process.environment = FixtureRepository.environment
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        return (process, errors)
    }

    func assertEnded(_ process: Process, by signal: Int32, stderr: String, file: StaticString = #filePath, line: UInt = #line) throws {
        process.waitUntilExit()
        let text = try String(contentsOfFile: stderr, encoding: .utf8)
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "signal \(signal): \(text)", file: file, line: line)
        XCTAssertEqual(process.terminationStatus, signal, "signal \(signal): \(text)", file: file, line: line)
        XCTAssertLessThanOrEqual(text.split(separator: "\n").count, 1, "signal \(signal): \(text)", file: file, line: line)
        XCTAssertEqual(try partialFiles(), [], "signal \(signal)", file: file, line: line)
    }

    func testEverySignalThatEndsTheRunRemovesThePartialFile() throws {
        let signals = [
            SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU, SIGVTALRM,
            SIGPROF, SIGSEGV, SIGABRT, SIGBUS,
        ]
        for signal in signals {
            let output = path("out-\(signal).jsonl")
            let (process, stderr) = try start(scan + ["--output", output])
            let deadline = Date().addingTimeInterval(30)
            while try partialFiles().isEmpty && process.isRunning && Date() < deadline { usleep(2_000) }
            XCTAssertTrue(process.isRunning, "the scan should still be running when its partial file appears")
            kill(process.processIdentifier, signal)
            try assertEnded(process, by: signal, stderr: stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        }
    }

    /// A signal ignored by whoever started workmix (`nohup`, a script's `cmd &` for SIGINT) stays ignored.
    func testASignalIgnoredAtStartStaysIgnored() throws {
        let output = path("nohup.jsonl")
        let (process, stderr) = try start(scan + ["--output", output], setup: "trap '' HUP;")
        let deadline = Date().addingTimeInterval(30)
        while try partialFiles().isEmpty && process.isRunning && Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGHUP)
        usleep(300_000)
        XCTAssertTrue(process.isRunning, "SIGHUP was ignored")
        XCTAssertEqual(try partialFiles().count, 1)
        kill(process.processIdentifier, SIGTERM)
        try assertEnded(process, by: SIGTERM, stderr: stderr)
    }

    /// SIGQUIT used to print a crash report of ~64 lines and let the scan go on to exit 0.
    func testQuitEndsAScanToStdoutQuietly() throws {
        let (process, stderr) = try start(scan)
        usleep(300_000)
        kill(process.processIdentifier, SIGQUIT)
        try assertEnded(process, by: SIGQUIT, stderr: stderr)
    }

    /// `ulimit -f`: the write past the limit raised SIGXFSZ, which ended the run with no message
    /// (status 153). SIGXFSZ is ignored: the write fails with EFBIG, and the run ends as for any write
    /// that fails, naming the file and the limit, leaving no file.
    func testAFileSizeLimitIsAnErrorNotASignal() throws {
        let output = path("limited.jsonl")
        let (process, stderr) = try start(scan + ["--output", output], setup: "ulimit -f 4;")
        process.waitUntilExit()
        let text = try String(contentsOfFile: stderr, encoding: .utf8)
        XCTAssertEqual(process.terminationReason, .exit, text)
        XCTAssertEqual(process.terminationStatus, 2, text)
        XCTAssertEqual(text.split(separator: "\n").count, 1, text)
        XCTAssertTrue(text.contains("--output \(output): cannot write: File too large (the file size limit, ulimit -f, is "), text)
        XCTAssertEqual(try partialFiles(), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }

    /// `workmix scan | head -1`: once the reader is gone the next row ends the run by SIGPIPE, with
    /// nothing on stderr, also when SIGPIPE was ignored by whoever started workmix (the write then
    /// fails with EPIPE).
    func testAClosedPipeEndsTheRunQuietly() throws {
        for setup in ["", "trap '' PIPE;"] {
            let pipe = Pipe()
            let (process, stderr) = try start(scan, setup: setup, stdout: pipe)
            let reader = pipe.fileHandleForReading
            var received = Data()
            while !received.contains(UInt8(ascii: "\n")), let chunk = try reader.read(upToCount: 1), !chunk.isEmpty {
                received += chunk
            }
            try reader.close()
            try pipe.fileHandleForWriting.close()
            XCTAssertTrue(received.starts(with: Data("{\"repo\":\"slow\"".utf8)), String(decoding: received, as: UTF8.self))
            try assertEnded(process, by: SIGPIPE, stderr: stderr)
            XCTAssertEqual(try String(contentsOfFile: stderr, encoding: .utf8), "", setup)
        }
    }
}
