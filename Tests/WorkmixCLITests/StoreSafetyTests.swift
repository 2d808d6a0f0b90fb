import Foundation
import WorkmixTestSupport
import XCTest

/// The history store never changes the output, whatever state it is in: concurrent runs, a damaged
/// or foreign file, a folder that cannot be written, objects missing from the repository.
final class StoreSafetyTests: CLITestCase {
    var storeDir = ""

    override func setUpWithError() throws {
        storeDir = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-store-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws {
        _ = try? FixtureRepository.runProcess("/bin/chmod", ["-R", "u+w", storeDir], in: "/")
        try? FileManager.default.removeItem(atPath: storeDir)
    }

    func makeRepository() throws -> FixtureRepository {
        let repo = try FixtureRepository(name: "safe")
        for day in 1...6 {
            try repo.write("src/file\(day).swift", "line \(day)\n")
            try repo.commit(day % 2 == 0 ? "Fix bug \(day)" : "Add feature \(day)", date: "2021-03-0\(day)T10:00:00+01:00")
        }
        return repo
    }

    let scan = ["scan", "--format", "jsonl", "--stats", "--files", "--explain"]

    func storeFile() throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: storeDir).filter { $0.hasSuffix(".sqlite") }
        XCTAssertEqual(files.count, 1)
        return storeDir + "/" + (files.first ?? "missing")
    }

    func testConcurrentRunsGiveTheSameOutput() throws {
        let repo = try makeRepository()
        let expected = try workmix(scan + ["--repo", repo.path, "--no-store"]).stdoutData
        for pass in ["cold", "warm"] {
            let results = ResultBox()
            let (scan, path, storeDir) = (self.scan, repo.path, self.storeDir)
            let executable = PackageFiles.workmixExecutable.path
            DispatchQueue.concurrentPerform(iterations: 4) { index in
                let arguments = (index % 2 == 0 ? scan : ["pairs", "--format", "json"]) + ["--repo", path, "--store-dir", storeDir]
                let run = try? FixtureRepository.runProcess(executable, arguments, in: path)
                results.add(index, run.map { ($0.status, $0.stderr, $0.stdoutData) })
            }
            for index in 0..<4 {
                let run = try XCTUnwrap(results.runs[index], pass)
                XCTAssertEqual(run.status, 0, run.stderr)
                XCTAssertEqual(run.stderr, "", pass)
                if index % 2 == 0 { XCTAssertEqual(run.stdout, expected, pass) }
            }
        }
    }

    /// Jobs that start together on an empty store folder all create the same file: none may see it
    /// half made (GRDB reads the migrations table before it takes the write lock). Started by one
    /// shell, so that they really start together.
    func testJobsCreatingTheSameStoreAtOnceNeverWarn() throws {
        let repo = try makeRepository()
        let expected = try workmix(scan + ["--repo", repo.path, "--no-store"]).stdoutData
        let command = ([PackageFiles.workmixExecutable.path] + scan + ["--repo", repo.path]).joined(separator: " ")
        let script = """
            mkdir -p "$1" && : > "$1/errors"
            for round in 1 2 3 4 5 6 7 8; do
              for job in 1 2 3 4 5 6; do
                \(command) --store-dir "$1/$round" > "$1/out.$round.$job" 2>> "$1/errors" &
              done
              wait
            done
            """
        try FixtureRepository.run("/bin/sh", ["-c", script, "sh", storeDir], in: repo.path)
        XCTAssertEqual(try String(contentsOfFile: storeDir + "/errors", encoding: .utf8), "")
        for round in 1...8 {
            for job in 1...6 {
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(storeDir)/out.\(round).\(job)")), expected, "\(round).\(job)")
            }
        }
    }

    func testDamagedStoreIsRebuiltWithOneWarning() throws {
        let repo = try makeRepository()
        let expected = try workmix(scan + ["--repo", repo.path, "--no-store"]).stdoutData
        XCTAssertEqual(try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir]).stdoutData, expected)
        let file = try storeFile()
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        let damages: [(String, Data)] = [
            ("not SQLite", Data("this is no database, just text\n".utf8)),
            ("truncated", original.prefix(original.count / 2)),
            ("garbage pages", original.prefix(4096) + Data(repeating: 0xA5, count: max(0, original.count - 4096))),
            ("empty", Data()),
        ]
        for (name, damage) in damages {
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            try damage.write(to: URL(fileURLWithPath: file))
            let run = try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            XCTAssertEqual(run.stdoutData, expected, name)
            let lines = run.stderr.split(separator: "\n")
            if name != "empty" {
                XCTAssertEqual(lines.count, 1, "\(name): \(run.stderr)")
                XCTAssertTrue(run.stderr.contains("rebuilt"), "\(name): \(run.stderr)")
            }
            let again = try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir])
            XCTAssertEqual(again.stderr, "", name)
            XCTAssertEqual(again.stdoutData, expected, name)
        }
    }

    /// A store file that is a symbolic link to another program's SQLite database: workmix added its
    /// tables there. The store writes no file it did not make: such a file is refused with one warning
    /// (git alone is read), and so are a linked WAL, shared-memory, journal or lock file; a linked
    /// report checkpoint is replaced, never written through. `store clear` removes the link alone.
    func testALinkedStoreFileIsNeverWrittenThrough() throws {
        let repo = try makeRepository()
        let config = repo.path + "/workmix.yml"
        try "residencies:\n  - {name: q1, resident: ada@example.com, from: 2021-03-01, to: 2021-03-31}\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let report = ["report", "--repo", repo.path, "--config", config, "--format", "json"]
        let expected = try workmix(scan + ["--repo", repo.path, "--no-store"]).stdoutData
        let expectedReport = try workmix(report + ["--no-store"]).stdoutData
        // Someone else's database: a store of another repository, in another folder.
        let other = try FixtureRepository(name: "other")
        try other.write("a.txt", "a\n")
        try other.commit("Add a")
        let foreignDir = storeDir + "/../" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: foreignDir) }
        XCTAssertEqual(try workmix(scan + ["--repo", other.path, "--store-dir", foreignDir]).status, 0)
        let foreign = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: foreignDir).first { $0.hasSuffix(".sqlite") })
        let target = foreignDir + "/" + foreign
        let original = try Data(contentsOf: URL(fileURLWithPath: target))

        XCTAssertEqual(try workmix(report + ["--store-dir", storeDir]).status, 0)
        let file = try storeFile()
        let checkpoint = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: storeDir).first { $0.hasSuffix(".checkpoint") })
        for suffix in ["", "-wal", "-shm", "-journal", ".lock"] {
            if !FileManager.default.fileExists(atPath: file) {
                XCTAssertEqual(try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir]).status, 0)
            }
            try? FileManager.default.removeItem(atPath: file + suffix)
            try FileManager.default.createSymbolicLink(atPath: file + suffix, withDestinationPath: target)
            try FileManager.default.removeItem(atPath: storeDir + "/" + checkpoint)
            try FileManager.default.createSymbolicLink(atPath: storeDir + "/" + checkpoint, withDestinationPath: target)
            let run = try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir])
            XCTAssertEqual(run.stdoutData, expected, suffix)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "\(suffix): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("symbolic link: the store writes no file it did not make"), run.stderr)
            let reported = try workmix(report + ["--store-dir", storeDir])
            XCTAssertEqual(reported.status, 0, reported.stderr)
            XCTAssertEqual(reported.stdoutData, expectedReport, suffix)
            let info = try workmix(["store", "info", "--store-dir", storeDir])
            XCTAssertTrue(info.stdout.contains("not used ("), "\(suffix): \(info.stdout)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), original, "written through \(suffix)")
            try FileManager.default.removeItem(atPath: file + suffix)
        }
        try FileManager.default.createSymbolicLink(atPath: file + "-wal", withDestinationPath: target)
        XCTAssertEqual(try workmix(["store", "clear", "--store-dir", storeDir]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), original, "store clear")
    }

    /// A store file cut in half, or with 4 KiB of noise in its middle: every command that opens the
    /// store says so once and rebuilds it, with the output it gives without the store; `store info`
    /// finds both (it runs SQLite's quick_check). A report resuming from its checkpoint reads no
    /// store, yet finds a cut one (its size is not the size its header gives) and reads everything.
    func testTruncatedAndNoisedStoresAreFoundByEveryCommand() throws {
        let repo = try makeRepository()
        let config = repo.path + "/workmix.yml"
        try "residencies:\n  - {name: q1, resident: ada@example.com, from: 2021-03-01, to: 2021-03-31}\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let commands = [
            scan, ["report", "--config", config, "--format", "json"], ["check", "--config", config],
            ["pairs", "--format", "json"],
        ].map { $0 + ["--repo", repo.path] }
        XCTAssertEqual(try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir]).status, 0)
        let file = try storeFile()
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        let middle = original.count / 2 / 4096 * 4096
        let noise = Data((0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) })
        let damages = [
            ("truncated", original.prefix(original.count / 2)),
            ("noise", original.prefix(middle) + noise + original.dropFirst(middle + 4096)),
        ]
        func damage(_ data: Data) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: storeDir) where !name.hasSuffix(".lock") {
                try FileManager.default.removeItem(atPath: storeDir + "/" + name)
            }
            try data.write(to: URL(fileURLWithPath: file))
        }
        for (name, data) in damages {
            try damage(data)
            let info = try workmix(["store", "info", "--store-dir", storeDir])
            XCTAssertTrue(info.stdout.contains("\(file): unreadable ("), "\(name): \(info.stdout)")
            for command in commands {
                let expected = try workmix(command + ["--no-store"])
                try damage(data)
                let run = try workmix(command + ["--store-dir", storeDir])
                XCTAssertEqual(run.status, expected.status, "\(name) \(command[0]): \(run.stderr)")
                XCTAssertEqual(run.stdoutData, expected.stdoutData, "\(name) \(command[0])")
                XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "\(name) \(command[0]): \(run.stderr)")
                XCTAssertTrue(run.stderr.contains("history store unreadable ("), "\(name) \(command[0]): \(run.stderr)")
                XCTAssertTrue(run.stderr.contains("): rebuilt from git"), "\(name) \(command[0]): \(run.stderr)")
                let again = try workmix(command + ["--store-dir", storeDir])
                XCTAssertEqual(again.stderr, "", "\(name) \(command[0])")
                XCTAssertFalse(try workmix(["store", "info", "--store-dir", storeDir]).stdout.contains("unreadable"))
            }
        }
        // With a checkpoint, the report reads no store, but sees a cut one.
        let report = commands[1]
        try damage(original)
        XCTAssertEqual(try workmix(report + ["--store-dir", storeDir]).status, 0)
        try data(original.prefix(original.count / 2), replacing: file)
        let resumed = try workmix(report + ["--store-dir", storeDir])
        XCTAssertEqual(resumed.stdoutData, try workmix(report + ["--no-store"]).stdoutData)
        XCTAssertTrue(resumed.stderr.contains("history store unreadable ("), resumed.stderr)
        XCTAssertEqual(resumed.stderr.split(separator: "\n").count, 1, resumed.stderr)
    }

    /// A full disk is no damage: the warning says the disk is full, with SQLite's whole message, and
    /// the file is left as it is (it said "unreadable … rebuilt from git"). On a small tmpfs (root only).
    func testAFullDiskIsSaidToBeFull() throws {
        let repo = try makeRepository()
        try FileManager.default.createDirectory(atPath: storeDir, withIntermediateDirectories: true)
        guard (try? FixtureRepository.runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", storeDir], in: "/"))?.status == 0
        else { throw XCTSkip("cannot mount a tmpfs") }
        defer { _ = try? FixtureRepository.runProcess("/bin/umount", [storeDir], in: "/") }
        XCTAssertEqual(try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir]).status, 0)
        _ = try FixtureRepository.runProcess("/bin/dd", ["if=/dev/zero", "of=\(storeDir)/fill", "bs=4096"], in: "/")
        try repo.write("src/more.swift", "more\n")
        try repo.commit("Add more", date: "2021-03-07T10:00:00+01:00")
        let file = try storeFile()
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let run = try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdoutData, try workmix(scan + ["--repo", repo.path, "--no-store"]).stdoutData)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("(the disk is full: SQLite error 13: database or disk is full)"), run.stderr)
        XCTAssertFalse(run.stderr.contains("unreadable"), run.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
    }

    private func data(_ data: Data, replacing file: String) throws {
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        try data.write(to: URL(fileURLWithPath: file))
    }

    func testUnwritableFolderRunsWithoutTheStoreWithOneWarning() throws {
        let repo = try makeRepository()
        let expected = try workmix(scan + ["--repo", repo.path, "--no-store"]).stdoutData
        // A folder that cannot be made (its parent is a file), and, when not root, one without write bits.
        try Data("file".utf8).write(to: URL(fileURLWithPath: storeDir))
        var folders = [storeDir + "/store"]
        if getuid() != 0 {
            let readOnly = storeDir + "-ro"
            try FileManager.default.createDirectory(
                atPath: readOnly, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o555])
            folders.append(readOnly)
        }
        for folder in folders {
            let run = try workmix(scan + ["--repo", repo.path, "--store-dir", folder])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stdoutData, expected)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains("history store not used"), run.stderr)
        }
        try? FileManager.default.removeItem(atPath: storeDir)
    }

    func testMissingObjectsBehaveAsWithoutTheStore() throws {
        let repo = try makeRepository()
        try repo.deleteObject(try repo.git(["rev-parse", "HEAD:src/file6.swift"]).trimmingCharacters(in: .whitespacesAndNewlines))
        let plain = try workmix(scan + ["--repo", repo.path, "--no-store"])
        for pass in ["cold", "warm"] {
            let stored = try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir])
            XCTAssertEqual(stored.stdoutData, plain.stdoutData, pass)
            XCTAssertEqual(stored.stderr, plain.stderr, pass)
        }
        XCTAssertTrue(plain.stdout.contains("\"stats\":null"), plain.stdout)
    }

    func testACommitGoneFromTheRepositoryIsMissingAsWithoutTheStore() throws {
        let repo = try makeRepository()
        XCTAssertEqual(try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir]).status, 0)
        // A damaged clone: a commit the store knows is gone from the object database.
        try repo.deleteObject(try repo.git(["rev-parse", "HEAD~3"]).trimmingCharacters(in: .whitespacesAndNewlines))
        let plain = try workmix(scan + ["--repo", repo.path, "--no-store"])
        let stored = try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir])
        XCTAssertEqual(stored.stdoutData, plain.stdoutData)
        XCTAssertEqual(stored.stderr, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("could not be read"), plain.stderr)
    }

    func testStoreInfoAndClear() throws {
        let repo = try makeRepository()
        XCTAssertEqual(try workmix(scan + ["--repo", repo.path, "--store-dir", storeDir]).status, 0)
        let info = try workmix(["store", "info", "--store-dir", storeDir])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.stdout.contains("6 commits, 1 tips"), info.stdout)
        XCTAssertTrue(info.stdout.contains("tip \(try repo.head())"), info.stdout)
        XCTAssertTrue(info.stdout.contains("rules "), info.stdout)
        let byRepo = try workmix(["store", "info", "--store-dir", storeDir, "--repo", repo.path])
        XCTAssertTrue(byRepo.stdout.contains("6 commits, 1 tips"), byRepo.stdout)
        let clear = try workmix(["store", "clear", "--store-dir", storeDir, "--repo", repo.path])
        XCTAssertEqual(clear.status, 0, clear.stderr)
        XCTAssertTrue(clear.stdout.contains("removed 1"), clear.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: storeDir).filter { $0.hasSuffix(".sqlite") }, [])
        XCTAssertTrue(try workmix(["store", "clear", "--store-dir", storeDir]).stdout.contains("removed 0"))
    }
}

/// Runs of workmix started on several threads at once, by index.
final class ResultBox: @unchecked Sendable {
    typealias Run = (status: Int32, stderr: String, stdout: Data)
    private(set) var runs: [Int: Run] = [:]
    private let lock = NSLock()

    func add(_ index: Int, _ run: Run?) {
        guard let run else { return }
        lock.lock()
        runs[index] = run
        lock.unlock()
    }
}
