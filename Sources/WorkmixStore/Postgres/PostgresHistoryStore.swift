import Foundation
import WorkmixCore
import WorkmixGit

/// One repository's rows in a shared PostgreSQL store: what a run read is pushed there, idempotently.
/// A push is one transaction per batch of rows, each batch's rows in commit-id order (two pushes of
/// the same repository wait for each other's rows, never deadlock), and the repository's tips and
/// rule digests move only in the last transaction, after its commits and classifications are in.
final class PostgresHistoryStore: HistoryStore {
    let connection: PostgresConnection
    let repo: String
    /// What a reader without the checkout needs besides the commits: the mailmap text and the
    /// `shallow` file as this run read them.
    let mailmap: String
    let shallow: String
    /// Rows per transaction.
    static let batchSize = 1000

    init(connection: PostgresConnection, repo: String, mailmap: String, shallow: String) {
        self.connection = connection
        self.repo = repo
        self.mailmap = mailmap
        self.shallow = shallow
    }

    /// A push reads no verdict back: its history starts empty, and every commit it reads is classified
    /// by the run (and pushed).
    func verdicts(under digest: String) -> [ObjectID: Classification] { [:] }

    func earlierVerdicts(base: String, excluding digest: String) -> (rules: [String], verdicts: [ObjectID: Classification])? { nil }

    /// Pushes what a run read anew: commits with their changes, classifications, then tips.
    func save(_ pending: LoadedHistory.Pending) throws {
        if pending.isEmpty { return }
        try saveCommits(pending)
        for (digest, rows) in pending.classifications.sorted(by: { $0.key < $1.key }) {
            try saveClassifications(digest: digest, rows)
        }
        try connection.transaction {
            try ensureRepository()
            // Read by the views as the repository's current rules: moved only once its verdicts are in.
            for digest in pending.usedDigests.sorted() {
                try connection.execute(
                    "UPDATE rule_digests SET used_at = now() WHERE repo = $1 AND digest = $2", [.text(repo), .text(digest)])
            }
            for tip in pending.tips.sorted() {
                try connection.execute(
                    """
                    INSERT INTO tips (repo, sha, walked_at) VALUES ($1, $2, now())
                    ON CONFLICT (repo, sha) DO UPDATE SET walked_at = excluded.walked_at
                    """, [.text(repo), .text(tip)])
            }
            try saveRevisions(pending.revisions)
            try connection.execute(
                "UPDATE repositories SET pushed_at = now(), mailmap = $2, shallow = $3 WHERE name = $1",
                [.text(repo), .text(mailmap), .text(shallow)])
        }
    }

    /// Each revision as the run was given it, with the commits it resolved to: what a later reader
    /// without the checkout resolves it to.
    private func saveRevisions(_ revisions: [String: ResolvedRevision]) throws {
        for (spec, resolved) in revisions.sorted(by: { $0.key < $1.key }) {
            try connection.execute(
                """
                INSERT INTO revisions (repo, spec, include, exclude, resolved_at) VALUES ($1, $2, $3, $4, now())
                ON CONFLICT (repo, spec) DO UPDATE SET
                    include = excluded.include, exclude = excluded.exclude, resolved_at = excluded.resolved_at
                """,
                [.text(repo), .text(spec), .bytes(resolved.include.flatMap(\.bytes)), .bytes(resolved.exclude.flatMap(\.bytes))])
        }
    }

    private func ensureRepository() throws {
        try connection.execute("INSERT INTO repositories (name) VALUES ($1) ON CONFLICT DO NOTHING", [.text(repo)])
    }

    /// A commit to insert (with its changes when read), or changes of a commit pushed before.
    private struct CommitRow {
        var sha: String
        var commit: GitCommit?
        var changes: (base: String, info: ChangeInfo)?
    }

    private func saveCommits(_ pending: LoadedHistory.Pending) throws {
        var rows: [String: CommitRow] = [:]
        for commit in pending.commits { rows[commit.id.hex] = CommitRow(sha: commit.id.hex, commit: commit) }
        // Later notes of a commit's changes improve on earlier ones.
        for change in pending.changes where ChangeCoding.detail(of: change.info) != nil {
            rows[change.sha, default: CommitRow(sha: change.sha)].changes = (change.base, change.info)
        }
        let sorted = rows.values.sorted { $0.sha < $1.sha }
        for start in stride(from: 0, to: sorted.count, by: Self.batchSize) {
            try connection.transaction {
                try ensureRepository()
                try connection.executeAll(sorted[start..<min(start + Self.batchSize, sorted.count)].compactMap(statement))
            }
        }
    }

    private func statement(_ row: CommitRow) -> (sql: String, parameters: [PostgresConnection.Value])? {
        guard let sha = ObjectID(hex: row.sha) else { return nil }
        var changes: [PostgresConnection.Value] = [.null, .null, .null]
        if let (base, info) = row.changes, let detail = ChangeCoding.detail(of: info), let files = info.changes {
            changes = [.bytes(ObjectID(hex: base)?.bytes ?? []), .int(Int64(detail)), .bytes(Array(ChangeCoding.encode(files)))]
        }
        guard let commit = row.commit else { return (Self.updateChanges, [.text(repo), .bytes(sha.bytes)] + changes) }
        let values: [PostgresConnection.Value] = [
            .text(repo), .bytes(sha.bytes), .bytes(commit.tree.bytes), .bytes(commit.parents.flatMap(\.bytes)),
            .text(commit.author.name), .text(commit.author.email), .int(commit.author.time), .int(Int64(commit.author.offsetMinutes)),
            .text(commit.committer.name), .text(commit.committer.email), .int(commit.committer.time),
            .int(Int64(commit.committer.offsetMinutes)), .text(commit.message),
        ]
        return (Self.insertCommit, values + changes)
    }

    /// A commit, or its changes when it is there with fewer (or against another first parent).
    static let insertCommit = """
        INSERT INTO commits (repo, sha, tree, parents, author_name, author_email, author_time, author_offset,
            committer_name, committer_email, committer_time, committer_offset, message,
            changes_base, changes_detail, changes)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
        ON CONFLICT (repo, sha) DO UPDATE SET
            changes_base = excluded.changes_base, changes_detail = excluded.changes_detail, changes = excluded.changes
        WHERE excluded.changes_detail IS NOT NULL AND (commits.changes_detail IS NULL
            OR commits.changes_base IS DISTINCT FROM excluded.changes_base OR commits.changes_detail < excluded.changes_detail)
        """

    static let updateChanges = """
        UPDATE commits SET changes_base = $3, changes_detail = $4, changes = $5
        WHERE repo = $1 AND sha = $2
            AND (changes_detail IS NULL OR changes_base IS DISTINCT FROM $3 OR changes_detail < $4)
        """

    /// A digest's verdicts, in batches. A new digest's row is made with the first batch, used "never":
    /// the last transaction of the push marks it used.
    private func saveClassifications(digest: String, _ rows: [(sha: String, classification: Classification)]) throws {
        let sorted = rows.sorted { $0.sha < $1.sha }
        for start in stride(from: 0, to: sorted.count, by: Self.batchSize) {
            try connection.transaction {
                try ensureRepository()
                try connection.execute(
                    "INSERT INTO rule_digests (repo, digest, used_at) VALUES ($1, $2, '-infinity') ON CONFLICT DO NOTHING",
                    [.text(repo), .text(digest)])
                let found = try connection.execute(
                    "SELECT id FROM rule_digests WHERE repo = $1 AND digest = $2", [.text(repo), .text(digest)])
                guard let id = found.first?.first.flatMap({ $0.flatMap { Int64($0) } }) else { return }
                try connection.executeAll(
                    sorted[start..<min(start + Self.batchSize, sorted.count)].compactMap { row in
                        guard let sha = ObjectID(hex: row.sha) else { return nil }
                        let verdict = row.classification
                        return (
                            Self.insertClassification,
                            [
                                .int(id), .bytes(sha.bytes), .text(verdict.category.rawValue), verdict.ruleID.map { .text($0) } ?? .null,
                                .bool(verdict.skipped), .text(verdict.evidence.joined(separator: "\u{1F}")),
                            ]
                        )
                    })
            }
        }
    }

    static let insertClassification = """
        INSERT INTO classifications (digest, sha, category, rule, skipped, evidence) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (digest, sha) DO UPDATE SET
            category = excluded.category, rule = excluded.rule, skipped = excluded.skipped, evidence = excluded.evidence
        """
}
