import Foundation

/// `workmix trace SHA` (SPEC 9): one commit, its areas, and the classified commits that came in each
/// area within the weeks allowed after it, by anyone, with their lags. Those of the next link of the
/// chain (investment after support, maintenance after investment) are the ones follow-through counts.
package struct FollowThroughTrace: Sendable {
    package struct Follower: Sendable {
        package var commit: ClassifiedCommit
        package var lagDays: Double
        /// Of the category that follows the traced commit's in the chain.
        package var isNextLink: Bool
    }

    package struct AreaFollowers: Sendable {
        package var area: String
        package var followers: [Follower]
        /// The area's commits of other categories in the weeks before the traced one (back to the same
        /// time of day), and how many of them a commit of the next kind followed in the area within
        /// the weeks allowed: what would have followed anyway. Nil for a category with no next link.
        package var baseline: FollowedCount?
    }

    package var commit: ClassifiedCommit
    package var scheme: AreaScheme
    package var settings: FollowThroughSettings
    package var areas: [AreaFollowers]

    /// `candidates` are the repository's commits in the weeks before and after `commit` (any order; with
    /// their paths).
    package init(commit: ClassifiedCommit, candidates: [ClassifiedCommit], scheme: AreaScheme, settings: FollowThroughSettings) {
        self.commit = commit
        self.scheme = scheme
        self.settings = settings
        let start = commit.record.authoredAt.seconds
        let next = FollowThroughTally.next(commit.classification.category)
        let window = settings.windowSeconds
        let taking = candidates.filter { candidate in
            let seconds = candidate.record.authoredAt.seconds
            return candidate.record.sha != commit.record.sha && !candidate.classification.skipped && !candidate.record.isMerge
                && candidate.classification.category != .unclassified && abs(seconds - start) <= window
        }.sorted { ($0.record.authoredAt.seconds, $0.record.sha) < ($1.record.authoredAt.seconds, $1.record.sha) }
        let takingAreas = taking.map { Set(scheme.areas(of: $0.record.changeInfo.changes ?? [])) }
        areas = Self.tracedAreas(of: commit, scheme).map { area in
            let here = zip(taking, takingAreas).filter { $0.1.contains(area) }.map(\.0)
            let followers = here.filter { $0.record.authoredAt.seconds > start }.map { candidate in
                Follower(
                    commit: candidate, lagDays: Double(candidate.record.authoredAt.seconds - start) / 86400,
                    isNextLink: candidate.classification.category == next)
            }
            return AreaFollowers(area: area, followers: followers, baseline: next.map { Self.baseline(here, commit, $0, window) })
        }
    }

    /// Of `here` (an area's commits, by date), those before `commit` not of its category, and those of
    /// them a commit of `next` followed within `window` seconds.
    static func baseline(_ here: [ClassifiedCommit], _ commit: ClassifiedCommit, _ next: Category, _ window: Int64) -> FollowedCount {
        let start = commit.record.authoredAt.seconds
        let nextTimes = here.filter { $0.classification.category == next }.map(\.record.authoredAt.seconds)
        var count = FollowedCount()
        for other in here where other.record.authoredAt.seconds < start && other.classification.category != commit.classification.category {
            let seconds = other.record.authoredAt.seconds
            count.commits += 1
            if nextTimes.contains(where: { $0 > seconds && $0 - seconds <= window }) { count.followed += 1 }
        }
        return count
    }

    /// The traced commit's areas; none when it takes no part (a merge, skipped or unclassified).
    package static func tracedAreas(of commit: ClassifiedCommit, _ scheme: AreaScheme) -> [String] {
        let classification = commit.classification
        guard !classification.skipped, !commit.record.isMerge, classification.category != .unclassified else { return [] }
        return scheme.areas(of: commit.record.changeInfo.changes ?? [])
    }

    /// Why the traced commit has no areas, if so.
    package var note: String? {
        if commit.classification.skipped { return "skipped by rule \(commit.classification.ruleID ?? "?"): takes no part" }
        if commit.record.isMerge { return "a merge commit: takes no part" }
        if commit.classification.category == .unclassified { return "unclassified: takes no part" }
        if areas.isEmpty { return "no file of it is in an area" }
        return nil
    }
}

extension FollowThroughTrace {
    /// `investment after support`, `maintenance after investment`, or nil for a category with no next link.
    package static func nextCategory(_ category: Category) -> Category? { FollowThroughTally.next(category) }

    package static func nextLinkName(_ category: Category) -> String? {
        FollowThroughTally.next(category).map { "\($0.rawValue) after \(category.rawValue)" }
    }
}
