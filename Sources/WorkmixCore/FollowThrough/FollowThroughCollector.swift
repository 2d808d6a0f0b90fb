import Foundation

/// A commit as follow-through keeps it: where and when, its category and areas, and which residencies
/// count it (its window, its people) or may be followed by it (`by: team`: its people).
package struct FollowThroughCommit: Sendable {
    package var sha: String
    package var repo: Int
    package var seconds: Int64
    package var category: Category
    /// Indices into `FollowThroughCollector.areaNames`, sorted.
    package var areas: [Int]
    /// Residencies that count the commit as their own work.
    package var counted: [Int]
    /// Residencies whose resident or a team member took part.
    package var team: [Int]

    package init(sha: String, repo: Int, seconds: Int64, category: Category, areas: [Int], counted: [Int], team: [Int]) {
        self.sha = sha
        self.repo = repo
        self.seconds = seconds
        self.category = category
        self.areas = areas
        self.counted = counted
        self.team = team
    }
}

/// Collects, one classified commit at a time, what follow-through needs (SPEC 9): for each commit of the
/// residencies' repositories that is investment, maintenance or support (merges, skipped and
/// unclassified commits take no part), its areas, date and people. Commits after the windows are
/// handed in too: what the work led to after the resident left is the point. `result(...)` matches
/// them up (see FollowThroughMatcher.swift).
package struct FollowThroughCollector: Sendable {
    package let scheme: AreaScheme
    package let settings: FollowThroughSettings
    package let residencies: [Residency]
    /// Per residency, the indices of the repositories it reads.
    let readers: [[Int]]
    package let repositoryNames: [String]
    /// Who counts, remembered per spelling (the filter runs regular expressions).
    private var participants: ParticipantVerdicts
    let people: People
    // What it has kept, which a report saves and a later run takes up again (SPEC 8): WorkmixStore
    // encodes it, hence `package`, settable.
    package var commits: [FollowThroughCommit] = []
    package var areaNames: [String] = []
    package var areaIDs: [String: Int] = [:]
    package var seen: [Set<String>]
    package var countedShas: [Set<String>]

    /// `repositories` are those the run reads, in the order `add(_:fromRepositoryAt:)` refers to them
    /// (`ResidencyAnalysis.repositories`); `defaultRepositories` serve residencies that name none.
    package init(
        config: WorkmixConfig, repositories: [NamedRepository], defaultRepositories: [NamedRepository],
        people: People = People()
    ) {
        scheme = config.areas
        settings = config.followThrough
        residencies = config.residencies.map { $0.identified(by: people) }
        let keys = repositories.map(\.identity)
        readers = config.residencies.map { residency in
            let own = Set((residency.repositories.isEmpty ? defaultRepositories : residency.repositories).map(\.identity))
            return keys.indices.filter { own.contains(keys[$0]) }
        }
        repositoryNames = repositories.map(\.displayName)
        participants = ParticipantVerdicts(config.participantFilter)
        self.people = people
        seen = Array(repeating: [], count: repositories.count)
        countedShas = Array(repeating: [], count: config.residencies.count)
    }

    /// Keeps the commit if it can take part: a support commit only as some residency's own (it can
    /// only be followed), investment and maintenance also as work that follows.
    package mutating func add(_ commit: ClassifiedCommit, fromRepositoryAt repo: Int) {
        let record = commit.record, category = commit.classification.category
        guard !commit.classification.skipped, !record.isMerge, category != .unclassified,
            repositoryNames.indices.contains(repo), let changes = record.changeInfo.changes
        else { return }
        let readersHere = residencies.indices.filter { readers[$0].contains(repo) }
        guard !readersHere.isEmpty, !seen[repo].contains(record.sha) else { return }
        let persons = participants.participants(of: record).map(people.resolve)
        var counted: [Int] = [], team: [Int] = []
        for index in readersHere {
            let residency = residencies[index]
            guard persons.contains(where: { residency.isResident($0) || residency.isTeamMember($0) }) else { continue }
            team.append(index)
            // A fork read beside its origin repeats commits: a residency counts each sha once.
            if residency.contains(record.authoredAt), !countedShas[index].contains(record.sha) { counted.append(index) }
        }
        // Support is only ever followed; with `by: team`, a commit no team took part in follows nothing.
        guard !counted.isEmpty || (category != .support && (settings.by == .anyone || !team.isEmpty)) else { return }
        let names = scheme.areas(of: changes)
        guard !names.isEmpty else { return }
        seen[repo].insert(record.sha)
        for index in counted { countedShas[index].insert(record.sha) }
        let areas = names.map { name -> Int in
            if let id = areaIDs[name] { return id }
            areaNames.append(name)
            areaIDs[name] = areaNames.count - 1
            return areaNames.count - 1
        }.sorted()
        commits.append(
            FollowThroughCommit(
                sha: record.sha, repo: repo, seconds: record.authoredAt.seconds,
                category: category, areas: areas, counted: counted, team: team))
    }
}
