import Foundation
import WorkmixCore

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
