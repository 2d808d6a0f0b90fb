import Foundation

/// A git repository built by the git CLI in a scratch folder, with fixed names and dates, removed when
/// released. Global and system git config are ignored so that the machine's settings change nothing.
public final class FixtureRepository {
    public let root: URL
    public let path: String
    public static let defaultAuthor = (name: "Ada Lovelace", email: "ada@example.com")

    /// A fresh scratch folder holding an empty repository (`git init`), or a bare one.
    public init(name: String = "fixture", bare: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        path = root.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git(bare ? ["init", "-q", "--bare", "-b", "main"] : ["init", "-q", "-b", "main"])
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The history store of the workmix runs tests start, one per test process.
    public static let testStoreFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("workmix-test-store-\(ProcessInfo.processInfo.processIdentifier)").path

    public static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["LC_ALL"] = "C"
        env["TZ"] = "UTC"
        // workmix runs keep their history store in a scratch folder, never in the user's cache.
        env["WORKMIX_STORE_DIR"] = testStoreFolder
        // ...and push nothing to a PostgreSQL store the user's environment names.
        env["WORKMIX_STORE_URL"] = ""
        // Commands other than commit (merge, tag) need an identity too; tests pass their own to commit.
        for (key, value) in [
            "GIT_AUTHOR_NAME": defaultAuthor.name, "GIT_AUTHOR_EMAIL": defaultAuthor.email,
            "GIT_COMMITTER_NAME": defaultAuthor.name, "GIT_COMMITTER_EMAIL": defaultAuthor.email,
        ] {
            env[key] = value
        }
        return env
    }

    /// Runs git in the repository; throws with git's stderr on failure.
    @discardableResult
    public func git(
        _ arguments: [String], environment extra: [String: String] = [:], input: Data? = nil,
        in directory: String? = nil
    ) throws -> String {
        try Self.run("/usr/bin/env", ["git"] + arguments, in: directory ?? path, environment: extra, input: input)
    }

    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String,
        environment extra: [String: String] = [:], input: Data? = nil
    ) throws -> String {
        let result = try runProcess(executable, arguments, in: directory, environment: extra, input: input)
        guard result.status == 0 else {
            throw FixtureError("\(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    public struct ProcessResult {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutData: Data
    }

    public static func runProcess(
        _ executable: String, _ arguments: [String], in directory: String,
        environment extra: [String: String] = [:], input: Data? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment.merging(extra) { $1 }
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes while the process runs, so a large output cannot block it.
        let errBox = DataBox()
        let errHandle = stderr.fileHandleForReading
        let errThread = Thread { errBox.set(errHandle.readDataToEndOfFile()) }
        errThread.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        // Foundation's wait runs the run loop in 50 ms steps on Linux, most of a short git's time: a
        // millisecond's poll first (the wait after it returns at once, its status set).
        while process.isRunning { usleep(1000) }
        process.waitUntilExit()
        while !errThread.isFinished { usleep(1000) }
        let errData = errBox.get()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            stdoutData: outData)
    }

    /// Writes a file in the work tree (creating folders).
    public func write(_ relativePath: String, _ content: String) throws {
        try write(relativePath, data: Data(content.utf8))
    }

    public func write(_ relativePath: String, data: Data) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).appendingPathComponent(relativePath).path)
    }

    /// Stages everything and commits with fixed identities and dates; returns the new commit's sha.
    /// `date` is git's raw or ISO form, e.g. "2020-01-02T10:00:00+01:00".
    @discardableResult
    public func commit(
        _ message: String, author: (name: String, email: String) = FixtureRepository.defaultAuthor,
        committer: (name: String, email: String)? = nil, date: String = "2020-01-01T10:00:00+00:00",
        committerDate: String? = nil, allowEmpty: Bool = false, stage: Bool = true
    ) throws -> String {
        if stage { try git(["add", "-A"]) }
        let committer = committer ?? author
        let env = [
            "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email, "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": committer.name, "GIT_COMMITTER_EMAIL": committer.email,
            "GIT_COMMITTER_DATE": committerDate ?? date,
        ]
        var arguments = ["commit", "-q", "--no-verify", "-F", "-"]
        if allowEmpty { arguments.append("--allow-empty") }
        try git(arguments, environment: env, input: Data(message.utf8))
        return try head()
    }

    public func head() throws -> String {
        try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits with the message bytes exactly as given (git commit would re-encode non-UTF-8 text), by
    /// writing the commit object itself. `date` is git's raw form, e.g. "1578477600 +0000".
    @discardableResult
    public func commit(rawMessage: Data, rawAuthorName: Data? = nil, date: String = "1578477600 +0000") throws -> String {
        try git(["add", "-A"])
        let tree = try git(["write-tree"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = try head()
        var author = rawAuthorName ?? Data(Self.defaultAuthor.name.utf8)
        author.append(Data(" <\(Self.defaultAuthor.email)> \(date)".utf8))
        var object = Data("tree \(tree)\nparent \(parent)\nauthor ".utf8)
        object.append(author)
        object.append(Data("\ncommitter ".utf8))
        object.append(author)
        object.append(Data("\n\n".utf8))
        object.append(rawMessage)
        let sha = try git(["hash-object", "-t", "commit", "-w", "--stdin"], input: object)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try git(["update-ref", "HEAD", sha])
        return sha
    }

    /// Removes one object from the repository, as a partial snapshot lacks it: everything is unpacked
    /// to loose objects first, then that object's file is deleted.
    public func deleteObject(_ sha: String) throws {
        try git(["gc", "-q", "--prune=now"])
        let packDirectory = path + "/.git/objects/pack"
        let packs = try FileManager.default.contentsOfDirectory(atPath: packDirectory)
        for pack in packs where pack.hasSuffix(".pack") {
            let data = try Data(contentsOf: URL(fileURLWithPath: packDirectory + "/" + pack))
            for file in packs where file.hasPrefix(String(pack.dropLast(5))) {
                try FileManager.default.removeItem(atPath: packDirectory + "/" + file)
            }
            try git(["unpack-objects", "-q"], input: data)
        }
        try FileManager.default.removeItem(atPath: path + "/.git/objects/\(sha.prefix(2))/\(sha.dropFirst(2))")
    }

    /// Lines of git's output, without empty ones.
    public func lines(_ arguments: [String], in directory: String? = nil) throws -> [String] {
        try git(arguments, in: directory).split(separator: "\n").map(String.init)
    }
}

/// Hands data from a reader thread to the caller.
final class DataBox: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}

public struct FixtureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Files of this package, for tests that read shipped data (`Tests/Fixtures/…`, `rules/…`).
public enum PackageFiles {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// The built `workmix` executable: the one `WORKMIX_TEST_EXECUTABLE` names (`make test` names the
    /// release build's, which runs the CLI tests many times faster than a debug build), else the one
    /// beside the test bundle.
    public static var workmixExecutable: URL {
        if let path = ProcessInfo.processInfo.environment["WORKMIX_TEST_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent("workmix")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let url = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("workmix")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return candidate
    }
}
