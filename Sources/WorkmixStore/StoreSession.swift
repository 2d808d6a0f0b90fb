import Foundation
internal import GRDB
import Synchronization
import WorkmixCore
import WorkmixGit

/// The history store of one run: one database file per repository in the store folder, opened and
/// loaded once however many passes read that repository. A store that cannot be used never changes
/// the output: a damaged file is rebuilt and a folder that cannot be written is left alone, each
/// with one warning. With a PostgreSQL server instead of a folder, each repository's history starts
/// empty and what the run reads is pushed there (`PostgresHistoryStore`); any failure there ends the run.
package final class StoreSession: Sendable {
    /// Which side keeps the histories: SQLite files in a folder, or a PostgreSQL database.
    private enum Kind: Sendable {
        case folder(String)
        case server(PostgresConnection)
    }

    private let kind: Kind
    /// What the run's threads share.
    private struct State {
        /// Each repository's store and its history as loaded, by `key(of:)`.
        var open: [String: (store: HistoryStore, history: LoadedHistory)] = [:]
        var served: [String: ServedRepository] = [:]
        var unusable = false
        /// Store files refused (`StoreFiles.foreign`): their repositories are read from git alone.
        var refused: Set<String> = []
        var warnings: [StoreWarning] = []
    }
    private let state = Mutex(State())

    package init(folder: String) {
        kind = .folder(folder)
    }

    /// Connects to the server and checks its tables are this version's: throws `StoreServerError`.
    package init(server url: StoreURL) throws {
        let connection = try PostgresConnection(url: url)
        try PostgresSchema.check(connection)
        kind = .server(connection)
    }

    /// Sessions live until the process ends: freeing a long history's commits one by one at the end of
    /// a run costs a tenth of a run that reads them from the store, for memory the exit frees anyway.
    private static let kept = Mutex<[StoreSession]>([])

    /// Keeps this session (and the histories it loaded) until the process ends.
    package func keepUntilExit() {
        Self.kept.withLock { $0.append(self) }
    }

    /// The store folder; nil for a PostgreSQL store.
    package var folder: String? {
        guard case .folder(let folder) = kind else { return nil }
        return folder
    }

    /// A PostgreSQL store's address without its password, from which repositories may be read alone;
    /// nil for a store folder.
    package var serverAddress: String? {
        guard case .server(let connection) = kind else { return nil }
        return connection.url.redacted
    }

    /// The repository `name` as the server holds it, loaded once; nil when it holds none of that name.
    /// Throws `InputError` when it holds it not as reading needs, `StoreServerError` when the server fails.
    package func served(named name: String) throws -> ServedRepository? {
        guard case .server(let server) = kind else { return nil }
        return try state.withLock { state in
            if let loaded = state.served[name] { return loaded }
            let loaded = try ServedRepository.load(server, repo: name)
            state.served[name] = loaded
            return loaded
        }
    }

    /// The store of `repository`, loaded; nil when the store cannot be used (warned once). `name`
    /// names its file; on a server, the repository is `repoName`, pushed with its mailmap and shallow
    /// boundary (`inputs`, as `HistoryMiner.classificationInputs` gives them) and every commit's changes.
    package func history(for repository: Repository, name: String, repoName: String, inputs: [String]) -> LoadedHistory? {
        state.withLock { state in
            let key = Self.key(of: repository)
            if let opened = state.open[key] { return opened.history }
            switch kind {
            case .server(let server):
                let push = PostgresHistoryStore(connection: server, repo: repoName, mailmap: inputs.first ?? "", shallow: inputs.last ?? "")
                let history = LoadedHistory(repository: repository, commits: [:], encoded: [:], store: push)
                history.keepsEveryChange = true
                state.open[key] = (push, history)
                return history
            case .folder(let folder):
                return openFile(in: folder, for: repository, name: name, key: key, &state)
            }
        }
    }

    /// The SQLite store of `repository` in `folder`, opened and loaded; nil when it cannot be used.
    private func openFile(
        in folder: String, for repository: Repository, name: String, key: String, _ state: inout State
    ) -> LoadedHistory? {
        guard !state.unusable else { return nil }
        guard prepareFolder(folder, &state) else { return nil }
        let path = Self.databasePath(folder: folder, repository: repository, name: name)
        if let file = StoreFiles.foreign(at: path) {
            if state.refused.insert(path).inserted { state.warnings.append(.unavailable(path: path, reason: StoreFiles.refusal(file))) }
            return nil
        }
        return StoreFileLock.holding(path) { openOrRebuild(path, repository, key: key, &state) }
    }

    /// Opens and loads the store at `path`; a file that cannot be read is removed and made again.
    private func openOrRebuild(_ path: String, _ repository: Repository, key: String, _ state: inout State) -> LoadedHistory? {
        do {
            return try openAndLoad(path, repository, key: key, &state)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            // The file is not damaged: left as it is.
            state.warnings.append(.unavailable(path: path, reason: Self.reason(error)))
            return nil
        } catch {
            // Not SQLite, truncated, damaged, or from a newer workmix: start again from git.
            state.warnings.append(.rebuilt(path: path, reason: Self.reason(error)))
            Self.remove(databaseAt: path)
            do {
                return try openAndLoad(path, repository, key: key, &state)
            } catch {
                state.warnings.append(.unavailable(path: path, reason: Self.reason(error)))
                state.unusable = true
                return nil
            }
        }
    }

    private func openAndLoad(_ path: String, _ repository: Repository, key: String, _ state: inout State) throws -> LoadedHistory {
        let store = try SQLiteHistoryStore(path: path)
        let history = try store.load(into: repository)
        state.open[key] = (store, history)
        return history
    }

    private func prepareFolder(_ folder: String, _ state: inout State) -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return markUnusable(folder, reason: "cannot create the folder", &state)
        }
        guard access(folder, W_OK) == 0 else { return markUnusable(folder, reason: "the folder is not writable", &state) }
        return true
    }

    private func markUnusable(_ folder: String, reason: String, _ state: inout State) -> Bool {
        state.unusable = true
        state.warnings.append(.unavailable(path: folder, reason: reason))
        return false
    }

    /// Writes what every repository's passes read anew. A failed write costs only the time it would
    /// have saved next run (warned once); on a server, it throws `StoreServerError`.
    package func save() throws {
        try state.withLock { state in
            for (_, opened) in state.open.sorted(by: { $0.key < $1.key }) {
                let pending = opened.history.takePending()
                guard let file = opened.store as? SQLiteHistoryStore else {
                    try opened.store.save(pending)
                    continue
                }
                do {
                    try file.save(pending)
                } catch {
                    state.warnings.append(.notSaved(path: file.path, reason: Self.reason(error)))
                    // A damaged file found only now is removed: the next run rebuilds it.
                    if let error = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
                        StoreFileLock.holding(file.path) { Self.remove(databaseAt: file.path) }
                    }
                }
            }
        }
    }

    /// The warnings so far, each once.
    package func takeWarnings() -> [RunWarning] {
        state.withLock { state in
            defer { state.warnings = [] }
            return state.warnings.map(\.runWarning)
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
