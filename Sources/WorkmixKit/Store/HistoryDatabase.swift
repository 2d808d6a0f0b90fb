import Foundation
import GRDB
import WorkmixCore
import WorkmixGit

/// One repository's SQLite store file: opened in WAL mode with a busy timeout, so that several
/// workmix processes can share it; migrated by number when it is older; loaded whole at the start of
/// a run (a walk over stored commits must read no git object) and written once per pass.
final class HistoryDatabase {
    let path: String
    private let queue: DatabaseQueue

    /// Opens (creating) the file and brings its tables to this version. Throws on a file that is not
    /// a store this version can read: not SQLite, damaged, or written by a newer workmix.
    init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(30)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        let migrator = StoreSchema.migrator
        if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
            throw StoreError("written by a newer workmix")
        }
        try migrator.migrate(queue)
    }

    /// Every stored commit, with its changes.
    func load(into repository: Repository) throws -> StoredHistory {
        var commits: [ObjectID: GitCommit] = [:]
        var changes: [ObjectID: StoredHistory.StoredChanges] = [:]
        try queue.read { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM commits") ?? 0
            commits.reserveCapacity(count)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT sha, tree, parents, author_name, author_email, author_time, author_offset,
                       committer_name, committer_email, committer_time, committer_offset, message,
                       changes_base, changes_detail, changes FROM commits
                """)
            while let row = try rows.next() {
                let commit = try Self.commit(row)
                commits[commit.id] = commit
                if let detail = row[13] as Int?, let base = row[12] as String?, let data = row[14] as Data?,
                   let info = ChangeCoding.decode(data, detail: detail) {
                    changes[commit.id] = StoredHistory.StoredChanges(base: base, info: info)
                }
            }
        }
        let history = StoredHistory(repository: repository, commits: commits, changes: changes)
        history.loadClassifications = { [queue] digest in (try? Self.classifications(digest, in: queue)) ?? [:] }
        return history
    }

    private static func commit(_ row: Row) throws -> GitCommit {
        guard let id = ObjectID(hex: row[0]), let tree = ObjectID(hex: row[1]) else { throw StoreError("a commit id is damaged") }
        let parentText: String = row[2]
        let parents = try parentText.split(separator: " ").map { hex in
            guard let parent = ObjectID(hex: String(hex)) else { throw StoreError("a parent id is damaged") }
            return parent
        }
        return GitCommit(id: id, parents: parents, tree: tree,
                         author: GitSignature(name: row[3], email: row[4], time: row[5], offsetMinutes: row[6]),
                         committer: GitSignature(name: row[7], email: row[8], time: row[9], offsetMinutes: row[10]),
                         message: row[11])
    }

    private static func classifications(_ digest: String, in queue: DatabaseQueue) throws -> [String: Classification] {
        try queue.read { db in
            var result: [String: Classification] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT sha, category, rule, skipped, evidence FROM classifications WHERE digest = ?",
                                           arguments: [digest])
            while let row = try rows.next() {
                guard let category = Category(rawValue: row[1]) else { continue }
                let evidence = (row[4] as String?).map { $0.isEmpty ? [] : $0.components(separatedBy: "\u{1F}") } ?? []
                result[row[0]] = Classification(category: category, ruleID: row[2], skipped: row[3], evidence: evidence)
            }
            return result
        }
    }

    /// Writes what a pass read anew, in one transaction.
    func save(_ pending: StoredHistory.Pending) throws {
        if pending.isEmpty { return }
        let now = Int(Date().timeIntervalSince1970)
        try queue.write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO commits (sha, tree, parents, author_name, author_email, author_time, author_offset,
                    committer_name, committer_email, committer_time, committer_offset, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for commit in pending.commits {
                try insert.execute(arguments: [
                    commit.id.hex, commit.tree.hex, commit.parents.map(\.hex).joined(separator: " "),
                    commit.author.name, commit.author.email, commit.author.time, commit.author.offsetMinutes,
                    commit.committer.name, commit.committer.email, commit.committer.time, commit.committer.offsetMinutes,
                    commit.message,
                ])
            }
            try Self.saveChanges(pending.changes, in: db)
            try Self.saveClassifications(pending.classifications, now: now, in: db)
            for tip in pending.tips {
                try db.execute(sql: "INSERT OR REPLACE INTO tips (sha, walked_at) VALUES (?, ?)", arguments: [tip, now])
            }
        }
    }

    private static func saveChanges(_ changes: [(sha: String, base: String, info: ChangeInfo)], in db: Database) throws {
        let update = try db.cachedStatement(sql: """
            UPDATE commits SET changes_base = ?, changes_detail = ?, changes = ?
            WHERE sha = ? AND (changes_detail IS NULL OR changes_base IS NOT ? OR changes_detail < ?)
            """)
        for change in changes {
            guard let detail = ChangeCoding.detail(of: change.info), let files = change.info.changes else { continue }
            try update.execute(arguments: [change.base, detail, ChangeCoding.encode(files), change.sha, change.base, detail])
        }
    }

    private static func saveClassifications(_ digests: [String: [(sha: String, classification: Classification)]],
                                            now: Int, in db: Database) throws {
        guard !digests.isEmpty else { return }
        let insert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO classifications (digest, sha, category, rule, skipped, evidence) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (digest, rows) in digests {
            try db.execute(sql: "INSERT OR REPLACE INTO rule_digests (digest, used_at) VALUES (?, ?)", arguments: [digest, now])
            for row in rows {
                let c = row.classification
                try insert.execute(arguments: [digest, row.sha, c.category.rawValue, c.ruleID, c.skipped,
                                               c.evidence.joined(separator: "\u{1F}")])
            }
        }
        try db.execute(sql: """
            DELETE FROM rule_digests WHERE digest NOT IN
                (SELECT digest FROM rule_digests ORDER BY used_at DESC, digest LIMIT \(StoreSchema.keptDigests))
            """)
        try db.execute(sql: "DELETE FROM classifications WHERE digest NOT IN (SELECT digest FROM rule_digests)")
    }

    /// Marks a digest used, so that it is kept over older ones.
    func touch(digest: String) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE rule_digests SET used_at = ? WHERE digest = ?",
                           arguments: [Int(Date().timeIntervalSince1970), digest])
        }
    }

    /// Figures for `workmix store info`.
    func summary() throws -> (commits: Int, tips: [String], digests: [(digest: String, commits: Int)]) {
        try queue.read { db in
            let commits = try Int.fetchOne(db, sql: "SELECT count(*) FROM commits") ?? 0
            let tips = try String.fetchAll(db, sql: "SELECT sha FROM tips ORDER BY walked_at DESC, sha")
            let digests = try Row.fetchAll(db, sql: """
                SELECT d.digest, (SELECT count(*) FROM classifications c WHERE c.digest = d.digest)
                FROM rule_digests d ORDER BY d.used_at DESC, d.digest
                """).map { (digest: $0[0] as String, commits: $0[1] as Int) }
            return (commits, tips, digests)
        }
    }
}

/// Why a store file cannot be used as it is.
struct StoreError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
