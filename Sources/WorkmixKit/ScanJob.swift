import WorkmixCore

/// Reads every repository in turn and hands each commit, classified, to `emit`; returns the warnings.
public struct ScanJob {
    public var repositories: [RepositoryTarget]
    public var mining: MiningOptions
    public var includeSkipped = false
    public var classify: @Sendable (inout CommitRecord, ChangeLoader) -> Classification

    public init(
        repositories: [RepositoryTarget], mining: MiningOptions,
        classify: @escaping @Sendable (inout CommitRecord, ChangeLoader) -> Classification = { _, _ in .unclassified }
    ) {
        self.repositories = repositories
        self.mining = mining
        self.classify = classify
    }

    public func run(_ emit: (ClassifiedCommit) throws -> Void) throws -> [String] {
        var warnings: [String] = []
        // Open every repository first: a bad path fails before any output is written.
        // The same repository named twice (`p`, `./p/`, `p/.git`) is read once; worktrees of one
        // repository have git directories (and HEADs) of their own, so they stay apart.
        var gitDirectories: Set<String> = []
        let miners = try repositories.compactMap { target -> HistoryMiner? in
            var options = mining
            options.repoName = target.name
            let miner = try HistoryMiner(path: target.path, options: options)
            return gitDirectories.insert(miner.canonicalGitDirectory).inserted ? miner : nil
        }
        // And resolve every revision first: an unknown one in the last repository fails before the
        // first repository's rows are out.
        for miner in miners { try miner.checkRevisions() }
        for miner in miners {
            let classify = self.classify
            let asked = mining.fileChanges
            try miner.run(
                { record, loader -> ClassifiedCommit in
                    let classification = classify(&record, loader)
                    // File changes read for the rules are not output: only those the run asked for.
                    record.changeInfo = record.changeInfo.forOutput(asked: asked)
                    return ClassifiedCommit(record: record, classification: classification)
                },
                emit: { commit in
                    if commit.classification.skipped && !includeSkipped { return }
                    try emit(commit)
                })
            let prefix = miners.count > 1 ? "\(miner.repoName): " : ""
            warnings += miner.warnings.messages.map { prefix + $0 }
        }
        return warnings
    }
}

/// A repository to read, and the name its records carry.
public struct RepositoryTarget: Sendable, Equatable {
    public var path: String
    public var name: String?
    public init(path: String, name: String? = nil) {
        self.path = path
        self.name = name
    }
}
