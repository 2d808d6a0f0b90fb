internal import GRDB

/// The store's tables, as numbered migrations the program runs (STYLE, Stores). Everything here is
/// what was read from git, keyed by commit id; classifications are derived, keyed by the digest of
/// what decided them. Ids are kept as their 20 bytes (parents concatenated), digests by number: the
/// store stays within twice the size of `git log --numstat` for the same history.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-history") { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS commits (
                        sha BLOB NOT NULL UNIQUE, tree BLOB NOT NULL, parents BLOB NOT NULL,
                        author_name TEXT NOT NULL, author_email TEXT NOT NULL,
                        author_time INTEGER NOT NULL, author_offset INTEGER NOT NULL,
                        committer_name TEXT NOT NULL, committer_email TEXT NOT NULL,
                        committer_time INTEGER NOT NULL, committer_offset INTEGER NOT NULL,
                        message TEXT NOT NULL,
                        changes_base BLOB, changes_detail INTEGER, changes BLOB);
                    CREATE TABLE IF NOT EXISTS tips (sha TEXT PRIMARY KEY, walked_at INTEGER NOT NULL);
                    CREATE TABLE IF NOT EXISTS rule_digests (
                        id INTEGER PRIMARY KEY, digest TEXT NOT NULL UNIQUE, used_at INTEGER NOT NULL);
                    CREATE TABLE IF NOT EXISTS classifications (
                        digest INTEGER NOT NULL, sha BLOB NOT NULL, category TEXT NOT NULL, rule TEXT,
                        skipped INTEGER NOT NULL, evidence TEXT, PRIMARY KEY (digest, sha)) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    """)
        }
        // Each digest's base and rules, so that a rule change reuses the verdicts of unchanged rules.
        migrator.registerMigration("2-digest-keys") { db in
            try db.execute(
                sql: "CREATE TABLE IF NOT EXISTS digest_keys (digest TEXT PRIMARY KEY, base TEXT NOT NULL, rules TEXT NOT NULL)")
        }
        return migrator
    }

    /// How many rule digests keep their classifications: the current one and a few before it (a
    /// branch with another rule file, switched back and forth), so the store does not grow per edit.
    static let keptDigests = 3
}
