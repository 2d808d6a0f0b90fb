import Foundation
import WorkmixCore
import WorkmixGit

/// A repository as a PostgreSQL store holds it, read without its checkout: every pushed commit with
/// its changes, the mailmap and shallow boundary the push saw, and each revision as pushes resolved it.
package final class ServedRepository: Sendable {
    package let name: String
    package let url: String
    package let history: LoadedHistory
    /// The mailmap text as the push read it (empty: none).
    package let mailmap: String
    /// The `shallow` file as the push read it (empty: not a shallow clone).
    package let shallowText: String
    let revisions: [String: ResolvedRevision]

    init(name: String, url: String, history: LoadedHistory, mailmap: String, shallowText: String, revisions: [String: ResolvedRevision]) {
        self.name = name
        self.url = url
        self.history = history
        self.mailmap = mailmap
        self.shallowText = shallowText
        self.revisions = revisions
    }

    package var shallow: Set<ObjectID> {
        Set(shallowText.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: String($0)) })
    }

    /// The commits `spec` resolved to when it was pushed.
    package func resolve(_ spec: String) throws -> ResolvedRevision {
        guard let resolved = revisions[spec] else {
            let known = revisions.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw InputError(
                "\(url): repository '\(name)': revision '\(spec)' was never pushed (pushed: \(known.isEmpty ? "none" : known))")
        }
        return resolved
    }
}

extension ServedRepository {
    /// Loads `repo` whole (one query for its commits); nil when the store does not hold it. Throws
    /// `InputError` (one line naming the URL) when a push older than reading needs left it.
    static func load(_ connection: PostgresConnection, repo: String) throws -> ServedRepository? {
        let url = connection.url.redacted
        let found = try connection.execute("SELECT mailmap, shallow FROM repositories WHERE name = $1", [.text(repo)])
        guard let row = found.first else { return nil }
        guard let mailmap = row[0], let shallow = row[1] else {
            throw InputError("\(url): repository '\(repo)' was pushed by an older workmix: push it again to read it from the store")
        }
        var revisions: [String: ResolvedRevision] = [:]
        try connection.forEachRow("SELECT spec, include, exclude FROM revisions WHERE repo = $1", [.text(repo)]) { row in
            guard let spec = row.text(0), let include = ObjectID.list(raw: row.bytes(1)), let exclude = ObjectID.list(raw: row.bytes(2))
            else { throw InputError("\(url): repository '\(repo)': a revision row is damaged") }
            revisions[spec] = ResolvedRevision(include: include, exclude: exclude)
        }
        let history = try commits(connection, repo: repo, url: url)
        return ServedRepository(name: repo, url: url, history: history, mailmap: mailmap, shallowText: shallow, revisions: revisions)
    }

    private static func commits(_ connection: PostgresConnection, repo: String, url: String) throws -> LoadedHistory {
        var commits: [ObjectID: GitCommit] = [:]
        var changes: [ObjectID: LoadedHistory.EncodedChanges] = [:]
        let sql = """
            SELECT sha, tree, parents, author_name, author_email, author_time, author_offset,
                committer_name, committer_email, committer_time, committer_offset, message,
                changes_base, changes_detail, changes
            FROM commits WHERE repo = $1
            """
        try connection.forEachRow(sql, [.text(repo)]) { row in
            guard let id = ObjectID(raw: row.bytes(0)), let tree = ObjectID(raw: row.bytes(1)),
                let parents = ObjectID.list(raw: row.bytes(2)),
                let authorTime = row.integer(5), let authorOffset = row.integer(6),
                let committerTime = row.integer(9), let committerOffset = row.integer(10)
            else { throw InputError("\(url): repository '\(repo)': a commit row is damaged") }
            commits[id] = GitCommit(
                id: id, parents: parents, tree: tree,
                author: GitSignature(
                    name: row.text(3) ?? "", email: row.text(4) ?? "", time: authorTime,
                    offsetMinutes: Int32(truncatingIfNeeded: authorOffset)),
                committer: GitSignature(
                    name: row.text(7) ?? "", email: row.text(8) ?? "", time: committerTime,
                    offsetMinutes: Int32(truncatingIfNeeded: committerOffset)),
                message: row.text(11) ?? "")
            if let detail = row.integer(13) {
                changes[id] = LoadedHistory.EncodedChanges(
                    base: ObjectID(raw: row.bytes(12)), detail: Int(detail), data: Data(row.bytes(14)))
            }
        }
        return LoadedHistory(repository: nil, commits: commits, encoded: changes, store: nil)
    }
}
