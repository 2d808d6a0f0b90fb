import Foundation
internal import GRDB
internal import GRDBSQLite
import WorkmixCore
import WorkmixGit

/// One repository's SQLite store file: opened in WAL mode with a busy timeout, so that several
/// workmix processes can share it; migrated by number when it is older; loaded whole at the start of
/// a run (a walk over stored commits must read no git object) and written once per pass.
final class SQLiteHistoryStore: HistoryStore {
    let path: String
    private let queue: DatabaseQueue

    /// Opens (creating) the file and brings its tables to this version. Throws on a file that is not
    /// a store this version can read: not SQLite, damaged, or written by a newer workmix.
    init(path: String) throws {
        self.path = path
        try StoreFiles.checkOwned(path)
        try StoreFiles.checkHeader(path)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(30)
        // Pages freed when older digests go are given back to the file system (set before any table).
        // A cache: in WAL mode NORMAL never corrupts the file; a power cut may lose the last save,
        // which the next run reads from git again. FULL would wait on the disk at every commit.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrate(queue, with: StoreSchema.migrator)
    }

    /// Brings the tables to this version (under the store's file lock: one process at a time).
    private static func migrate(_ queue: DatabaseQueue, with migrator: DatabaseMigrator) throws {
        if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
            throw StoreError("written by a newer workmix")
        }
        try migrator.migrate(queue)
    }

    /// Reads every page and checks its structure (`PRAGMA quick_check`): damage that `load` can miss (an
    /// index, a page no table read reaches). O(file size): for `store info`, not for every run.
    func check() throws {
        let problems = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check(1)") }
        if let problem = problems.first, problem != "ok" { throw StoreError("damaged: \(problem)") }
    }

    /// Every stored commit, with its changes. Read with SQLite's own column calls: this is the one
    /// query of a run over a long history, and it reads every row.
    func load(into repository: Repository) throws -> LoadedHistory {
        var commits: [ObjectID: GitCommit] = [:]
        var changes: [ObjectID: LoadedHistory.EncodedChanges] = [:]
        try queue.read { db in
            commits.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM commits") ?? 0)
            let statement = try db.makeStatement(
                sql: """
                    SELECT sha, tree, parents, author_name, author_email, author_time, author_offset,
                           committer_name, committer_email, committer_time, committer_offset, message,
                           changes_base, changes_detail, changes FROM commits
                    """)
            let row = RawRow(statement.sqliteStatement)
            while try row.step(in: db) {
                let commit = try Self.commit(row)
                commits[commit.id] = commit
                if let detail = row.int(13) {
                    changes[commit.id] = LoadedHistory.EncodedChanges(base: ObjectID(raw: row.blob(12)), detail: detail, data: row.data(14))
                }
            }
            // Read the other tables whole too: a damaged page shows now, before any output.
            for table in ["classifications", "rule_digests", "digest_keys", "tips"] {
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
            }
        }
        return LoadedHistory(repository: repository, commits: commits, encoded: changes, store: self)
    }

    private static func commit(_ row: RawRow) throws -> GitCommit {
        guard let id = ObjectID(raw: row.blob(0)), let tree = ObjectID(raw: row.blob(1)) else {
            throw StoreError("a commit id is damaged")
        }
        guard let parents = ObjectID.list(raw: row.blob(2)) else { throw StoreError("a parent id is damaged") }
        return GitCommit(
            id: id, parents: parents, tree: tree,
            author: GitSignature(
                name: row.text(3) ?? "", email: row.text(4) ?? "",
                time: row.int64(5), offsetMinutes: Int32(truncatingIfNeeded: row.int64(6))),
            committer: GitSignature(
                name: row.text(7) ?? "", email: row.text(8) ?? "",
                time: row.int64(9), offsetMinutes: Int32(truncatingIfNeeded: row.int64(10))),
            message: row.text(11) ?? "")
    }

    func verdicts(under digest: String) -> [ObjectID: Classification] {
        (try? Self.classifications(digest, in: queue)) ?? [:]
    }

    func earlierVerdicts(base: String, excluding digest: String) -> (rules: [String], verdicts: [ObjectID: Classification])? {
        try? Self.earlier(base: base, excluding: digest, in: queue)
    }

    /// The most recently used other digest with this base: its rules and verdicts.
    private static func earlier(
        base: String, excluding digest: String, in queue: DatabaseQueue
    ) throws -> (rules: [String], verdicts: [ObjectID: Classification])? {
        let found = try queue.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT k.digest, k.rules FROM digest_keys k JOIN rule_digests d ON d.digest = k.digest
                    WHERE k.base = ? AND k.digest != ? ORDER BY d.used_at DESC, d.id DESC LIMIT 1
                    """, arguments: [base, digest])
        }
        guard let found, let text: String = found[1],
            let rules = try? JSONDecoder().decode([String].self, from: Data(text.utf8))
        else { return nil }
        return (rules, try classifications(found[0], in: queue))
    }

    private static func classifications(_ digest: String, in queue: DatabaseQueue) throws -> [ObjectID: Classification] {
        try queue.read { db in
            var result: [ObjectID: Classification] = [:]
            let statement = try db.makeStatement(
                sql: """
                    SELECT c.sha, c.category, c.rule, c.skipped, c.evidence FROM classifications c
                    JOIN rule_digests d ON d.id = c.digest WHERE d.digest = ?
                    """)
            try statement.setArguments([digest])
            let row = RawRow(statement.sqliteStatement)
            while try row.step(in: db) {
                guard let sha = ObjectID(raw: row.blob(0)), let category = row.text(1).flatMap(Category.init(rawValue:)) else {
                    continue
                }
                let evidence = row.text(4).map { $0.isEmpty ? [] : $0.components(separatedBy: "\u{1F}") } ?? []
                result[sha] = Classification(category: category, ruleID: row.text(2), skipped: row.int64(3) != 0, evidence: evidence)
            }
            return result
        }
    }

    /// Writes what a pass read anew, in one transaction.
    func save(_ pending: LoadedHistory.Pending) throws {
        if pending.isEmpty { return }
        let now = Int(Date().timeIntervalSince1970)
        try queue.write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO commits (sha, tree, parents, author_name, author_email, author_time, author_offset,
                        committer_name, committer_email, committer_time, committer_offset, message,
                        changes_base, changes_detail, changes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            // A new commit's changes go in with it: each row is written once, not inserted then updated.
            var changes = Dictionary(grouping: pending.changes, by: \.sha)
            var updates: [(sha: String, base: String, info: ChangeInfo)] = []
            for commit in pending.commits {
                let own = changes.removeValue(forKey: commit.id.hex) ?? []
                let kept = Self.latest(own)
                try insert.execute(arguments: [
                    Data(commit.id.bytes), Data(commit.tree.bytes), Data(commit.parents.flatMap(\.bytes)),
                    commit.author.name, commit.author.email, commit.author.time, commit.author.offsetMinutes,
                    commit.committer.name, commit.committer.email, commit.committer.time, commit.committer.offsetMinutes,
                    commit.message, kept?.base, kept?.detail, kept?.data,
                ])
                // Stored by another run meanwhile: its changes are updated as for any stored commit.
                if db.changesCount == 0 { updates += own }
            }
            try Self.saveChanges(updates + pending.changes.filter { changes[$0.sha] != nil }, in: db)
            try Self.saveClassifications(pending.classifications, now: now, in: db)
            try Self.saveKeys(pending.keys, in: db)
            // Digests read without a new verdict are still in use: kept over older ones.
            for digest in pending.usedDigests {
                try db.execute(sql: "UPDATE rule_digests SET used_at = ? WHERE digest = ?", arguments: [now, digest])
            }
            for tip in pending.tips {
                try db.execute(sql: "INSERT OR REPLACE INTO tips (sha, walked_at) VALUES (?, ?)", arguments: [tip, now])
            }
        }
        // Into the main file, so that a store left behind is one file (skipped while others read).
        // TRUNCATE also empties the WAL, which otherwise keeps the size of the largest write.
        try? queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA incremental_vacuum")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// The keys of the digests kept (those with verdicts), for a later rule change to find.
    private static func saveKeys(_ keys: [String: ClassificationKey], in db: Database) throws {
        for (digest, key) in keys {
            let rules = String(decoding: try JSONEncoder().encode(key.rules), as: UTF8.self)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO digest_keys (digest, base, rules)
                    SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM rule_digests WHERE digest = ?)
                    """, arguments: [digest, key.base, rules, digest])
        }
        try db.execute(sql: "DELETE FROM digest_keys WHERE digest NOT IN (SELECT digest FROM rule_digests)")
    }

    private static func saveClassifications(
        _ digests: [String: [(sha: String, classification: Classification)]],
        now: Int, in db: Database
    ) throws {
        guard !digests.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO classifications (digest, sha, category, rule, skipped, evidence) VALUES (?, ?, ?, ?, ?, ?)
                """)
        for (digest, rows) in digests {
            try db.execute(
                sql: """
                    INSERT INTO rule_digests (digest, used_at) VALUES (?, ?) ON CONFLICT (digest) DO UPDATE SET used_at = excluded.used_at
                    """, arguments: [digest, now])
            let id = try Int.fetchOne(db, sql: "SELECT id FROM rule_digests WHERE digest = ?", arguments: [digest]) ?? 0
            for row in rows {
                guard let sha = ObjectID(hex: row.sha) else { continue }
                let c = row.classification
                try insert.execute(arguments: [
                    id, Data(sha.bytes), c.category.rawValue, c.ruleID, c.skipped,
                    c.evidence.joined(separator: "\u{1F}"),
                ])
            }
        }
        try db.execute(
            sql: """
                DELETE FROM rule_digests WHERE id NOT IN
                    (SELECT id FROM rule_digests ORDER BY used_at DESC, id DESC LIMIT \(StoreSchema.keptDigests))
                """)
        try db.execute(sql: "DELETE FROM classifications WHERE digest NOT IN (SELECT id FROM rule_digests)")
    }

    /// Figures for `workmix store info`.
    func summary() throws -> (commits: Int, tips: [String], digests: [(digest: String, commits: Int)]) {
        try queue.read { db in
            let commits = try Int.fetchOne(db, sql: "SELECT count(*) FROM commits") ?? 0
            let tips = try String.fetchAll(db, sql: "SELECT sha FROM tips ORDER BY walked_at DESC, sha")
            let digests = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.digest, (SELECT count(*) FROM classifications c WHERE c.digest = d.id)
                    FROM rule_digests d ORDER BY d.used_at DESC, d.id DESC
                    """
            ).map { (digest: $0[0] as String, commits: $0[1] as Int) }
            return (commits, tips, digests)
        }
    }
}

/// The current row of a stepped statement, read column by column.
private struct RawRow {
    let statement: OpaquePointer

    init(_ statement: OpaquePointer) { self.statement = statement }

    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL, let bytes = sqlite3_column_text(statement, column) else {
            return nil
        }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func int(_ column: Int32) -> Int? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, column))
    }

    /// Steps to the next row: false at the end.
    func step(in db: Database) throws -> Bool {
        let code = sqlite3_step(statement)
        if code == SQLITE_DONE { return false }
        guard code == SQLITE_ROW else { throw StoreError(String(cString: sqlite3_errmsg(db.sqliteConnection))) }
        return true
    }

    /// The column's bytes in place, valid until the next step.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let bytes = sqlite3_column_blob(statement, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column)))
    }

    func data(_ column: Int32) -> Data {
        guard let bytes = sqlite3_column_blob(statement, column) else { return Data() }
        return Data(bytes: bytes, count: Int(sqlite3_column_bytes(statement, column)))
    }
}

/// Why a store file cannot be used as it is.
struct StoreError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
