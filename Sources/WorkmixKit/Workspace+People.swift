import WorkmixCore

extension Workspace {
    /// Everyone in the commits the run reads (`targets`, default the run's repositories), merged into
    /// people as the config says: a metadata walk before the classified one, since a person's every
    /// address must be known before the first commit is counted.
    public func census(in targets: [RepositoryTarget]? = nil) throws -> IdentityCensus {
        var census = IdentityCensus(filter: config.participantFilter)
        var gitDirectories: Set<String> = []
        let targets = targets ?? repositories
        // Several repositories may hold the same commits (a fork beside its origin): each counts once.
        var seen: Set<String>? = targets.count > 1 ? [] : nil
        for target in targets {
            var options = miningOptions(diffs: .onDemand)
            options.repoName = target.name
            let miner = try HistoryMiner.open(target, options: options)
            guard gitDirectories.insert(miner.canonicalGitDirectory).inserted else { continue }
            try miner.identities { sha, traces in
                if seen?.insert(sha).inserted == false { return }
                census.add(traces)
            }
        }
        try store?.save()
        return census
    }

    /// The people of `census(in:)`.
    public func people(in targets: [RepositoryTarget]? = nil) throws -> People {
        People(census: try census(in: targets), options: config.peopleOptions)
    }

    /// `ruleContext` with the `resident` matcher knowing every address of the people the residents are
    /// (`ruleContext` alone, for single commits, matches the addresses the config names).
    public func ruleContext(people: People) -> RuleContext {
        var context = ruleContext
        context.isResident = RuleContext.residencies(of: config, people: people).isResident
        return context
    }
}
