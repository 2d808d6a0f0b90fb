import Foundation
import Synchronization
import WorkmixCore
import WorkmixGit

/// One repository's store, loaded for a run: the commits already read (a walk over them reads no git
/// object), their file changes as far as they were read, and what this run read anew, written back
/// by `SQLiteHistoryStore.save`. Commits are looked up by the walk's thread; changes and classifications
/// by the workers', hence the mutex around them.
// @unchecked: the walk's libgit2 repository handle; what threads share is in `state`.
package final class LoadedHistory: CommitSource, @unchecked Sendable {
    struct StoredChanges: Sendable {
        /// The first parent the changes were compared with (nil for a root or a shallow boundary).
        var base: ObjectID?
        var info: ChangeInfo
    }

    /// Changes as stored, decoded when a commit asks (most runs classify from stored verdicts and
    /// never do).
    struct EncodedChanges: Sendable {
        var base: ObjectID?
        var detail: Int
        var data: Data
    }

    struct Pending: Sendable {
        var commits: [GitCommit] = []
        var changes: [(sha: String, base: String, info: ChangeInfo)] = []
        var classifications: [String: [(sha: String, classification: Classification)]] = [:]
        var tips: Set<String> = []
        /// Each revision as the run was given it (`HEAD`, `main`, `a..b`, `--all`), resolved.
        var revisions: [String: ResolvedRevision] = [:]
        var usedDigests: Set<String> = []
        /// Each digest's key, kept beside its verdicts so that a later rule change can reuse them.
        var keys: [String: ClassificationKey] = [:]
        var isEmpty: Bool {
            commits.isEmpty && changes.isEmpty && classifications.isEmpty && tips.isEmpty && usedDigests.isEmpty
                && revisions.isEmpty
        }
    }

    /// Nil for a history read from a PostgreSQL store alone: every commit is then the store's.
    let repository: Repository?
    /// Whether every commit read is to be kept with its line counts, whatever the run asks (a push to
    /// a shared store, whose readers may ask any detail of any commit).
    package var keepsEveryChange = false
    /// What the walk's and the workers' threads share.
    private struct State {
        var commits: [ObjectID: GitCommit]
        var changes: [ObjectID: StoredChanges] = [:]
        var encoded: [ObjectID: EncodedChanges]
        var caches: [String: ClassificationCache] = [:]
        /// Stored commits whose first parent the repository no longer has.
        var damaged: Set<ObjectID> = []
        var pending = Pending()

        /// The stored changes of `id`, decoded once.
        mutating func decoded(_ id: ObjectID) -> StoredChanges? {
            guard let raw = encoded.removeValue(forKey: id), let info = ChangeCoding.decode(raw.data, detail: raw.detail) else {
                return nil
            }
            let stored = StoredChanges(base: raw.base, info: info)
            changes[id] = stored
            return stored
        }
    }

    private let state: Mutex<State>
    /// Where it was loaded from and is saved to: nil for a history read from a PostgreSQL store
    /// alone, which keeps nothing.
    let store: HistoryStore?

    init(repository: Repository?, commits: [ObjectID: GitCommit], encoded: [ObjectID: EncodedChanges], store: HistoryStore?) {
        self.repository = repository
        self.store = store
        state = Mutex(State(commits: commits, encoded: encoded))
    }

    package var storedCommitCount: Int { state.withLock { $0.commits.count } }

    /// The stored commit, else the repository's (kept for the store). A stored commit the repository
    /// no longer has is read from it all the same, to fail as a run without the store would.
    package func commit(_ id: ObjectID) throws -> GitCommit {
        guard let repository else {
            if let commit = state.withLock({ $0.commits[id] }) { return commit }
            throw GitError(code: .notFound, message: "commit \(id.hex) is not in the store", context: "reading the store")
        }
        if let commit = state.withLock({ $0.commits[id] }), repository.contains(id) {
            // Its first parent gone too (a damaged clone): its changes and verdict are read afresh,
            // as a run without the store reads them.
            if let parent = commit.parents.first, !repository.contains(parent) {
                state.withLock { _ = $0.damaged.insert(id) }
            }
            return commit
        }
        let commit = try repository.commit(id)
        state.withLock {
            $0.commits[id] = commit
            $0.pending.commits.append(commit)
        }
        return commit
    }

    /// What is known of a commit's changes against its (possibly cut) first parent.
    package func changes(of commit: GitCommit) -> ChangeInfo {
        guard let stored = state.withLock({ $0.damaged.contains(commit.id) ? nil : $0.changes[commit.id] ?? $0.decoded(commit.id) }),
            stored.base == commit.parents.first
        else {
            return .notComputed
        }
        return stored.info
    }

    /// Keeps changes read from the repository, when they are worth keeping (paths or line counts).
    package func note(changes info: ChangeInfo, of commit: GitCommit) {
        guard ChangeCoding.detail(of: info) != nil else { return }
        let base = commit.parents.first
        state.withLock { state in
            if let known = state.changes[commit.id] ?? state.decoded(commit.id), known.base == base, !known.info.canImprove(to: .lines) {
                return
            }
            state.changes[commit.id] = StoredChanges(base: base, info: info)
            state.pending.changes.append((commit.id.hex, base?.hex ?? "", info))
        }
    }

    package func note(tips: [ObjectID]) {
        state.withLock { $0.pending.tips.formUnion(tips.map(\.hex)) }
    }

    package func note(revision spec: String, _ resolved: ResolvedRevision) {
        state.withLock { $0.pending.revisions[spec] = resolved }
    }

    /// The classifications made under `key`, loaded once. A digest with none yet (the rules changed)
    /// also gets the verdicts of the latest digest with the same base, for `reuse` to spare the
    /// rules that did not change.
    package func classifications(for key: ClassificationKey, reuse: (([String]) -> RuleReuse)?) -> ClassificationCache {
        let digest = key.digest
        return state.withLock { state in
            state.pending.usedDigests.insert(digest)
            state.pending.keys[digest] = key
            if let cache = state.caches[digest] { return cache }
            let known = store?.verdicts(under: digest) ?? [:]
            let earlier =
                known.isEmpty
                ? reuse.flatMap { reuse in store?.earlierVerdicts(base: key.base, excluding: digest).map { (reuse($0.rules), $0.verdicts) } }
                : nil
            let cache = ClassificationCache(
                known: known, earlier: earlier,
                isDamaged: { [weak self] id in self?.state.withLock { $0.damaged.contains(id) } ?? false },
                added: { [weak self] sha, classification in
                    self?.state.withLock { $0.pending.classifications[digest, default: []].append((sha, classification)) }
                })
            state.caches[digest] = cache
            return cache
        }
    }

    /// Hands over what was read anew, for saving.
    func takePending() -> Pending {
        state.withLock { state in
            defer { state.pending = Pending() }
            return state.pending
        }
    }
}

/// A revision as a run was given it, resolved: the commits it includes and excludes, in order.
package struct ResolvedRevision: Equatable, Sendable {
    package var include: [ObjectID] = []
    package var exclude: [ObjectID] = []

    package init(include: [ObjectID] = [], exclude: [ObjectID] = []) {
        self.include = include
        self.exclude = exclude
    }
}

/// A digest's classifications, by commit id: those stored and those made by this run; and the
/// verdicts of an earlier digest with the same base, when the rules changed.
package final class ClassificationCache: Sendable {
    private let known: Mutex<[ObjectID: Classification]>
    private let earlier: (reuse: RuleReuse, verdicts: [ObjectID: Classification])?
    private let added: @Sendable (String, Classification) -> Void
    private let isDamaged: @Sendable (ObjectID) -> Bool

    init(
        known: [ObjectID: Classification], earlier: (reuse: RuleReuse, verdicts: [ObjectID: Classification])?,
        isDamaged: @escaping @Sendable (ObjectID) -> Bool, added: @escaping @Sendable (String, Classification) -> Void
    ) {
        self.known = Mutex(known)
        self.earlier = earlier
        self.isDamaged = isDamaged
        self.added = added
    }

    package func lookup(_ sha: String) -> Classification? {
        guard let id = ObjectID(hex: sha), !isDamaged(id) else { return nil }
        return known.withLock { $0[id] }
    }

    /// The commit's verdict under the earlier rules (never for a damaged commit: read afresh).
    package func earlierVerdict(_ sha: String) -> EarlierVerdict? {
        guard let earlier, let id = ObjectID(hex: sha), !isDamaged(id), let verdict = earlier.verdicts[id] else { return nil }
        return EarlierVerdict(verdict, reuse: earlier.reuse)
    }

    package func add(_ sha: String, _ classification: Classification) {
        guard let id = ObjectID(hex: sha) else { return }
        known.withLock { $0[id] = classification }
        added(sha, classification)
    }
}
