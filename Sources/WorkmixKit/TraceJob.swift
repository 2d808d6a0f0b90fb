import WorkmixCore

/// `workmix trace SHA`: the commit (from the first repository that knows it), classified as the report
/// classifies it, and the commits of that repository's history (`--rev`, default HEAD) in the weeks
/// after it, and (for the baseline of its areas) in the weeks before it.
package struct TraceJob {
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    package func run(_ revision: String) throws -> FollowThroughTrace {
        var firstError: Error?
        for target in workspace.repositories {
            var mining = workspace.miningOptions(diffs: .always)
            mining.repoName = target.name
            mining.query = HistoryQuery()
            let record: CommitRecord
            do {
                record = try HistoryMiner(path: target.path, options: mining).record(revision: revision)
            } catch {
                firstError = firstError ?? error
                continue
            }
            return try trace(record, in: target)
        }
        throw firstError ?? InputError("unknown revision '\(revision)'")
    }

    private func trace(_ record: CommitRecord, in target: NamedRepository) throws -> FollowThroughTrace {
        let config = workspace.config
        let context =
            config.residencies.isEmpty
            ? workspace.ruleContext : workspace.ruleContext(people: try PeopleJob(workspace: workspace, repositories: [target]).people())
        let classification = workspace.ruleSet.classify(MinedCommit(record: record), context: context, evidence: false)
        let commit = ClassifiedCommit(record: record, classification: classification)
        let areas = Set(FollowThroughTrace.tracedAreas(of: commit, config.areas))
        var candidates: [ClassifiedCommit] = []
        if !areas.isEmpty {
            let window = config.followThrough.windowSeconds
            let end = Timestamp(seconds: record.authoredAt.seconds + window, offsetMinutes: 0)
            // From a second before the earliest commit of the baseline on.
            let start = Timestamp(seconds: record.authoredAt.seconds - window - 1, offsetMinutes: 0)
            try followingCommits(in: target, after: start, until: end, context: context) { candidate in
                if !areas.isDisjoint(with: config.areas.areas(of: candidate.record.changeInfo.changes ?? [])) {
                    candidates.append(candidate)
                }
            }
        }
        return FollowThroughTrace(commit: commit, candidates: candidates, scheme: config.areas, settings: config.followThrough)
    }

    /// The commits of `target` authored after `start` and up to `end` that can follow other work (of a
    /// category, not merges, not skipped), classified as every command does, with the paths they changed: a tree
    /// comparison each, no line counts (SPEC 9: what follows only needs areas).
    private func followingCommits(
        in target: NamedRepository, after start: Timestamp, until end: Timestamp, context: RuleContext,
        _ emit: (ClassifiedCommit) throws -> Void
    ) throws {
        guard start.seconds < end.seconds else { return }
        var mining = workspace.miningOptions(diffs: .onDemand)
        mining.query.since = .instant(Timestamp(seconds: start.seconds + 1, offsetMinutes: 0))
        mining.query.until = .instant(end)
        mining.repoName = target.name
        let miner = try HistoryMiner.open(target, options: mining)
        let ruleSet = workspace.ruleSet
        try miner.run(
            { commit -> ClassifiedCommit? in
                let classification = ruleSet.classify(commit, context: context, evidence: false)
                var record = commit.record
                guard !classification.skipped, !record.isMerge, Category.assignable.contains(classification.category) else { return nil }
                // What follows needs only its areas: the paths, read now if the rules did not.
                record.changeInfo = commit.changes(.paths)
                return ClassifiedCommit(record: record, classification: classification)
            },
            emit: { commit in
                if let commit { try emit(commit) }
            })
    }
}
