import Foundation

/// The resident's work together with one team member.
public struct ResidencyPairing: Hashable, Sendable {
    public var partner: Person
    public var work: CategoryTallies

    public init(partner: Person, work: CategoryTallies) {
        self.partner = partner
        self.work = work
    }

    public var commits: Int { work.total.commits }
}

/// One residency's work, set against its plan (SPEC 6).
public struct ResidencyResult: Sendable {
    public var residency: Residency
    /// The repositories read for it, by name.
    public var repositories: [String]
    /// The residents as their commits name them (or as the config does, when they have none).
    public var residents: [Person]
    public var measure: WorkmixConfig.Measure
    /// Every commit of the window that the resident or a team member took part in, once each.
    public var work: CategoryTallies
    /// Commits the resident authored.
    public var own: CategoryTallies
    /// Commits the resident took part in with at least one other participant.
    public var paired: CategoryTallies
    /// One per team member, most commits first; members never paired with appear with zero.
    public var pairings: [ResidencyPairing]
    /// `work` week by week across the window (see `ResidencyWeek`), for the timeline.
    public var weeks: [ResidencyWeek]
    /// What its support and investment led to (SPEC 9), when the run asked for it.
    public var followThrough: FollowThroughResult?
    /// Where the window stands on the report's date (SPEC 10); `ended` unless the report says otherwise.
    public var status = ResidencyStatus.ended
    /// `check --strict`: a running residency off plan fails.
    public var strict = false
    /// The day (in the residency's timezone) before which a shallow clone of one of its repositories
    /// holds no commit, when it has one.
    public var shallowCut: CivilDate?
    /// The counted commits, in the order they were read, when the run asked for them (`report --commits`).
    public var commits: [CountedCommit]?

    public init(
        residency: Residency, repositories: [String], residents: [Person], measure: WorkmixConfig.Measure,
        work: CategoryTallies, own: CategoryTallies, paired: CategoryTallies, pairings: [ResidencyPairing],
        weeks: [ResidencyWeek]? = nil
    ) {
        self.residency = residency
        self.repositories = repositories
        self.residents = residents
        self.measure = measure
        self.work = work
        self.own = own
        self.paired = paired
        self.pairings = pairings
        self.weeks = weeks ?? ResidencyWeek.weeks(of: residency)
    }

    public var name: String { residency.name }

    /// Share per category by `measure` (see `CategoryTallies.share(of:measure:)` for what each is a share of).
    public func share(of category: Category) -> Double { work.share(of: category, measure: measure) }

    /// The plan per assignable category (absent ones planned at 0), or empty when there is no plan.
    public var plan: [Category: Double] {
        guard !residency.plan.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: Category.assignable.map { ($0, residency.plan[$0] ?? 0) })
    }

    /// Actual share minus planned share, per planned category.
    public var delta: [Category: Double] {
        plan.reduce(into: [:]) { $0[$1.key] = share(of: $1.key) - $1.value }
    }

    public var verdict: ResidencyVerdict {
        var verdict = ResidencyVerdict.judge(
            residency: residency, totalCommits: work.total.commits,
            shares: Dictionary(uniqueKeysWithValues: Category.assignable.map { ($0, share(of: $0)) }),
            unclassifiedShare: share(of: .unclassified), status: status, shallowCut: shallowCut)
        // With no commit at all, that is the one thing to say.
        if status != .upcoming && work.total.commits > 0 { verdict.findings += followThroughFindings + liftFindings }
        verdict.strict = strict
        return verdict
    }
}

/// Every residency of the config, and what they add up to.
public struct ResidencyReport: Sendable {
    public var residencies: [ResidencyResult]
    public var summary: ResidencySummary
    /// The date statuses are read on (`--as-of`, default now); nil for a report made without one.
    public var asOf: AsOf?

    public init(residencies: [ResidencyResult], summary: ResidencySummary, asOf: AsOf? = nil) {
        self.residencies = residencies
        self.summary = summary
        self.asOf = asOf
    }

    public var passed: Bool { residencies.allSatisfy(\.verdict.passed) }
}

/// Across residencies: how many passed, and their work with each commit counted once even when two
/// residencies overlap.
public struct ResidencySummary: Sendable {
    public var measure: WorkmixConfig.Measure
    public var work: CategoryTallies
    /// Residencies whose figures (so far) keep to the plan.
    public var passed: [String]
    /// Residencies `check` fails.
    public var failed: [String]
    /// Running residencies off plan so far, not failed (no `--strict`).
    public var offPlanSoFar: [String] = []
    /// Residencies whose window has not started.
    public var upcoming: [String] = []
    /// Follow-through of all residencies, each commit once (SPEC 9), when the run asked for it.
    public var followThrough: FollowThroughResult?
    /// Commits on which the regex engine could not decide a rule (see `UnevaluatedRules`).
    public var unevaluated = 0

    public init(measure: WorkmixConfig.Measure, work: CategoryTallies, passed: [String], failed: [String]) {
        self.measure = measure
        self.work = work
        self.passed = passed
        self.failed = failed
    }

    public var residencyCount: Int { passed.count + failed.count + offPlanSoFar.count + upcoming.count }

    /// Sorts residencies by their verdicts into the four lists.
    public mutating func judge(_ results: [ResidencyResult]) {
        let verdicts = results.map { ($0.name, $0.verdict) }
        passed = verdicts.filter { $0.1.status != .upcoming && $0.1.onPlan }.map(\.0)
        failed = verdicts.filter { $0.1.fails }.map(\.0)
        offPlanSoFar = verdicts.filter { !$0.1.onPlan && !$0.1.fails }.map(\.0)
        upcoming = verdicts.filter { $0.1.status == .upcoming }.map(\.0)
    }
    public var verdictLabel: String { failed.isEmpty ? "pass" : "fail" }
    public func share(of category: Category) -> Double { work.share(of: category, measure: measure) }
}
