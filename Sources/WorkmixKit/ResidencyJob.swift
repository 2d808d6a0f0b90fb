import WorkmixCore
import WorkmixStore

/// `workmix report` and `check`: reads what the residencies need and adds it up — each repository
/// once, only the weeks the residencies span, classified with the `resident` matcher live. With a
/// store folder, a clean run leaves a checkpoint, and the next run over the same config, rules and
/// repositories reads only the commits since (SPEC 8).
package struct ResidencyJob {
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// How the report is judged and what it lists (SPEC 10).
    package struct Options: Sendable {
        /// The date statuses are read on; nil judges every residency as ended.
        package var asOf: AsOf?
        /// A running residency off plan fails (`check --strict`).
        package var strict = false
        /// List each residency's counted commits (`report --commits`): every commit is read again, as a
        /// checkpoint keeps sums, not commits.
        package var commits = false
        /// Churn is shown, whatever the plans measure (a report, a check's step summary): diffs are read.
        package var showsChurn = false

        package init(asOf: AsOf? = nil, strict: Bool = false, commits: Bool = false, showsChurn: Bool = false) {
            self.asOf = asOf
            self.strict = strict
            self.commits = commits
            self.showsChurn = showsChurn
        }
    }

    /// Line counts are read when churn is shown or measured (`measure: churn`). Follow-through (SPEC 9)
    /// is computed when `followThrough` asks or a plan sets `min_follow_through` or `min_lift`; it needs
    /// the paths of every commit, and the weeks after the windows.
    package func run(
        followThrough wanted: Bool = false, options: Options = Options(), observer: RunObserver? = nil
    ) throws -> (report: ResidencyReport, warnings: [RunWarning]) {
        let plan = try ResidencyPlan(workspace: workspace, followThrough: wanted, options: options)
        // A checkpoint keeps sums over every commit read, not lists, and not as of another day.
        let ledger = options.commits || options.asOf?.isGiven == true ? nil : CheckpointLedger(plan: plan)
        if let ledger, let resumed = try resume(plan, from: ledger, observer: observer) { return resumed }
        // Who is who, from the same commits: a resident named by one address is all of that person's.
        var census = IdentityCensus(filter: plan.config.participantFilter)
        var seen: Set<String>? = plan.repositories.count > 1 ? [] : nil
        try PeopleJob(workspace: plan.workspace, repositories: plan.repositories).add(to: &census, seen: &seen)
        let people = People(census: census, options: plan.config.peopleOptions)
        var tally = try plan.tally(people: people)
        observer?.started(counting: ScanJob(workspace: plan.workspace, diffs: plan.policy, repositories: plan.repositories).commitCounter())
        try tally.read(plan.repositories, in: plan.workspace, policy: plan.policy, people: people, observer: observer)
        observer?.finished()
        if tally.isClean { ledger?.save(census: census, seen: seen, tally: tally, resumed: false) }
        return tally.report(ruleSet: workspace.ruleSet, plan: plan)
    }
}

/// What a report reads, worked out once from the config: the repositories, the weeks (the windows,
/// and with follow-through the weeks after them) and the diff policy.
struct ResidencyPlan {
    /// The run's workspace narrowed to the weeks the residencies can use.
    let workspace: Workspace
    let defaultRepositories: [NamedRepository]
    /// Every repository some residency reads, once each (`ResidencyAnalysis.repositories`).
    let repositories: [NamedRepository]
    let followThrough: Bool
    let policy: DiffPolicy
    let options: ResidencyJob.Options
    var config: WorkmixConfig { workspace.config }

    init(workspace: Workspace, followThrough wanted: Bool, options: ResidencyJob.Options = ResidencyJob.Options()) throws {
        self.options = options
        defaultRepositories = workspace.repositories
        let analysis = try ResidencyAnalysis(config: workspace.config, defaultRepositories: defaultRepositories)
        followThrough = wanted || workspace.config.residencies.contains { $0.minFollowThrough != nil || $0.minLift != nil }
        var bounds = analysis.authoredBounds
        // What the work led to after the resident left is the point: read the weeks after the windows.
        if followThrough { bounds.to = Timestamp(seconds: bounds.to.seconds + workspace.config.followThrough.windowSeconds, offsetMinutes: 0) }
        self.workspace = workspace.narrowed(to: bounds)
        repositories = analysis.repositories
        // Follow-through needs every commit's paths: one walk with line counts reads them; churn shown
        // or measured needs line counts.
        policy = followThrough || options.showsChurn || workspace.config.measure == .churn ? .always : .onDemand
    }

    /// An empty tally that knows who is who.
    func tally(people: People) throws -> ResidencyTally {
        var analysis = try ResidencyAnalysis(config: config, defaultRepositories: defaultRepositories, people: people)
        if options.commits { analysis.collectCommits() }
        analysis.cut(at: options.asOf)
        return ResidencyTally(
            analysis: analysis,
            collector: followThrough
                ? FollowThroughCollector(
                    config: config, repositories: repositories, defaultRepositories: defaultRepositories, people: people)
                : nil)
    }
}

/// The residencies' work and follow-through, added up one classified commit at a time.
struct ResidencyTally {
    var analysis: ResidencyAnalysis
    var collector: FollowThroughCollector?
    let unevaluated = UnevaluatedRuleTally()
    var warnings: [RunWarning] = []
    /// Commits read and classified by this run.
    var commitsRead = 0

    /// Classifies the commits of `repositories` (in `ResidencyPlan.repositories` order) and counts them.
    mutating func read(
        _ repositories: [NamedRepository], in workspace: Workspace, policy: DiffPolicy, people: People, observer: RunObserver?
    ) throws {
        let context = workspace.ruleContext(people: people)
        for (index, repository) in repositories.enumerated() {
            var job = ScanJob(workspace: workspace, diffs: policy, repositories: [repository])
            job.context = context
            job.evidence = false
            job.unevaluated = unevaluated
            warnings += try job.run { commit in
                analysis.add(commit, fromRepositoryAt: index)
                collector?.add(commit, fromRepositoryAt: index)
                commitsRead += 1
                observer?.tick()
            }
        }
    }

    /// Whether a later run may add to this tally: no rule gave up and nothing went unread (missing
    /// objects may be fetched later), so a run over the same commits would count them the same.
    var isClean: Bool {
        unevaluated.commitCount == 0
            && warnings.allSatisfy { if case .shallowClone = $0 { return true } else { return false } }
    }

    func report(ruleSet: RuleSet, plan: ResidencyPlan) -> (report: ResidencyReport, warnings: [RunWarning]) {
        var report = analysis.report(asOf: plan.options.asOf, strict: plan.options.strict, shallowCuts: plan.shallowCuts())
        if let collector {
            report.attach(collector.result())
            report.summary.judge(report.residencies)
        }
        let gaveUp = unevaluated.summary(in: ruleSet)
        report.summary.unevaluated = gaveUp.commits
        return (report, warnings + gaveUp.warnings)
    }
}

extension Workspace {
    /// This workspace reading only commits authored within `bounds` where the query sets no bound of
    /// its own: commits outside every residency's window count nowhere, so they are left out of the
    /// walk before their diffs are read.
    func narrowed(to bounds: (from: Timestamp, to: Timestamp)) -> Workspace {
        var query = options.query
        if query.since == nil { query.since = .instant(bounds.from) }
        if query.until == nil { query.until = .instant(bounds.to) }
        return with(query: query)
    }
}
