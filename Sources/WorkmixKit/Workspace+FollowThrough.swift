import WorkmixCore

extension Workspace {
    /// The commits of `target` authored after `start` and up to `end` that can follow other work (of
    /// `categories`; not merges, not skipped), classified as every command does, with the paths they
    /// changed: a tree comparison each, no line counts (SPEC 9: what follows only needs areas). Others
    /// are classified and dropped.
    public func followingCommits(
        in target: RepositoryTarget, after start: Timestamp, until end: Timestamp,
        categories: Set<Category> = [.investment, .maintenance], context: RuleContext,
        _ emit: (ClassifiedCommit) throws -> Void
    ) throws {
        guard start.seconds < end.seconds else { return }
        var mining = miningOptions(diffs: .onDemand)
        mining.query.since = .instant(Timestamp(seconds: start.seconds + 1, offsetMinutes: 0))
        mining.query.until = .instant(end)
        mining.repoName = target.name
        let miner = try HistoryMiner.open(target, options: mining)
        let ruleSet = self.ruleSet
        try miner.run(
            { commit -> ClassifiedCommit? in
                let classification = ruleSet.classify(commit, context: context, evidence: false)
                var record = commit.record
                let category = classification.category
                guard !classification.skipped, !record.isMerge, categories.contains(category) else { return nil }
                // What follows needs only its areas: the paths, read now if the rules did not.
                record.changeInfo = commit.changes(.paths)
                return ClassifiedCommit(record: record, classification: classification)
            },
            emit: { commit in
                if let commit { try emit(commit) }
            })
    }
}
