import WorkmixCore
import WorkmixStore

/// Reads every repository in turn and hands each commit, classified, to `emit`; returns the warnings.
public struct ScanJob {
    public var repositories: [RepositoryTarget]
    public var mining: MiningOptions
    public var includeSkipped = false
    /// Classifies a commit, given its verdict under other rules when the store has one.
    public var classify: @Sendable (MinedCommit, EarlierVerdict?) -> Classification
    /// Called with every commit's classification, made or stored.
    public var observe: @Sendable (String, Classification) -> Void = { _, _ in }
    /// What decides classifications (rules, model, config, version, diff policy), when they may be
    /// kept in the store; nil to classify every commit afresh.
    public var classificationKey: ClassificationKey?
    /// The rules `classify` applies, so that verdicts stored under other rules spare the unchanged ones
    /// (`RuleReuse`); nil to hand `classify` no earlier verdict.
    public var ruleSet: RuleSet?

    public init(
        repositories: [RepositoryTarget], mining: MiningOptions,
        classify: @escaping @Sendable (MinedCommit, EarlierVerdict?) -> Classification = { _, _ in .unclassified }
    ) {
        self.repositories = repositories
        self.mining = mining
        self.classify = classify
    }

    public func run(_ emit: (ClassifiedCommit) throws -> Void) throws -> [RunWarning] {
        var warnings: [RunWarning] = []
        // Open every repository first: a bad path fails before any output is written.
        // The same repository named twice (`p`, `./p/`, `p/.git`) is read once; worktrees of one
        // repository have git directories (and HEADs) of their own, so they stay apart.
        var gitDirectories: Set<String> = []
        let miners = try repositories.compactMap { target -> HistoryMiner? in
            var options = mining
            options.repoName = target.name
            let miner = try HistoryMiner.open(target, options: options)
            return gitDirectories.insert(miner.canonicalGitDirectory).inserted ? miner : nil
        }
        // And resolve every revision first: an unknown one in the last repository fails before the
        // first repository's rows are out.
        for miner in miners { try miner.checkRevisions() }
        for miner in miners {
            let classify = self.classify, observe = self.observe
            let cache = classificationKey.flatMap { key in
                miner.stored?.classifications(
                    for: key.including(miner.classificationInputs),
                    reuse: ruleSet.map { ruleSet in { RuleReuse(earlier: $0, current: ruleSet) } })
            }
            // The mined record is the output: classification reads changes through the commit and
            // leaves the record as the diff policy made it.
            try miner.run(
                { commit in
                    let sha = commit.record.sha
                    let classification: Classification
                    if let known = cache?.lookup(sha) {
                        classification = known
                    } else {
                        classification = classify(commit, cache?.earlierVerdict(sha))
                        // Objects missing now may be fetched later, and a regex that gave up may not
                        // give up under other limits: such verdicts are not kept.
                        if commit.knownChanges.isComplete && classification.unevaluated.isEmpty {
                            cache?.add(sha, classification)
                        }
                    }
                    observe(sha, classification)
                    return ClassifiedCommit(record: commit.record, classification: classification)
                },
                emit: { commit in
                    if commit.classification.skipped && !includeSkipped { return }
                    try emit(commit)
                })
            warnings += miner.warnings.warnings(repository: miners.count > 1 ? miner.repoName : nil)
        }
        return warnings
    }
}

/// A repository to read, and the name its records carry.
public struct RepositoryTarget: Sendable, Equatable {
    public var path: String
    public var name: String?
    /// Revisions to read here instead of the query's (a report resuming from its checkpoint reads
    /// only the commits since: `new ^old`).
    public var revisions: [String]?

    public init(path: String, name: String? = nil, revisions: [String]? = nil) {
        self.path = path
        self.name = name
        self.revisions = revisions
    }
}
