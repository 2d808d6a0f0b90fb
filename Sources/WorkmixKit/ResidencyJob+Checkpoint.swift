import WorkmixCore
import WorkmixStore

extension ResidencyJob {
    /// The report from the ledger's checkpoint and the commits since, read from git alone; nil when the
    /// checkpoint cannot be added to exactly, and the run reads everything. The commits since may
    /// change who is who (a new address merging two people, a spelling becoming someone's most used):
    /// then what the checkpoint counted was counted under other people, and is not used.
    func resume(
        _ plan: ResidencyPlan, from ledger: CheckpointLedger, observer: RunObserver?
    ) throws -> (report: ResidencyReport, warnings: [RunWarning])? {
        guard ledger.storesLookWhole(), let checkpoint = ledger.load(), let targets = ledger.targetsSince(checkpoint, plan.repositories),
            var census = IdentityCensus(checkpoint: checkpoint.census, filter: plan.config.participantFilter)
        else { return nil }
        let options = plan.config.peopleOptions
        let before = People(census: census, options: options)
        let known = census.identities
        let workspace = plan.workspace.withoutStore()
        var seen: Set<String>?
        if let packed = checkpoint.seen {
            guard let strings = packed.strings else { return nil }
            seen = Set(strings)
        }
        let counted = seen ?? []
        var countedAgain = false
        // A commit the checkpoint counted in one repository may come up as new in another (a fork
        // fetched its origin's commits): which repository counts it would change.
        try PeopleJob(workspace: workspace, repositories: targets).add(to: &census, seen: &seen) { sha in
            if counted.contains(sha) { countedAgain = true }
        }
        let people = People(census: census, options: options)
        guard !countedAgain, Self.same(before, people, for: known, residencies: plan.config.residencies) else { return nil }
        var tally = try plan.tally(people: people)
        guard tally.analysis.restore(checkpoint.analysis) else { return nil }
        switch (tally.collector, checkpoint.followThrough) {
        case (nil, nil): break
        case (.some, .some(let saved)): guard tally.collector?.restore(saved) == true else { return nil }
        default: return nil
        }
        observer?.started(counting: ScanJob(workspace: workspace, diffs: plan.policy, repositories: targets).commitCounter())
        try tally.read(targets, in: workspace, policy: plan.policy, people: people, observer: observer)
        observer?.finished()
        // With no new tips the checkpoint says it all already.
        if tally.isClean, ledger.tips != checkpoint.tips { ledger.save(census: census, seen: seen, tally: tally, resumed: true) }
        return tally.report(ruleSet: workspace.ruleSet, plan: plan)
    }

    /// Whether two `People` see the same people in `identities` and the residencies: each identity
    /// shown as the same person, each resident and team member named by the same person.
    static func same(_ before: People, _ after: People, for identities: [IdentityCensus.Identity], residencies: [Residency]) -> Bool {
        identities.allSatisfy { before.resolve($0.person) == after.resolve($0.person) }
            && residencies.allSatisfy { residency in
                let then = residency.identified(by: before), now = residency.identified(by: after)
                return then.residents == now.residents && then.team == now.team
            }
    }
}
