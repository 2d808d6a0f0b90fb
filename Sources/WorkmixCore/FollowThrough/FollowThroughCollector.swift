import Foundation

/// A commit as follow-through keeps it: where and when, its category and areas, and which residencies
/// count it (its window, its people) or may be followed by it (`by: team`: its people).
struct FollowThroughCommit: Sendable {
    var sha: String
    var repo: Int
    var seconds: Int64
    var category: Category
    /// Indices into `FollowThroughCollector.areaNames`, sorted.
    var areas: [Int]
    /// Residencies that count the commit as their own work.
    var counted: [Int]
    /// Residencies whose resident or a team member took part.
    var team: [Int]
}

/// Collects, one classified commit at a time, what follow-through needs (SPEC 9): for each commit of the
/// residencies' repositories that is investment, maintenance or support (merges, skipped and
/// unclassified commits take no part), its areas, date and people. Commits after the windows are
/// handed in too: what the work led to after the resident left is the point. `result(...)` matches
/// them up (see FollowThroughMatcher.swift).
package struct FollowThroughCollector: Sendable {
    package let scheme: AreaScheme
    package let settings: FollowThroughSettings
    let residencies: [Residency]
    /// Per residency, the indices of the repositories it reads.
    let readers: [[Int]]
    let repositoryNames: [String]
    /// Who counts, remembered per spelling (the filter runs regular expressions).
    private var participants: ParticipantVerdicts
    let people: People
    private(set) var commits: [FollowThroughCommit] = []
    private(set) var areaNames: [String] = []
    private var areaIDs: [String: Int] = [:]
    private var seen: [Set<String>]
    private var countedShas: [Set<String>]

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

extension FollowThroughCollector {
    /// What the collector has kept, for a report's checkpoint (SPEC 8), packed a column per field. The
    /// result orders commits by date and sha and areas by name, so the order commits came in does not
    /// matter.
    package struct Checkpoint: Codable, Sendable {
        var shas: PackedStrings
        var repos: PackedIntegers
        var seconds: PackedIntegers
        /// Numbers in `Category.allCases`.
        var categories: PackedIntegers
        var areas: PackedIntegers
        var counted: PackedIntegers
        var team: PackedIntegers
        var areaNames: PackedStrings
    }

    package var checkpoint: Checkpoint {
        Checkpoint(
            shas: PackedStrings(commits.lazy.map(\.sha)), repos: PackedIntegers(commits.lazy.map(\.repo)),
            seconds: PackedIntegers(commits.lazy.map { Int($0.seconds) }),
            categories: PackedIntegers(commits.lazy.map { Category.allCases.firstIndex(of: $0.category) ?? 0 }),
            areas: PackedIntegers(lists: commits.lazy.map(\.areas)),
            counted: PackedIntegers(lists: commits.lazy.map(\.counted)), team: PackedIntegers(lists: commits.lazy.map(\.team)),
            areaNames: PackedStrings(areaNames))
    }

    /// Takes up what a checkpoint kept; false when it was made for other repositories or residencies,
    /// or does not hold together.
    package mutating func restore(_ checkpoint: Checkpoint) -> Bool {
        guard let shas = checkpoint.shas.strings, let repos = checkpoint.repos.values, let seconds = checkpoint.seconds.values,
            let numbers = checkpoint.categories.values, numbers.allSatisfy(Category.allCases.indices.contains),
            let areas = checkpoint.areas.lists, let counted = checkpoint.counted.lists, let team = checkpoint.team.lists,
            let areaNames = checkpoint.areaNames.strings,
            [repos.count, seconds.count, numbers.count, areas.count, counted.count, team.count].allSatisfy({ $0 == shas.count }),
            repos.allSatisfy(repositoryNames.indices.contains), areas.joined().allSatisfy(areaNames.indices.contains),
            (counted + team).joined().allSatisfy(residencies.indices.contains)
        else { return false }
        let categories = numbers.map { Category.allCases[$0] }
        commits = shas.indices.map { index in
            FollowThroughCommit(
                sha: shas[index], repo: repos[index], seconds: Int64(seconds[index]), category: categories[index],
                areas: areas[index], counted: counted[index], team: team[index])
        }
        self.areaNames = areaNames
        areaIDs = Dictionary(areaNames.enumerated().map { ($1, $0) }) { first, _ in first }
        // What it has seen and counted is its commits: each is kept once per repository, when counted.
        seen = seen.map { _ in [] }
        countedShas = countedShas.map { _ in [] }
        for commit in commits {
            seen[commit.repo].insert(commit.sha)
            for index in commit.counted { countedShas[index].insert(commit.sha) }
        }
        return true
    }
}
