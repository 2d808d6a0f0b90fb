import WorkmixCore
import WorkmixStore

extension ResidencyJob {
    /// The commits `report --commits` lists for the residency called `name` (`scan --residency`), handed to
    /// `emit` as they are counted: the same commits, classified the same way (the `resident` matcher live,
    /// diffs read), in the same order. Throws when the config has no residency of that name.
    public func commits(
        ofResidency name: String, evidence: Bool = false, observer: RunObserver? = nil,
        _ emit: (ClassifiedCommit) throws -> Void
    ) throws -> [RunWarning] {
        let plan = try ResidencyPlan(workspace: workspace, diffs: { _ in .always }, followThrough: false)
        var census = IdentityCensus(filter: plan.config.participantFilter)
        var seen: Set<String>? = plan.targets.count > 1 ? [] : nil
        try plan.workspace.addPeople(of: plan.targets, to: &census, seen: &seen)
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
        observer?.started(counting: plan.workspace.commitCounter(in: indexes.map { plan.targets[$0] }))
        for index in indexes {
            warnings += try plan.workspace.classifyCommits(
                in: [plan.targets[index]], diffs: plan.policy, context: context, evidence: evidence, unevaluated: unevaluated
            ) { commit in
                observer?.tick()
                // Counted by other residencies too, it is still this one's.
                if analysis.add(commit, fromRepositoryAt: index).contains(residency) { try emit(commit) }
            }
        }
        observer?.finished()
        return warnings + unevaluated.warnings(in: workspace.ruleSet)
    }
}
