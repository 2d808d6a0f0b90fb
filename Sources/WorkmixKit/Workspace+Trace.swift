import WorkmixCore

extension Workspace {
    /// `workmix trace SHA`: the commit (from the first repository that knows it), classified as the
    /// report classifies it, and the commits of that repository's history (`--rev`, default HEAD) in
    /// the weeks after it, and (for the baseline of its areas) in the weeks before it.
    public func trace(_ revision: String) throws -> FollowThroughTrace {
        var firstError: Error?
        for target in repositories {
            var mining = miningOptions(diffs: .always)
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

    private func trace(_ record: CommitRecord, in target: RepositoryTarget) throws -> FollowThroughTrace {
        let context = config.residencies.isEmpty ? ruleContext : ruleContext(people: try people(in: [target]))
        let classification = ruleSet.classify(MinedCommit(record: record), context: context, evidence: false)
        let commit = ClassifiedCommit(record: record, classification: classification)
        let areas = Set(FollowThroughTrace.tracedAreas(of: commit, config.areas))
        var candidates: [ClassifiedCommit] = []
        if !areas.isEmpty {
            let window = config.followThrough.windowSeconds
            let end = Timestamp(seconds: record.authoredAt.seconds + window, offsetMinutes: 0)
            // From a second before the earliest commit of the baseline on.
            let start = Timestamp(seconds: record.authoredAt.seconds - window - 1, offsetMinutes: 0)
            try followingCommits(
                in: target, after: start, until: end,
                categories: [.investment, .maintenance, .support], context: context
            ) { candidate in
                if !areas.isDisjoint(with: config.areas.areas(of: candidate.record.changeInfo.changes ?? [])) {
                    candidates.append(candidate)
                }
            }
        }
        return FollowThroughTrace(commit: commit, candidates: candidates, scheme: config.areas, settings: config.followThrough)
    }
}
