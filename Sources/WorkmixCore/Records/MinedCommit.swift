/// When a run reads diffs: the one decision every layer follows, made once from the command line.
package enum DiffPolicy: Sendable, Equatable {
    /// Never: rules on files and line counts match nothing (`scan --no-diffs`).
    case none
    /// Only when a rule's verdict depends on them (paths first, line counts if still undecided); output
    /// shows no stats.
    case onDemand
    /// Line counts of every commit, before the rules run; output shows them (`--stats`, churn in reports).
    case always
}

/// A commit as the miner yields it (PyDriller's Commit): its record, with file changes as the run's
/// `DiffPolicy` read them up front, and a way to read more of them when something asks. Classification
/// reads through `changes(_:)`; the record itself is never changed after mining.
package struct MinedCommit {
    package let record: CommitRecord
    private let reader: ChangeReader?

    /// `load` reads the commit's changes at a detail; nil when the run reads no diffs.
    package init(
        record: CommitRecord, load: ((ChangeDetail) -> ChangeInfo)? = nil,
        readManifests: (([FileChange]) -> DependencyChanges?)? = nil
    ) {
        self.record = record
        reader = load.map { ChangeReader(known: record.changeInfo, load: $0) }
        manifestReader = readManifests
    }

    private let manifestReader: (([FileChange]) -> DependencyChanges?)?

    /// What the commit did to its dependencies: nothing for a commit that changed no manifest (no blob
    /// read), the manifests' two versions compared otherwise; nil when the paths or a blob cannot be read.
    package func dependencies() -> DependencyChanges? {
        if let known = record.dependencies { return known }
        guard let changes = changes(.paths).changes else { return nil }
        let manifests = changes.filter { Manifest(path: $0.path) != nil }
        if manifests.isEmpty { return DependencyChanges() }
        return manifestReader?(manifests)
    }

    /// Whether more of the changes can be read than the record holds.
    package var readsChanges: Bool { reader != nil }

    /// The changes read so far.
    package var knownChanges: ChangeInfo { reader?.known ?? record.changeInfo }

    /// The changes with at least `detail` when they can be had (each detail read once), else what is known.
    package func changes(_ detail: ChangeDetail) -> ChangeInfo {
        reader?.read(detail) ?? record.changeInfo
    }
}

/// Reads a commit's changes on demand and keeps the most detailed answer. Used by one thread at a time.
private final class ChangeReader {
    private(set) var known: ChangeInfo
    private let load: (ChangeDetail) -> ChangeInfo

    init(known: ChangeInfo, load: @escaping (ChangeDetail) -> ChangeInfo) {
        self.known = known
        self.load = load
    }

    func read(_ detail: ChangeDetail) -> ChangeInfo {
        if known.canImprove(to: detail) { known = load(detail) }
        return known
    }
}
