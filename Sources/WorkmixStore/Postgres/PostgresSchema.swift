/// The shared store's tables, as numbered migrations `workmix store migrate` runs, all in one
/// transaction, one migration at a time across the server (an advisory lock). The tables hold what
/// the SQLite store holds, keyed by repository name and commit id; two views read them for BI tools.
package enum PostgresSchema {
    /// `workmix store migrate`: brings the tables to this workmix's version, in one transaction;
    /// returns the version found and the version now.
    package static func migrate(url: StoreURL) throws -> (from: Int, to: Int) {
        let connection = try PostgresConnection(url: url)
        return (try migrate(connection), version)
    }

    /// The migrations, in order: version n is `migrations[n - 1]`.
    static let migrations = [history, readable]

    static var version: Int { migrations.count }

    /// Any fixed number: the lock that keeps two migrations from running at once.
    private static let lockKey: Int64 = 0x776f_726b_6d69_78

    /// Brings the tables to this version; returns the version found before. Throws
    /// `.newerSchema` (and changes nothing) when a newer workmix made them.
    static func migrate(_ connection: PostgresConnection) throws -> Int {
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS workmix_schema (
                    version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let found = try currentVersion(connection)
            if found > version { throw newer(found, connection) }
            for number in (found + 1)..<(version + 1) {
                try connection.execute(migrations[number - 1])
                try connection.execute("INSERT INTO workmix_schema (version) VALUES ($1)", [.int(Int64(number))])
            }
            return found
        }
    }

    /// Throws unless the tables are at this version.
    static func check(_ connection: PostgresConnection) throws {
        let exists = try connection.execute("SELECT to_regclass('workmix_schema') IS NOT NULL")
        let found = exists.first?.first == "t" ? try currentVersion(connection) : 0
        if found > version { throw newer(found, connection) }
        if found < version {
            throw StoreServerError(
                url: connection.url, kind: .notMigrated(found: found, expected: version), detail: "schema version \(found)")
        }
    }

    private static func currentVersion(_ connection: PostgresConnection) throws -> Int {
        let rows = try connection.execute("SELECT coalesce(max(version), 0) FROM workmix_schema")
        return rows.first?.first.flatMap { $0.flatMap { Int($0) } } ?? 0
    }

    private static func newer(_ found: Int, _ connection: PostgresConnection) -> StoreServerError {
        StoreServerError(url: connection.url, kind: .newerSchema(found: found, known: version), detail: "schema version \(found)")
    }

    /// Version 1: the history (as the SQLite store keeps it, plus the repository) and the BI views.
    static let history = """
        CREATE TABLE repositories (name text PRIMARY KEY, pushed_at timestamptz);
        CREATE TABLE commits (
            repo text NOT NULL REFERENCES repositories (name),
            sha bytea NOT NULL, tree bytea NOT NULL, parents bytea NOT NULL,
            author_name text NOT NULL, author_email text NOT NULL,
            author_time bigint NOT NULL, author_offset integer NOT NULL,
            committer_name text NOT NULL, committer_email text NOT NULL,
            committer_time bigint NOT NULL, committer_offset integer NOT NULL,
            message text NOT NULL,
            changes_base bytea, changes_detail integer, changes bytea,
            PRIMARY KEY (repo, sha));
        CREATE TABLE tips (
            repo text NOT NULL REFERENCES repositories (name), sha text NOT NULL,
            walked_at timestamptz NOT NULL, PRIMARY KEY (repo, sha));
        CREATE TABLE rule_digests (
            id bigserial PRIMARY KEY, repo text NOT NULL REFERENCES repositories (name),
            digest text NOT NULL, used_at timestamptz NOT NULL, UNIQUE (repo, digest));
        CREATE TABLE classifications (
            digest bigint NOT NULL REFERENCES rule_digests (id) ON DELETE CASCADE, sha bytea NOT NULL,
            category text NOT NULL, rule text, skipped boolean NOT NULL, evidence text,
            PRIMARY KEY (digest, sha));
        \(views)
        """

    /// One row per commit with its category under the repository's most recently used digest; one
    /// row per author and co-author (a `Co-authored-by` trailer as written) per commit.
    static let views = """
        CREATE VIEW workmix_commits AS
        WITH latest AS (
            SELECT DISTINCT ON (repo) repo, id, digest FROM rule_digests ORDER BY repo, used_at DESC, id DESC)
        SELECT c.repo, encode(c.sha, 'hex') AS sha,
            c.author_name, c.author_email, to_timestamp(c.author_time) AS authored_at, c.author_offset,
            c.committer_name, c.committer_email, to_timestamp(c.committer_time) AS committed_at,
            length(c.parents) / 20 AS parent_count, split_part(c.message, E'\\n', 1) AS subject, c.message,
            k.category, k.rule, k.skipped, l.digest
        FROM commits c
        LEFT JOIN latest l ON l.repo = c.repo
        LEFT JOIN classifications k ON k.digest = l.id AND k.sha = c.sha;
        CREATE VIEW workmix_pairs AS
        SELECT w.repo, w.sha, w.authored_at, w.category, w.author_name, w.author_email,
            btrim(m[1]) AS coauthor_name, lower(btrim(m[2])) AS coauthor_email
        FROM workmix_commits w
        CROSS JOIN LATERAL regexp_matches(
            w.message, '^[ \\t]*co-authored-by:[ \\t]*([^<\\n]*)<([^>\\n]*)>', 'gin') AS m;
        """

    /// Version 2: what reading a repository without its checkout needs. Per repository the `.mailmap`
    /// text and the shallow clone's boundary (as the `shallow` file has it), both null until a push of
    /// this version; per revision as a run was given it (`HEAD`, `main`, `v1..v2`, `--all`), the commits
    /// it resolved to, included and excluded (20 bytes each, in order).
    static let readable = """
        ALTER TABLE repositories ADD COLUMN mailmap text, ADD COLUMN shallow text;
        CREATE TABLE revisions (
            repo text NOT NULL REFERENCES repositories (name), spec text NOT NULL,
            include bytea NOT NULL, exclude bytea NOT NULL, resolved_at timestamptz NOT NULL,
            PRIMARY KEY (repo, spec));
        """
}
