import WorkmixCore
import WorkmixStore

extension Workspace {
    /// Everyone in the commits the run reads (`targets`, default the run's repositories), merged into
    /// people as the config says: a metadata walk before the classified one, since a person's every
    /// address must be known before the first commit is counted.
    public func census(in targets: [RepositoryTarget]? = nil) throws -> IdentityCensus {
        var census = IdentityCensus(filter: config.participantFilter)
        var seen: Set<String>? = (targets ?? repositories).count > 1 ? [] : nil
        try addPeople(of: targets, to: &census, seen: &seen)
        return census
    }

    /// Adds the people of the commits of `targets` to `census`. With several repositories, `seen` holds
    /// the commits counted so far (several repositories may hold the same commits, a fork beside its
    /// origin: each counts once); `meet` is handed every commit's sha before that test.
    func addPeople(
        of targets: [RepositoryTarget]?, to census: inout IdentityCensus, seen: inout Set<String>?,
        meeting meet: (String) -> Void = { _ in }
    ) throws {
        var gitDirectories: Set<String> = []
        for target in targets ?? repositories {
            let miner = try HistoryMiner.open(target, options: miningOptions(diffs: .onDemand))
            guard gitDirectories.insert(miner.canonicalGitDirectory).inserted else { continue }
            try miner.identities { sha, traces in
                meet(sha)
                if seen?.insert(sha).inserted == false { return }
                census.add(traces)
            }
        }
        try store?.save()
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

extension Workspace {
    /// Who authored or co-authored the last `weeks` weeks of the history (counted back from its newest
    /// author date, not from today), for `workmix init`; nil for an empty history. The walk goes newest
    /// committer date first and stops a month of committer dates past the window.
    public func recentPeople(weeks: Int) throws -> (people: People, census: IdentityCensus, from: Timestamp, to: Timestamp)? {
        var recent: [(authored: Timestamp, traces: [IdentityTrace])] = []
        var newest: Timestamp?
        let span = Int64(weeks) * 604_800
        for target in repositories {
            let miner = try HistoryMiner.open(target, options: miningOptions(diffs: .onDemand))
            try miner.sightings { commit in
                if newest.map({ $0 < commit.authoredAt }) ?? true { newest = commit.authoredAt }
                guard let newest, commit.committedAt >= newest.seconds - span - 30 * 86_400 else { return false }
                recent.append((commit.authoredAt, commit.traces))
                return true
            }
        }
        guard let newest else { return nil }
        let from = Timestamp(seconds: newest.seconds - span, offsetMinutes: 0)
        var census = IdentityCensus(filter: config.participantFilter)
        for commit in recent where commit.authored >= from { census.add(commit.traces) }
        return (People(census: census, options: config.peopleOptions), census, from, newest)
    }
}
