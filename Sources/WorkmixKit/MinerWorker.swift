import Dispatch
import Foundation
import WorkmixCore
import WorkmixGit
import WorkmixStore

/// What one thread needs to turn commits into records: its own repository handle (libgit2 handles are
/// not for sharing across threads) and its own identity cache. A worker is used by one thread at a
/// time; from one batch to the next that may be another thread, never two at once.
// @unchecked: it owns a libgit2 repository handle, used by one thread at a time as said above.
final class MinerWorker: @unchecked Sendable {
    /// Nil when commits are read from a PostgreSQL store alone: their changes are the store's.
    let repository: Repository?
    private let resolver: IdentityResolver
    private let coAuthorParser: CoAuthorParser
    private let repoName: String
    private let diffs: DiffPolicy
    /// Changes read before, and where changes read now are kept.
    let stored: LoadedHistory?

    init(repository: Repository?, mailmap: Mailmap, options: MiningOptions, repoName: String, stored: LoadedHistory? = nil) {
        self.repository = repository
        self.stored = stored
        resolver = IdentityResolver(mailmap: mailmap, identities: options.identities)
        coAuthorParser = CoAuthorParser(keys: options.pairTrailers)
        self.repoName = repoName
        diffs = options.diffs
    }

    struct Output<T: Sendable>: Sendable {
        var value: T
        var statsUnavailable: Bool
    }

    func process<T: Sendable>(_ commit: GitCommit, _ transform: (MinedCommit) -> T) -> Output<T> {
        let always = diffs == .always
        // A push keeps every commit's line counts, for readers that will ask what this run does not.
        if !always, stored?.keepsEveryChange == true { _ = readChanges(of: commit, detail: .lines) }
        let record = self.record(commit, changes: always ? readChanges(of: commit, detail: .lines) : .notComputed)
        let loader = diffs == .none ? nil : ChangeLoader(worker: self, commit: commit)
        let value = transform(
            MinedCommit(record: record, load: loader?.load, readManifests: loader.map { _ in { self.dependencies(of: commit, $0) } }))
        return Output(value: value, statsUnavailable: always && record.changeInfo.stats == nil)
    }

    func record(_ commit: GitCommit, changes: ChangeInfo) -> CommitRecord {
        let author = resolver.resolve(Person(name: commit.author.name, email: commit.author.email))
        let committer = resolver.resolve(Person(name: commit.committer.name, email: commit.committer.email))
        let message = MessageLines(commit.message)
        let (subject, body) = message.parts
        return CommitRecord(
            repo: repoName,
            sha: commit.id.hex,
            parents: commit.parents.map(\.hex),
            author: author,
            committer: committer,
            authoredAt: Timestamp(seconds: commit.author.time, offsetMinutes: commit.author.offsetMinutes),
            committedAt: Timestamp(seconds: commit.committer.time, offsetMinutes: commit.committer.offsetMinutes),
            subject: subject,
            body: body,
            trailers: TrailerParser.parse(message),
            coAuthors: resolver.coAuthors(coAuthorParser.people(in: message), author: author),
            changeInfo: changes
        )
    }

    /// The people of a commit at each step of identity resolution, author first (for the census).
    func traces(of commit: GitCommit) -> [IdentityTrace] {
        resolver.traces(
            author: Person(name: commit.author.name, email: commit.author.email),
            coAuthors: coAuthorParser.people(in: MessageLines(commit.message)))
    }

    /// File changes at the detail asked for, from the store when it has them, else from the repository
    /// (and then kept in the store).
    func readChanges(of commit: GitCommit, detail: ChangeDetail) -> ChangeInfo {
        if let stored {
            let known = stored.changes(of: commit)
            if !known.canImprove(to: detail) { return ChangeCoding.narrowed(known, to: detail) }
        }
        let info = changes(of: commit, detail: detail)
        stored?.note(changes: info, of: commit)
        return info
    }

    /// File changes at the detail asked for: `.unavailable` when a tree cannot be read,
    /// `.linesUnavailable` (paths kept) when only a blob cannot.
    func changes(of commit: GitCommit, detail: ChangeDetail, paths: [TreeChange]? = nil) -> ChangeInfo {
        guard let repository, let treeChanges = paths ?? (try? repository.treeChanges(of: commit)) else { return .unavailable }
        let listed = treeChanges.map { FileChange(path: $0.path, status: Self.status($0.status)) }
        guard detail == .lines else { return .paths(listed) }
        do {
            return .computed(
                try treeChanges.map { change in
                    let counted = try repository.fileChange(change, context: commit.id.hex)
                    return FileChange(
                        path: counted.path, oldPath: counted.oldPath, status: Self.status(counted.status),
                        insertions: counted.insertions, deletions: counted.deletions, binary: counted.binary)
                })
        } catch {
            return .linesUnavailable(listed)
        }
    }

    /// The changed manifests' two versions compared; nil when a side that should be there cannot be read.
    func dependencies(of commit: GitCommit, _ manifests: [FileChange]) -> DependencyChanges? {
        guard let repository else { return nil }
        var found = DependencyChanges()
        for change in manifests {
            guard let manifest = Manifest(path: change.path) else { continue }
            let new = change.status == .deleted ? nil : repository.fileContent(at: change.path, in: commit.id)
            let old = change.status == .added ? nil : repository.fileContent(at: change.oldPath ?? change.path, in: commit.id, inParent: true)
            if (change.status != .deleted && new == nil) || (change.status != .added && old == nil) { return nil }
            found.compare(
                manifest, path: change.path, old: old.map { String(decoding: $0, as: UTF8.self) },
                new: new.map { String(decoding: $0, as: UTF8.self) })
        }
        return found
    }

    static func status(_ status: GitFileChange.Status) -> FileChange.Status {
        FileChange.Status(rawValue: status.rawValue) ?? .modified
    }
}

/// Reads one commit's file changes when a rule asks, on the worker's thread; the tree comparison is
/// kept so that asking for lines after paths does not compare the trees again.
final class ChangeLoader {
    private let worker: MinerWorker
    private let commit: GitCommit
    private var treeChanges: [TreeChange]?

    init(worker: MinerWorker, commit: GitCommit) {
        self.worker = worker
        self.commit = commit
    }

    func load(_ detail: ChangeDetail) -> ChangeInfo {
        if let stored = worker.stored {
            let known = stored.changes(of: commit)
            if !known.canImprove(to: detail) { return ChangeCoding.narrowed(known, to: detail) }
        }
        if treeChanges == nil { treeChanges = try? worker.repository?.treeChanges(of: commit) }
        guard let treeChanges else { return .unavailable }
        let info = worker.changes(of: commit, detail: detail, paths: treeChanges)
        worker.stored?.note(changes: info, of: commit)
        return info
    }
}
