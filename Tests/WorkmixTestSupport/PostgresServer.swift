import Foundation

/// A throwaway PostgreSQL cluster for tests: `initdb` into a scratch folder, started with `pg_ctl` on
/// a free loopback port (its socket in the same folder), password authentication for user `workmix`.
/// As root (CI runs `.ci/run` as root, and initdb refuses root) the cluster belongs to the `postgres`
/// user that Debian's `postgresql` package makes, through `runuser`. Starting fails loudly: tests of
/// the PostgreSQL store throw, never skip, when no server can be started.
public final class PostgresServer: @unchecked Sendable {
    public let folder: String
    public let port: Int
    public let user = "workmix"
    public let password = "pw-\(UUID().uuidString.prefix(8))"
    /// The folder of the server's own tools (initdb, pg_ctl, psql).
    public let bin: String
    private let owner: String?
    private var databases = 0

    /// Starts a cluster. Binaries: `WORKMIX_TEST_PG_BIN`, else the newest `/usr/lib/postgresql/*/bin`,
    /// else `pg_config --bindir`.
    public init() throws {
        let bin = try Self.binaries(), owner = getuid() == 0 ? "postgres" : nil
        self.bin = bin
        self.owner = owner
        func run(_ tool: String, _ arguments: [String]) throws { try Self.run(tool, arguments, bin: bin, owner: owner) }
        folder = "/tmp/workmix-pg-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let passwordFile = folder + "/password"
        try Data(password.utf8).write(to: URL(fileURLWithPath: passwordFile))
        if let owner { try FixtureRepository.run("/bin/chown", ["-R", owner, folder], in: "/") }
        try run(
            "initdb",
            [
                "-D", folder + "/data", "-U", user, "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-sync",
            ])
        var lastError: Error?
        for _ in 0..<5 {
            let candidate = Int.random(in: 20_000..<60_000)
            do {
                try run(
                    "pg_ctl",
                    [
                        "-D", folder + "/data", "-l", folder + "/log", "-w", "-t", "60", "-o",
                        "-c listen_addresses=127.0.0.1 -p \(candidate) -k \(folder) -c fsync=off -c max_connections=40",
                        "start",
                    ])
                port = candidate
                return
            } catch {
                lastError = error
            }
        }
        let log = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: folder)
        throw FixtureError("PostgreSQL did not start: \(lastError.map { "\($0)" } ?? "") \(log)")
    }

    nonisolated(unsafe) private static var started: Result<PostgresServer, Error>?
    private static let startLock = NSLock()

    /// The test process's server, started by the first test that asks and stopped when the process
    /// exits; the error it failed with, to every test that asks, when it could not start.
    public static func shared() throws -> PostgresServer {
        try startLock.withLock {
            if let started { return started }
            let result = Result { try PostgresServer() }
            started = result
            if case .success = result { atexit { PostgresServer.stopShared() } }
            return result
        }.get()
    }

    private static func stopShared() {
        if case .success(let server) = started { server.stop() }
    }

    /// Stops the cluster and removes its folder.
    public func stop() {
        _ = try? run("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A store URL for `database` (with the right password unless another is given).
    public func url(database: String, user: String? = nil, password: String? = nil, port: Int? = nil, query: String = "") -> String {
        "postgresql://\(user ?? self.user):\(password ?? self.password)@127.0.0.1:\(port ?? self.port)/\(database)\(query)"
    }

    /// A new, empty database.
    public func createDatabase() throws -> String {
        databases += 1
        let name = "workmix_test_\(databases)"
        try psql("CREATE DATABASE \(name)", database: "postgres")
        return name
    }

    /// Runs SQL with psql; returns its unaligned, tuples-only output.
    @discardableResult
    public func psql(_ sql: String, database: String) throws -> String {
        try FixtureRepository.run(
            bin + "/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url(database: database), "-c", sql], in: "/"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A psql session left open (its statements run as they are written): for locks held while
    /// workmix runs. `end()` closes it, rolling back what it left open.
    public func session(database: String) throws -> PostgresSession {
        try PostgresSession(psql: bin + "/psql", url: url(database: database))
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        try Self.run(tool, arguments, bin: bin, owner: owner)
    }

    /// Runs a server tool with posix_spawn, its output in a file: Foundation's Process waits for the
    /// descriptors it hands the child to close, and the server `pg_ctl` starts keeps them open.
    private static func run(_ tool: String, _ arguments: [String], bin: String, owner: String?) throws {
        let executable = owner == nil ? bin + "/" + tool : "/usr/sbin/runuser"
        let argv = [executable] + (owner.map { ["-u", $0, "--", bin + "/" + tool] } ?? []) + arguments
        let output = "/tmp/workmix-pg-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let environment = FixtureRepository.environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { argv in
            withCStrings(environment) { envp in posix_spawn(&pid, executable, &actions, nil, argv, envp) }
        }
        guard spawned == 0 else { throw FixtureError("\(executable): cannot start (\(String(cString: strerror(spawned))))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw FixtureError("\(tool) failed (status \(status)): \(text)")
        }
    }

    private static func binaries() throws -> String {
        if let bin = ProcessInfo.processInfo.environment["WORKMIX_TEST_PG_BIN"], !bin.isEmpty { return bin }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        if let newest = versions.compactMap(Int.init).max() { return "/usr/lib/postgresql/\(newest)/bin" }
        let configured = try? FixtureRepository.run("/usr/bin/env", ["pg_config", "--bindir"], in: "/")
        if let bin = configured?.trimmingCharacters(in: .whitespacesAndNewlines),
            FileManager.default.fileExists(atPath: bin + "/initdb")
        {
            return bin
        }
        throw FixtureError("no PostgreSQL server binaries (initdb): install Debian's postgresql (bash .ci/install-deps)")
    }
}

/// An open psql session fed statements line by line.
public final class PostgresSession {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(psql: String, url: String) throws {
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = ["-X", "-q", "-A", "-t", url]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Sends statements, then waits until psql has run them (it echoes a marker after them).
    public func send(_ sql: String) throws {
        let marker = "done-\(UUID().uuidString.prefix(8))"
        input.fileHandleForWriting.write(Data("\(sql);\nSELECT '\(marker)';\n".utf8))
        var seen = ""
        while !seen.contains(marker) {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { throw FixtureError("psql ended before running: \(sql)") }
            seen += String(decoding: data, as: UTF8.self)
        }
    }

    public func end() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// NULL-ended C strings, valid during `body`.
private func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
    let copies = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    return body(copies + [nil])
}
