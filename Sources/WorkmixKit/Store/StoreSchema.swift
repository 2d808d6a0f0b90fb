import GRDB

/// The store's tables, as numbered migrations the program runs (STYLE, Stores). Everything here is
/// what was read from git, keyed by commit id; classifications are derived, keyed by the digest of
/// what decided them.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-history") { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS commits (
                    sha TEXT NOT NULL UNIQUE, tree TEXT NOT NULL, parents TEXT NOT NULL,
                    author_name TEXT NOT NULL, author_email TEXT NOT NULL,
                    author_time INTEGER NOT NULL, author_offset INTEGER NOT NULL,
                    committer_name TEXT NOT NULL, committer_email TEXT NOT NULL,
                    committer_time INTEGER NOT NULL, committer_offset INTEGER NOT NULL,
                    message TEXT NOT NULL,
                    changes_base TEXT, changes_detail INTEGER, changes BLOB);
                CREATE TABLE IF NOT EXISTS tips (sha TEXT PRIMARY KEY, walked_at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS rule_digests (digest TEXT PRIMARY KEY, used_at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS classifications (
                    digest TEXT NOT NULL, sha TEXT NOT NULL, category TEXT NOT NULL, rule TEXT,
                    skipped INTEGER NOT NULL, evidence TEXT, PRIMARY KEY (digest, sha)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
        return migrator
    }

    /// How many rule digests keep their classifications: the current one and a few before it (a
    /// branch with another rule file, switched back and forth), so the store does not grow per edit.
    static let keptDigests = 4
}
