import Foundation
internal import GRDB
import WorkmixCore
import WorkmixGit

/// The history store of one run: one database file per repository in the store folder, opened and
/// loaded once however many passes read that repository. A store that cannot be used never changes
/// the output: a damaged file is rebuilt and a folder that cannot be written is left alone, each
/// with one warning. With a PostgreSQL server instead of a folder, each repository's history starts
/// empty and what the run reads is pushed there (`PostgresHistory`); any failure there ends the run.
public final class StoreSession: @unchecked Sendable {
    public let folder: String
    private var open: [String: (database: HistoryDatabase, history: StoredHistory)] = [:]
    private let server: PostgresConnection?
    private var pushes: [String: (database: PostgresHistory, history: StoredHistory)] = [:]
    private var served: [String: ServedRepository] = [:]
    private var unusable = false
    /// Store files refused (`StoreFiles.foreign`): their repositories are read from git alone.
    private var refused: Set<String> = []
    private var warnings: [RunWarning] = []
    private let lock = NSLock()

    public init(folder: String) {
        self.folder = folder
        server = nil
    }

    /// Connects to the server and checks its tables are this version's: throws `StoreServerError`.
    public init(server url: StoreURL) throws {
        folder = url.redacted
        let connection = try PostgresConnection(url: url)
        try PostgresSchema.check(connection)
        server = connection
    }

    /// Sessions live until the process ends: freeing a long history's commits one by one at the end of
    /// a run costs a tenth of a run that reads them from the store, for memory the exit frees anyway.
    nonisolated(unsafe) private static var kept: [StoreSession] = []
    private static let keptLock = NSLock()

    /// Keeps this session (and the histories it loaded) until the process ends.
    public func keepUntilExit() {
        Self.keptLock.withLock { Self.kept.append(self) }
    }

    /// Whether repositories may be read from the store alone (a PostgreSQL server).
    package var isServer: Bool { server != nil }

    /// The repository `name` as the server holds it, loaded once; nil when it holds none of that name.
    /// Throws `InputError` when it holds it not as reading needs, `StoreServerError` when the server fails.
    package func served(named name: String) throws -> ServedRepository? {
        lock.lock()
        defer { lock.unlock() }
        guard let server else { return nil }
        if let loaded = served[name] { return loaded }
        let loaded = try PostgresReader.load(server, repo: name)
        served[name] = loaded
        return loaded
    }

    /// The store of `repository`, loaded; nil when the store cannot be used (warned once). `name`
    /// names its file; on a server, the repository is `repoName`, pushed with its mailmap and shallow
    /// boundary (`inputs`, as `HistoryMiner.classificationInputs` gives them) and every commit's changes.
    package func history(for repository: Repository, name: String, repoName: String, inputs: [String]) -> StoredHistory? {
        lock.lock()
        defer { lock.unlock() }
        let key = Self.key(of: repository)
        if let server {
            if let opened = pushes[key] { return opened.history }
            let history = StoredHistory(repository: repository, commits: [:], encoded: [:])
            history.keepsEveryChange = true
            let push = PostgresHistory(connection: server, repo: repoName, mailmap: inputs.first ?? "", shallow: inputs.last ?? "")
            pushes[key] = (push, history)
            return history
        }
        if let opened = open[key] { return opened.history }
        guard !unusable else { return nil }
        guard prepareFolder() else { return nil }
        let path = Self.databasePath(folder: folder, repository: repository, name: name)
        if let file = StoreFiles.foreign(at: path) {
            if refused.insert(path).inserted { warnings.append(.storeUnavailable(path: path, reason: StoreFiles.refusal(file))) }
            return nil
        }
        return StoreFileLock.holding(path) { openOrRebuild(path, repository, key: key) }
    }

    /// Opens and loads the store at `path`; a file that cannot be read is removed and made again.
    private func openOrRebuild(_ path: String, _ repository: Repository, key: String) -> StoredHistory? {
        do {
            return try openAndLoad(path, repository, key: key)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            // The file is not damaged: left as it is.
            warnings.append(.storeUnavailable(path: path, reason: Self.reason(error)))
            return nil
        } catch {
            // Not SQLite, truncated, damaged, or from a newer workmix: start again from git.
            warnings.append(.storeRebuilt(path: path, reason: Self.reason(error)))
            Self.remove(databaseAt: path)
            do {
                return try openAndLoad(path, repository, key: key)
            } catch {
                warnings.append(.storeUnavailable(path: path, reason: Self.reason(error)))
                unusable = true
                return nil
            }
        }
    }

    private func openAndLoad(_ path: String, _ repository: Repository, key: String) throws -> StoredHistory {
        let database = try HistoryDatabase(path: path)
        let history = try database.load(into: repository)
        open[key] = (database, history)
        return history
    }

    private func prepareFolder() -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return markUnusable(reason: "cannot create the folder")
        }
        guard access(folder, W_OK) == 0 else { return markUnusable(reason: "the folder is not writable") }
        return true
    }

    private func markUnusable(reason: String) -> Bool {
        unusable = true
        warnings.append(.storeUnavailable(path: folder, reason: reason))
        return false
    }

    /// Writes what every repository's passes read anew. A failed write costs only the time it would
    /// have saved next run (warned once); on a server, it throws `StoreServerError`.
    package func save() throws {
        lock.lock()
        defer { lock.unlock() }
        for (_, pushed) in pushes.sorted(by: { $0.key < $1.key }) {
            try pushed.database.save(pushed.history.takePending())
        }
        for (_, opened) in open.sorted(by: { $0.key < $1.key }) {
            let pending = opened.history.takePending()
            do {
                try opened.database.save(pending)
            } catch {
                warnings.append(.storeNotSaved(path: opened.database.path, reason: Self.reason(error)))
                // A damaged file found only now is removed: the next run rebuilds it.
                if let error = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
                    StoreFileLock.holding(opened.database.path) { Self.remove(databaseAt: opened.database.path) }
                }
            }
        }
    }

    /// The warnings so far, each once.
    public func takeWarnings() -> [RunWarning] {
        lock.withLock {
            defer { warnings = [] }
            return warnings
        }
    }

    /// A repository and its linked worktrees share one object database, hence one store.
    static func key(of repository: Repository) -> String {
        URL(fileURLWithPath: repository.commonDirectory).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// `<name>-<digest of the git folder>.sqlite`: readable, and distinct for two clones of one name.
    package static func databasePath(folder: String, repository: Repository, name: String) -> String {
        let safe = String(
            name.unicodeScalars.map { scalar -> Character in
                CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
            }.prefix(40))
        let file = "\(safe.isEmpty ? "repo" : safe)-\(Fingerprint.of([key(of: repository)]).prefix(16)).sqlite"
        return (folder as NSString).appendingPathComponent(file)
    }

    static func remove(databaseAt path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Why the store failed, on one line: SQLite's own message (not the statement it ran), and a full
    /// disk said as such.
    static func reason(_ error: Error) -> String {
        guard let error = error as? DatabaseError else {
            return String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        let message = "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
        return error.resultCode == .SQLITE_FULL ? "the disk is full: \(message)" : message
    }
}
