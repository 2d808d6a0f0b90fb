import WorkmixCore

/// `workmix config check`, and the warnings `report` and `check` print first: one metadata walk
/// (no diff, no classification) of the whole history of each repository a residency reads.
public struct ConfigReviewJob {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The config's warnings; none without a config or residencies. `now` tells residencies yet to
    /// start from those that should have commits.
    public func run(now: Timestamp = DateParser.now()) throws -> [ConfigWarning] {
        let config = workspace.config
        guard config.file != nil, !config.residencies.isEmpty else { return [] }
        let defaults = workspace.repositories.map { NamedRepository(name: $0.name, path: $0.path) }
        var repositories: [NamedRepository] = []
        for residency in config.residencies {
            for repository in residency.repositories.isEmpty ? defaults : residency.repositories
            where !repositories.contains(where: { $0.path == repository.path }) {
                repositories.append(repository)
            }
        }
        var histories: [String: RepositoryHistory] = [:]
        for repository in repositories {
            histories[repository.path] = try history(of: RepositoryTarget(path: repository.path, name: repository.name))
        }
        return ConfigReview(config: config, defaultRepositories: defaults, histories: histories, now: now).warnings
    }

    /// Who committed, when the history starts and ends, and where a shallow clone cuts it: the
    /// revisions the run reads, at every date (`--since`/`--until` aside).
    func history(of target: RepositoryTarget) throws -> RepositoryHistory {
        var options = workspace.miningOptions(diffs: .onDemand)
        options.query.since = nil
        options.query.until = nil
        let miner = try HistoryMiner.open(target, options: options)
        var history = RepositoryHistory(name: miner.repoName, census: IdentityCensus(filter: workspace.config.participantFilter))
        let shallow = miner.warnings.shallow
        try miner.sightings { commit in
            history.census.add(commit.traces)
            if history.first.map({ commit.authoredAt < $0 }) ?? true { history.first = commit.authoredAt }
            if history.last.map({ $0 < commit.authoredAt }) ?? true { history.last = commit.authoredAt }
            if shallow, commit.isRoot, history.shallowCut.map({ $0 < commit.authoredAt }) ?? true {
                history.shallowCut = commit.authoredAt
            }
        }
        try workspace.store?.save()
        return history
    }
}
