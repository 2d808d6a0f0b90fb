import WorkmixCore

/// `workmix report` and `check`: reads what the residencies need and adds it up — each repository
/// once, only the weeks the residencies span, classified with the `resident` matcher live.
public struct ResidencyJob {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// `diffs` decides, given the config, whether line counts are read (churn).
    public func run(
        diffs: (WorkmixConfig) -> DiffPolicy,
        observer: RunObserver? = nil
    ) throws -> (report: ResidencyReport, warnings: [RunWarning]) {
        let defaultRepositories = workspace.repositories.map { NamedRepository(name: $0.name, path: $0.path) }
        var analysis = try ResidencyAnalysis(config: workspace.config, defaultRepositories: defaultRepositories)
        let workspace = self.workspace.narrowed(to: analysis.authoredBounds)
        let targets = analysis.repositories.map { RepositoryTarget(path: $0.path, name: $0.name) }
        // Who is who, from the same commits: a resident named by one address is all of that person's.
        let people = try workspace.people(in: targets)
        analysis = try ResidencyAnalysis(config: workspace.config, defaultRepositories: defaultRepositories, people: people)
        let context = workspace.ruleContext(people: people)
        let policy = diffs(workspace.config)
        observer?.started(counting: workspace.commitCounter(in: targets))
        var warnings: [RunWarning] = []
        let unevaluated = UnevaluatedRuleTally()
        for (index, target) in targets.enumerated() {
            warnings += try workspace.classifyCommits(
                in: [target], diffs: policy, context: context, evidence: false, unevaluated: unevaluated
            ) { commit in
                analysis.add(commit, fromRepositoryAt: index)
                observer?.tick()
            }
        }
        observer?.finished()
        var report = analysis.report()
        report.summary.unevaluated = unevaluated.summary(in: workspace.ruleSet).commits
        return (report, warnings + unevaluated.warnings(in: workspace.ruleSet))
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
