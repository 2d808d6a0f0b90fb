import WorkmixCore
import WorkmixStore

/// `workmix people`, and who is who for every job that counts people: everyone in the commits of the
/// workspace's repositories (or of `repositories`), merged into people as the config says. A metadata
/// walk before the classified one, since a person's every address must be known before the first
/// commit is counted.
package struct PeopleJob {
    package let workspace: Workspace
    package var repositories: [NamedRepository]

    /// Reads `repositories`, default the workspace's.
    package init(workspace: Workspace, repositories: [NamedRepository]? = nil) {
        self.workspace = workspace
        self.repositories = repositories ?? workspace.repositories
    }

    /// Everyone in the commits, each identity counted once.
    package func census() throws -> IdentityCensus {
        var census = IdentityCensus(filter: workspace.config.participantFilter)
        var seen: Set<String>? = repositories.count > 1 ? [] : nil
        try add(to: &census, seen: &seen)
        return census
    }

    /// The people of `census()`.
    package func people() throws -> People {
        People(census: try census(), options: workspace.config.peopleOptions)
    }

    /// Adds the people of the commits to `census`. With several repositories, `seen` holds the commits
    /// counted so far (several repositories may hold the same commits, a fork beside its origin: each
    /// counts once); `meet` is handed every commit's sha before that test.
    func add(to census: inout IdentityCensus, seen: inout Set<String>?, meeting meet: (String) -> Void = { _ in }) throws {
        for miner in try workspace.openMiners(repositories, mining: workspace.miningOptions(diffs: .onDemand)) {
            try miner.identities { sha, traces in
                meet(sha)
                if seen?.insert(sha).inserted == false { return }
                census.add(traces)
            }
        }
        try workspace.store?.save()
    }

    /// Who authored or co-authored the last `weeks` weeks of the history (counted back from its newest
    /// author date, not from today), for `workmix init`; nil for an empty history. The walk goes newest
    /// committer date first and stops a month of committer dates past the window.
    package func recent(weeks: Int) throws -> (people: People, census: IdentityCensus, from: Timestamp, to: Timestamp)? {
        var recent: [(authored: Timestamp, traces: [IdentityTrace])] = []
        var newest: Timestamp?
        let span = Int64(weeks) * 604_800
        for target in repositories {
            let miner = try HistoryMiner.open(target, options: workspace.miningOptions(diffs: .onDemand))
            try miner.sightings { commit in
                if newest.map({ $0 < commit.authoredAt }) ?? true { newest = commit.authoredAt }
                guard let newest, commit.committedAt >= newest.seconds - span - 30 * 86_400 else { return false }
                recent.append((commit.authoredAt, commit.traces))
                return true
            }
        }
        guard let newest else { return nil }
        let from = Timestamp(seconds: newest.seconds - span, offsetMinutes: 0)
        var census = IdentityCensus(filter: workspace.config.participantFilter)
        for commit in recent where commit.authored >= from { census.add(commit.traces) }
        return (People(census: census, options: workspace.config.peopleOptions), census, from, newest)
    }
}
