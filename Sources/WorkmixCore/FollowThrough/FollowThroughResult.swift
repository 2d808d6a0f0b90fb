import Foundation

/// The 25th, 50th and 75th percentiles of lags in days, by linear interpolation between the closest
/// ranks (R's type 7, numpy's default): the median of an even count is the mean of the middle two.
package struct LagQuartiles: Sendable, Equatable {
    package var p25: Double
    package var median: Double
    package var p75: Double

    package init(p25: Double, median: Double, p75: Double) {
        self.p25 = p25
        self.median = median
        self.p75 = p75
    }

    /// Nil for no lags.
    package init?(_ lags: [Double]) {
        guard !lags.isEmpty else { return nil }
        let sorted = lags.sorted()
        func quantile(_ p: Double) -> Double {
            let rank = Double(sorted.count - 1) * p
            let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
            return sorted[low] + (rank - Double(low)) * (sorted[high] - sorted[low])
        }
        self.init(p25: quantile(0.25), median: quantile(0.5), p75: quantile(0.75))
    }
}

/// One link of the chain: support → investment, or investment → maintenance.
package struct FollowThroughLink: Sendable, Equatable {
    /// Commits of the first kind (with at least one area) that the residency counts.
    package var commits: Int
    /// Those followed, within the weeks allowed, by a commit of the next kind in one of their areas.
    package var followed: Int
    /// Days from each followed commit to the first that followed it; nil when none was followed.
    package var lagDays: LagQuartiles?
    /// Against the residency's other counted commits.
    package var lift: FollowThroughLift

    package init(commits: Int = 0, followed: Int = 0, lagDays: LagQuartiles? = nil, lift: FollowThroughLift = .init()) {
        self.commits = commits
        self.followed = followed
        self.lagDays = lagDays
        self.lift = lift
    }

    /// `followed` of `commits`; 0 when there are none.
    package var share: Double { commits == 0 ? 0 : Double(followed) / Double(commits) }
}

/// A commit on an area's timeline, in days from the residency's first day (midnight in its timezone),
/// with the day of the first commit of the next kind that followed it in that area, if any.
package struct FollowThroughMark: Sendable, Equatable {
    package var day: Double
    package var followedDay: Double?

    package init(day: Double, followedDay: Double? = nil) {
        self.day = day
        self.followedDay = followedDay
    }
}

/// What happened in one area of one repository (SPEC 9's `areas` entries).
package struct FollowThroughArea: Sendable, Equatable {
    package var repo: String
    package var area: String
    /// The residency's own commits touching the area, by category.
    package var support = 0
    package var investment = 0
    package var maintenance = 0
    /// Investment commits in the area within the weeks allowed after one of the residency's support
    /// commits in it (each once), by the team or anyone as configured; likewise maintenance.
    package var investmentAfterSupport = 0
    package var maintenanceAfterInvestment = 0
    /// The residency's support commits in the area followed by investment in it, and its other commits
    /// in the area likewise (the baseline); the same for investment followed by maintenance.
    package var supportFollowed = FollowedCount()
    package var supportBaseline = FollowedCount()
    package var investmentFollowed = FollowedCount()
    package var investmentBaseline = FollowedCount()
    /// For the chart: the residency's support commits in the area, and the investment that came after.
    package var supportMarks: [FollowThroughMark] = []
    package var investmentDays: [Double] = []

    package init(repo: String, area: String) {
        self.repo = repo
        self.area = area
    }
}

/// Follow-through of one residency, or of all of them (SPEC 9).
package struct FollowThroughResult: Sendable, Equatable {
    package var scheme: AreaScheme
    package var settings: FollowThroughSettings
    package var supportToInvestment: FollowThroughLink
    package var investmentToMaintenance: FollowThroughLink
    /// Every area the residency's support, investment or maintenance touched, by repository then area.
    package var areas: [FollowThroughArea]
    /// The chart's span in days from the residency's first day: the window and the weeks after it.
    package var spanDays: Double

    package init(
        scheme: AreaScheme, settings: FollowThroughSettings, supportToInvestment: FollowThroughLink = .init(),
        investmentToMaintenance: FollowThroughLink = .init(), areas: [FollowThroughArea] = [], spanDays: Double = 0
    ) {
        self.scheme = scheme
        self.settings = settings
        self.supportToInvestment = supportToInvestment
        self.investmentToMaintenance = investmentToMaintenance
        self.areas = areas
        self.spanDays = spanDays
    }

    /// `folders at depth 2 · within 8 weeks · by the resident or the team`, for headings.
    package var description: String {
        "areas: \(scheme.summary) · within \(settings.weeks) week\(settings.weeks == 1 ? "" : "s") · by "
            + (settings.by == .team ? "the resident or the team" : "anyone")
    }
}
