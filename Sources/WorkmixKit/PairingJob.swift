import WorkmixCore
import WorkmixStore

/// `workmix pairs`: every commit of the run's repositories, classified, added up into pairs.
public struct PairingJob {
    public let workspace: Workspace
    public let diffs: DiffPolicy

    public init(workspace: Workspace, diffs: DiffPolicy) {
        self.workspace = workspace
        self.diffs = diffs
    }

    public func run(_ selection: PairingSelection, observer: RunObserver? = nil) throws -> (report: PairingReport, warnings: [RunWarning]) {
        observer?.started(counting: workspace.commitCounter())
        // Who is who, from the same commits: a person's every address is known before the first pair.
        let people = try workspace.people()
        var aggregator = PairingAggregator(
            filter: workspace.config.participantFilter, people: people,
            distinctCommits: workspace.repositories.count > 1)
        let warnings = try workspace.classifyCommits(
            diffs: diffs, context: workspace.ruleContext(people: people),
            evidence: false
        ) { commit in
            aggregator.add(commit)
            observer?.tick()
        }
        observer?.finished()
        return (aggregator.report(selection), warnings)
    }
}
