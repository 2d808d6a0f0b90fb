import Foundation

/// The resident's work together with one team member.
package struct ResidencyPairing: Hashable, Sendable {
    package var partner: Person
    package var work: CategoryTallies

    package init(partner: Person, work: CategoryTallies) {
        self.partner = partner
        self.work = work
    }

    package var commits: Int { work.total.commits }
}

/// One residency's work, set against its plan (SPEC 6).
package struct ResidencyResult: Sendable {
    package var residency: Residency
    /// The repositories read for it, by name.
    package var repositories: [String]
    /// The residents as their commits name them (or as the config does, when they have none).
    package var residents: [Person]
    package var measure: WorkmixConfig.Measure
    /// Every commit of the window that the resident or a team member took part in, once each.
    package var work: CategoryTallies
    /// Commits the resident authored.
    package var own: CategoryTallies
    /// Commits the resident took part in with at least one other participant.
    package var paired: CategoryTallies
    /// One per team member, most commits first; members never paired with appear with zero.
    package var pairings: [ResidencyPairing]
    /// `work` week by week across the window (see `ResidencyWeek`), for the timeline.
    package var weeks: [ResidencyWeek]
    /// What its support and investment led to (SPEC 9), when the run asked for it.
    package var followThrough: FollowThroughResult?
    /// Where the window stands on the report's date (SPEC 10); `ended` unless the report says otherwise.
    package var status = ResidencyStatus.ended
    /// `check --strict`: a running residency off plan fails.
    package var strict = false
    /// The day (in the residency's timezone) before which a shallow clone of one of its repositories
    /// holds no commit, when it has one.
    package var shallowCut: CivilDate?
    /// The counted commits, in the order they were read, when the run asked for them (`report --commits`).
    package var commits: [CountedCommit]?

    package init(
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

    package var name: String { residency.name }

    /// Share per category by `measure` (see `CategoryTallies.share(of:measure:)` for what each is a share of).
    package func share(of category: Category) -> Double { work.share(of: category, measure: measure) }

    /// The plan per assignable category (absent ones planned at 0), or empty when there is no plan.
    package var plan: [Category: Double] {
        guard !residency.plan.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: Category.assignable.map { ($0, residency.plan[$0] ?? 0) })
    }

    /// Actual share minus planned share, per planned category.
    package var delta: [Category: Double] {
        plan.reduce(into: [:]) { $0[$1.key] = share(of: $1.key) - $1.value }
    }

    package var verdict: ResidencyVerdict {
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
package struct ResidencyReport: Sendable {
    package var residencies: [ResidencyResult]
    package var summary: ResidencySummary
    /// The date statuses are read on (`--as-of`, default now); nil for a report made without one.
    package var asOf: AsOf?

    package init(residencies: [ResidencyResult], summary: ResidencySummary, asOf: AsOf? = nil) {
        self.residencies = residencies
        self.summary = summary
        self.asOf = asOf
    }

    package var passed: Bool { residencies.allSatisfy(\.verdict.passed) }
}

/// Across residencies: how many passed, and their work with each commit counted once even when two
/// residencies overlap.
package struct ResidencySummary: Sendable {
    package var measure: WorkmixConfig.Measure
    package var work: CategoryTallies
    /// Residencies whose figures (so far) keep to the plan.
    package var passed: [String]
    /// Residencies `check` fails.
    package var failed: [String]
    /// Running residencies off plan so far, not failed (no `--strict`).
    package var offPlanSoFar: [String] = []
    /// Residencies whose window has not started.
    package var upcoming: [String] = []
    /// Follow-through of all residencies, each commit once (SPEC 9), when the run asked for it.
    package var followThrough: FollowThroughResult?
    /// Commits on which the regex engine could not decide a rule (see `UnevaluatedRules`).
    package var unevaluated = 0

    package init(measure: WorkmixConfig.Measure, work: CategoryTallies, passed: [String], failed: [String]) {
        self.measure = measure
        self.work = work
        self.passed = passed
        self.failed = failed
    }

    package var residencyCount: Int { passed.count + failed.count + offPlanSoFar.count + upcoming.count }

    /// Sorts residencies by their verdicts into the four lists.
    package mutating func judge(_ results: [ResidencyResult]) {
        let verdicts = results.map { ($0.name, $0.verdict) }
        passed = verdicts.filter { $0.1.status != .upcoming && $0.1.onPlan }.map(\.0)
        failed = verdicts.filter { $0.1.fails }.map(\.0)
        offPlanSoFar = verdicts.filter { !$0.1.onPlan && !$0.1.fails }.map(\.0)
        upcoming = verdicts.filter { $0.1.status == .upcoming }.map(\.0)
    }
    package var verdictLabel: String { failed.isEmpty ? "pass" : "fail" }
    package func share(of category: Category) -> Double { work.share(of: category, measure: measure) }
}
