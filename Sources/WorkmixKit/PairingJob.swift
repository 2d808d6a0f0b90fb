import WorkmixCore
import WorkmixStore

/// `workmix pairs`: every commit of the run's repositories, classified, added up into pairs.
package struct PairingJob {
    package let workspace: Workspace
    package let diffs: DiffPolicy

    package init(workspace: Workspace, diffs: DiffPolicy) {
        self.workspace = workspace
        self.diffs = diffs
    }

    package func run(_ selection: PairingSelection, observer: RunObserver? = nil) throws -> (report: PairingReport, warnings: [RunWarning]) {
        var job = ScanJob(workspace: workspace, diffs: diffs)
        observer?.started(counting: job.commitCounter())
        // Who is who, from the same commits: a person's every address is known before the first pair.
        let people = try PeopleJob(workspace: workspace).people()
        var aggregator = PairingAggregator(
            filter: workspace.config.participantFilter, people: people,
            distinctCommits: workspace.repositories.count > 1)
        job.context = workspace.ruleContext(people: people)
        job.evidence = false
        let warnings = try job.run { commit in
            aggregator.add(commit)
            observer?.tick()
        }
        observer?.finished()
        return (aggregator.report(selection), warnings)
    }
}
