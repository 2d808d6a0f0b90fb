import Foundation

extension FollowThroughCollector {
    /// Counts and lags of a tally; with a residency, also the marks of its chart (days from its first day).
    func result(of tally: FollowThroughTally, residency: Int?) -> FollowThroughResult {
        var result = FollowThroughResult(
            scheme: scheme, settings: settings,
            supportToInvestment: link(tally.sources[.support] ?? [:], lift: lift(.support, tally.counted)),
            investmentToMaintenance: link(tally.sources[.investment] ?? [:], lift: lift(.investment, tally.counted)))
        let origin = residency.map { windowStart(residencies[$0]) }
        if let residency {
            let days = residencies[residency].to.daysSinceEpoch - residencies[residency].from.daysSinceEpoch + 1
            result.spanDays = Double(days + Int64(settings.weeks) * 7)
        }
        func day(_ commit: Int) -> Double { Double(commits[commit].seconds - (origin ?? 0)) / 86400 }
        let keys = tally.areas.keys.sorted {
            (repositoryNames[$0.repo], areaNames[$0.area], $0.repo) < (repositoryNames[$1.repo], areaNames[$1.area], $1.repo)
        }
        for key in keys {
            guard let sets = tally.areas[key] else { continue }
            var area = FollowThroughArea(repo: repositoryNames[key.repo], area: areaNames[key.area])
            area.support = sets.own[.support]?.count ?? 0
            area.investment = sets.own[.investment]?.count ?? 0
            area.maintenance = sets.own[.maintenance]?.count ?? 0
            area.investmentAfterSupport = sets.after[.investment]?.count ?? 0
            area.maintenanceAfterInvestment = sets.after[.maintenance]?.count ?? 0
            (area.supportFollowed, area.supportBaseline) = counts(.support, sets)
            (area.investmentFollowed, area.investmentBaseline) = counts(.investment, sets)
            if origin != nil {
                area.supportMarks = (sets.own[.support] ?? []).map { commit in
                    FollowThroughMark(day: day(commit), followedDay: sets.firstFollower[commit].map(day))
                }.sorted { ($0.day, $0.followedDay ?? -1) < ($1.day, $1.followedDay ?? -1) }
                area.investmentDays = (sets.after[.investment] ?? []).map(day).sorted()
            }
            result.areas.append(area)
        }
        return result
    }

    private func link(_ sources: [Int: Int64?], lift: FollowThroughLift) -> FollowThroughLink {
        let lags = sources.values.compactMap { $0 }.map { Double($0) / 86400 }
        return FollowThroughLink(commits: sources.count, followed: lags.count, lagDays: LagQuartiles(lags), lift: lift)
    }

    /// The link from `source` against the other counted commits, with its permutation test.
    private func lift(_ source: Category, _ counted: [Int: Set<Category>]) -> FollowThroughLift {
        guard let target = FollowThroughTally.next(source) else { return FollowThroughLift() }
        // By date, sha and repository, so that the shuffles depend neither on a dictionary's order nor on
        // the order commits came in.
        let order = counted.keys.sorted {
            (commits[$0].seconds, commits[$0].sha, repositoryNames[commits[$0].repo])
                < (commits[$1].seconds, commits[$1].sha, repositoryNames[commits[$1].repo])
        }
        return LiftTest.run(
            isSource: order.map { commits[$0].category == source },
            followed: order.map { counted[$0]?.contains(target) ?? false },
            permutations: settings.permutations, link: source.rawValue)
    }

    /// The area's own commits of `source` followed in it by the next kind, and its other own commits likewise.
    private func counts(_ source: Category, _ sets: FollowThroughTally.AreaSets) -> (FollowedCount, FollowedCount) {
        guard let target = FollowThroughTally.next(source) else { return (.init(), .init()) }
        let followed = sets.followedBy[target] ?? []
        var own = FollowedCount(), other = FollowedCount()
        for (category, members) in sets.own {
            let hits = members.intersection(followed).count
            if category == source {
                own.commits += members.count
                own.followed += hits
            } else {
                other.commits += members.count
                other.followed += hits
            }
        }
        return (own, other)
    }

    /// Midnight of the residency's first day in its timezone, in seconds since the epoch.
    func windowStart(_ residency: Residency) -> Int64 {
        let midnightUTC = residency.from.daysSinceEpoch * 86400
        let offset = residency.timezone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(midnightUTC)))
        return midnightUTC - Int64(offset)
    }
}
