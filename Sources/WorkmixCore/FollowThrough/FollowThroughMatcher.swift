import Foundation

/// Where a commit's areas are: one area of one repository.
struct AreaKey: Hashable, Sendable {
    var repo: Int
    var area: Int
}

/// The commits that may follow, per area and category, in author-date order (ties by sha).
struct FollowerIndex {
    private var lists: [Category: [AreaKey: [Int]]] = [:]
    let commits: [FollowThroughCommit]

    init(commits: [FollowThroughCommit]) {
        self.commits = commits
        for (index, commit) in commits.enumerated() where commit.category != .support {
            for area in commit.areas {
                lists[commit.category, default: [:]][AreaKey(repo: commit.repo, area: area), default: []].append(index)
            }
        }
        for category in lists.keys {
            lists[category] = lists[category]?.mapValues { list in
                list.sorted { (commits[$0].seconds, commits[$0].sha) < (commits[$1].seconds, commits[$1].sha) }
            }
        }
    }

    func list(_ category: Category, _ key: AreaKey) -> [Int] { lists[category]?[key] ?? [] }

    /// The position in `list` of the first commit authored after `seconds`.
    func firstAfter(_ seconds: Int64, in list: [Int]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if commits[list[middle]].seconds <= seconds { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// One residency's commits and what followed them, as sets of commit indices (so that the summary
/// can count each commit once across residencies).
struct FollowThroughTally {
    struct AreaSets {
        var own: [Category: Set<Int>] = [:]
        var after: [Category: Set<Int>] = [:]
        /// Each own commit's first follower in this area.
        var firstFollower: [Int: Int] = [:]
        /// Own commits, of any category, followed in this area by a commit of the key's category.
        var followedBy: [Category: Set<Int>] = [:]
    }

    /// The categories whose commits follow: investment (after support), maintenance (after investment).
    static let targets: [Category] = [.investment, .maintenance]
    /// Every counted commit, with the categories that followed it in one of its areas (the baselines).
    var counted: [Int: Set<Category>] = [:]

    /// Per source category (support, investment): each counted commit and its lag in seconds, nil when
    /// nothing followed it.
    var sources: [Category: [Int: Int64?]] = [.support: [:], .investment: [:]]
    var areas: [AreaKey: AreaSets] = [:]

    /// The category whose commits follow `category`'s: support → investment → maintenance.
    static func next(_ category: Category) -> Category? {
        switch category {
        case .support: return .investment
        case .investment: return .maintenance
        case .maintenance, .unclassified: return nil
        }
    }

    /// Adds another residency's tally: commits once each, a commit followed when it was in either, at
    /// the shorter lag.
    mutating func merge(_ other: FollowThroughTally) {
        counted.merge(other.counted) { $0.union($1) }
        for (category, entries) in other.sources {
            for (commit, lag) in entries {
                if case .some(.some(let existing)) = sources[category]?[commit], lag.map({ $0 >= existing }) ?? true { continue }
                sources[category, default: [:]][commit] = .some(lag)
            }
        }
        for (key, sets) in other.areas {
            for (category, commits) in sets.own { areas[key, default: AreaSets()].own[category, default: []].formUnion(commits) }
            for (category, commits) in sets.after { areas[key, default: AreaSets()].after[category, default: []].formUnion(commits) }
            for (category, commits) in sets.followedBy {
                areas[key, default: AreaSets()].followedBy[category, default: []].formUnion(commits)
            }
        }
    }
}

extension FollowThroughCollector {
    /// Follow-through per residency (config order) and for all of them, each commit counted once.
    package func result() -> (residencies: [FollowThroughResult], summary: FollowThroughResult) {
        let index = FollowerIndex(commits: commits)
        var summary = FollowThroughTally()
        var results: [FollowThroughResult] = []
        for residency in residencies.indices {
            let tally = self.tally(residency, index)
            summary.merge(tally)
            results.append(result(of: tally, residency: residency))
        }
        return (results, result(of: summary, residency: nil))
    }

    private func eligible(_ commit: Int, for residency: Int) -> Bool {
        settings.by == .anyone || commits[commit].team.contains(residency)
    }

    func tally(_ residency: Int, _ index: FollowerIndex) -> FollowThroughTally {
        var tally = FollowThroughTally()
        for (source, commit) in commits.enumerated() where commit.counted.contains(residency) {
            let next = FollowThroughTally.next(commit.category)
            var first: Int?
            var followedBy: Set<Category> = []
            for area in commit.areas {
                let key = AreaKey(repo: commit.repo, area: area)
                tally.areas[key, default: .init()].own[commit.category, default: []].insert(source)
                // Every counted commit is looked at for both kinds that follow: the link's own, and the baseline's.
                for target in FollowThroughTally.targets {
                    guard let follower = firstFollower(of: commit, by: target, in: key, index, residency) else { continue }
                    followedBy.insert(target)
                    tally.areas[key]?.followedBy[target, default: []].insert(source)
                    guard target == next else { continue }
                    tally.areas[key]?.firstFollower[source] = follower
                    if first.map({ commits[follower].seconds < commits[$0].seconds }) ?? true { first = follower }
                }
            }
            tally.counted[source] = followedBy
            guard next != nil else { continue }
            // `.some(nil)`: a commit nothing followed is kept, with no lag.
            let lag: Int64? = first.map { commits[$0].seconds - commit.seconds }
            tally.sources[commit.category, default: [:]][source] = .some(lag)
        }
        for key in tally.areas.keys {
            for source in [Category.support, .investment] {
                guard let target = FollowThroughTally.next(source),
                    let own = tally.areas[key]?.own[source], !own.isEmpty
                else { continue }
                let after = followers(
                    of: own.map { commits[$0].seconds }.sorted(), in: index.list(target, key),
                    index: index, residency: residency)
                tally.areas[key]?.after[target] = after
            }
        }
        return tally
    }

    /// The first commit of `target` in the area within the window after `commit` that may follow it.
    private func firstFollower(
        of commit: FollowThroughCommit, by target: Category, in key: AreaKey, _ index: FollowerIndex, _ residency: Int
    ) -> Int? {
        let list = index.list(target, key)
        var position = index.firstAfter(commit.seconds, in: list)
        while position < list.count, commits[list[position]].seconds - commit.seconds <= settings.windowSeconds {
            let follower = list[position]
            position += 1
            if eligible(follower, for: residency) { return follower }
        }
        return nil
    }

    /// The commits of `list` authored within the window after one of `times` (sorted), each once.
    private func followers(of times: [Int64], in list: [Int], index: FollowerIndex, residency: Int) -> Set<Int> {
        guard let earliest = times.first, let latest = times.last else { return [] }
        var found: Set<Int> = []
        var position = index.firstAfter(earliest, in: list)
        var source = 0
        while position < list.count, commits[list[position]].seconds - latest <= settings.windowSeconds {
            let follower = list[position]
            let seconds = commits[follower].seconds
            position += 1
            // The latest source before this follower: the one it is closest after.
            while source + 1 < times.count, times[source + 1] < seconds { source += 1 }
            if seconds - times[source] <= settings.windowSeconds, eligible(follower, for: residency) { found.insert(follower) }
        }
        return found
    }
}
