import WorkmixCore

/// `workmix report` and `check`: reads what the residencies need and adds it up — each repository
/// once, only the weeks the residencies span, classified with the `resident` matcher live.
public struct ResidencyJob {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// `diffs` decides, given the config, whether line counts are read (churn). Follow-through (SPEC 9)
    /// is computed when `followThrough` asks or a plan sets `min_follow_through`; it needs the paths of
    /// every commit, and the weeks after the windows.
    public func run(
        diffs: (WorkmixConfig) -> DiffPolicy, followThrough wanted: Bool = false,
        observer: RunObserver? = nil
    ) throws -> (report: ResidencyReport, warnings: [RunWarning]) {
        let defaultRepositories = workspace.repositories.map { NamedRepository(name: $0.name, path: $0.path) }
        var analysis = try ResidencyAnalysis(config: workspace.config, defaultRepositories: defaultRepositories)
        let followThrough = wanted || workspace.config.residencies.contains { $0.minFollowThrough != nil }
        var bounds = analysis.authoredBounds
        // What the work led to after the resident left is the point: read the weeks after the windows.
        if followThrough { bounds.to = Timestamp(seconds: bounds.to.seconds + workspace.config.followThrough.windowSeconds, offsetMinutes: 0) }
        let workspace = self.workspace.narrowed(to: bounds)
        let targets = analysis.repositories.map { RepositoryTarget(path: $0.path, name: $0.name) }
        // Who is who, from the same commits: a resident named by one address is all of that person's.
        let people = try workspace.people(in: targets)
        analysis = try ResidencyAnalysis(config: workspace.config, defaultRepositories: defaultRepositories, people: people)
        let context = workspace.ruleContext(people: people)
        // Follow-through needs every commit's paths: one walk with line counts reads them.
        let policy = followThrough ? .always : diffs(workspace.config)
        var collector =
            followThrough
            ? FollowThroughCollector(
                config: workspace.config, repositories: analysis.repositories, defaultRepositories: defaultRepositories, people: people)
            : nil
        observer?.started(counting: workspace.commitCounter(in: targets))
        var warnings: [RunWarning] = []
        let unevaluated = UnevaluatedRuleTally()
        for (index, target) in targets.enumerated() {
            warnings += try workspace.classifyCommits(
                in: [target], diffs: policy, context: context, evidence: false, unevaluated: unevaluated
            ) { commit in
                analysis.add(commit, fromRepositoryAt: index)
                collector?.add(commit, fromRepositoryAt: index)
                observer?.tick()
            }
        }
        observer?.finished()
        var report = analysis.report()
        if let collector { report.attach(collector.result()) }
        let gaveUp = unevaluated.summary(in: workspace.ruleSet)
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
