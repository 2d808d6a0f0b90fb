import WorkmixCore
import WorkmixStore

/// `workmix config check`, and the warnings `report` and `check` print first: one metadata walk
/// (no diff, no classification) of the whole history of each repository a residency reads.
package struct ConfigReviewJob {
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The config's warnings; none without a config or residencies. `now` tells residencies yet to
    /// start from those that should have commits.
    package func run(now: Timestamp = DateParser.now()) throws -> [ConfigWarning] {
        let config = workspace.config
        guard config.file != nil, !config.residencies.isEmpty else { return [] }
        let defaults = workspace.repositories
        var repositories: [NamedRepository] = []
        for residency in config.residencies {
            for repository in residency.repositories.isEmpty ? defaults : residency.repositories
            where !repositories.contains(where: { $0.path == repository.path }) {
                repositories.append(repository)
            }
        }
        var histories: [String: RepositoryHistory] = [:]
        // Who is active from the earliest window on (and at least the last 12 weeks, for windows yet
        // to come): the walk stops there, so its cost follows the windows, not the whole history.
        let today = now.localDate.daysSinceEpoch
        for repository in repositories {
            let starts = config.residencies.filter { residency in
                (residency.repositories.isEmpty ? defaults : residency.repositories).contains { $0.path == repository.path }
            }.map(\.from.daysSinceEpoch)
            let since = CivilDate.from(daysSinceEpoch: min(starts.min() ?? today, today - 84))
            histories[repository.path] = try history(of: repository, since: since)
        }
        return ConfigReview(config: config, defaultRepositories: defaults, histories: histories, now: now).warnings
    }

    /// Who committed from `since` on (author dates, read in any zone), when the history ends, and
    /// where it starts or a shallow clone cuts it if that is after `since`. The walk goes newest
    /// committer date first, as `git log`, and stops 30 days of committer dates before `since`.
    func history(of target: NamedRepository, since: CivilDate) throws -> RepositoryHistory {
        // From git alone: the review must not open the store, or it would find (and rebuild) a damaged
        // one without a word, before the run that says so; a metadata walk costs little. A repository
        // with no checkout is read from the PostgreSQL store that holds it (reading pushes nothing).
        let served = HistoryMiner.isServed(target, by: workspace.store)
        var options = (served ? workspace : workspace.withoutStore()).miningOptions(diffs: .onDemand)
        options.query.since = nil
        options.query.until = nil
        let miner = try HistoryMiner.open(target, options: options)
        var history = RepositoryHistory(
            name: miner.repoName, census: IdentityCensus(filter: workspace.config.participantFilter), since: since)
        let shallow = miner.warnings.shallow
        // The earliest instant of `since` in any zone (UTC+14), and the walk's end.
        let from = since.daysSinceEpoch * 86_400 - 14 * 3600
        let stop = from - 30 * 86_400
        var first: Timestamp?
        var complete = true
        try miner.sightings { commit in
            if commit.committedAt < stop {
                complete = false
                return false
            }
            if commit.authoredAt.seconds >= from { history.census.add(commit.traces) }
            if first.map({ commit.authoredAt < $0 }) ?? true { first = commit.authoredAt }
            if history.last.map({ $0 < commit.authoredAt }) ?? true { history.last = commit.authoredAt }
            if shallow, commit.isRoot, history.shallowCut.map({ $0 < commit.authoredAt }) ?? true {
                history.shallowCut = commit.authoredAt
            }
            return true
        }
        // Stopped early, the history goes on before `since`: its first commit is no news.
        if complete { history.first = first }
        return history
    }
}
