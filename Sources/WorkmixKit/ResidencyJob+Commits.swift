import WorkmixCore
import WorkmixStore

extension ResidencyJob {
    /// The commits `report --commits` lists for the residency called `name` (`scan --residency`), handed to
    /// `emit` as they are counted: the same commits, classified the same way (the `resident` matcher live,
    /// diffs read), in the same order. Throws when the config has no residency of that name.
    package func commits(
        ofResidency name: String, evidence: Bool = false, observer: RunObserver? = nil,
        _ emit: (ClassifiedCommit) throws -> Void
    ) throws -> [RunWarning] {
        let plan = try ResidencyPlan(workspace: workspace, followThrough: false, options: Options(showsChurn: true))
        var census = IdentityCensus(filter: plan.config.participantFilter)
        var seen: Set<String>? = plan.repositories.count > 1 ? [] : nil
        try PeopleJob(workspace: plan.workspace, repositories: plan.repositories).add(to: &census, seen: &seen)
        let people = People(census: census, options: plan.config.peopleOptions)
        var analysis = try plan.tally(people: people).analysis
        guard let residency = analysis.residencyIndex(named: name) else {
            let names = plan.config.residencies.map(\.name).joined(separator: ", ")
            throw InputError(
                "no residency named '\(name)' (residencies: \(names))",
                at: plan.config.file.map { SourceLocation(file: $0) })
        }
        let indexes = analysis.repositoryIndexes(ofResidencyAt: residency)
        let context = plan.workspace.ruleContext(people: people)
        let unevaluated = UnevaluatedRuleTally()
        var warnings: [RunWarning] = []
        let repositories = indexes.map { plan.repositories[$0] }
        observer?.started(counting: ScanJob(workspace: plan.workspace, diffs: plan.policy, repositories: repositories).commitCounter())
        for index in indexes {
            var job = ScanJob(workspace: plan.workspace, diffs: plan.policy, repositories: [plan.repositories[index]])
            job.context = context
            job.evidence = evidence
            job.unevaluated = unevaluated
            warnings += try job.run { commit in
                observer?.tick()
                // Counted by other residencies too, it is still this one's.
                if analysis.add(commit, fromRepositoryAt: index).contains(residency) { try emit(commit) }
            }
        }
        observer?.finished()
        return warnings + unevaluated.warnings(in: workspace.ruleSet)
    }
}
