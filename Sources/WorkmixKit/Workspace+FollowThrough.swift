import WorkmixCore

extension Workspace {
    /// The commits of `target` authored after `start` and up to `end` that can follow a residency's work
    /// (investment and maintenance; not merges, not skipped), classified as every command does, with
    /// the paths they changed: a tree comparison each, no line counts (SPEC 9: the weeks after the
    /// windows only need areas). Others are classified and dropped.
    public func followingCommits(in target: RepositoryTarget, after start: Timestamp, until end: Timestamp,
                                 context: RuleContext, _ emit: (ClassifiedCommit) throws -> Void) throws {
        guard start.seconds < end.seconds else { return }
        var mining = miningOptions(fileChanges: false)
        mining.query.since = .instant(Timestamp(seconds: start.seconds + 1, offsetMinutes: 0))
        mining.query.until = .instant(end)
        mining.repoName = target.name
        let miner = try HistoryMiner(path: target.path, options: mining)
        let ruleSet = self.ruleSet
        try miner.run({ record, loader -> ClassifiedCommit? in
            let classification = ruleSet.classify(&record, context: context, load: loader.load, evidence: false)
            let category = classification.category
            guard !classification.skipped, !record.isMerge, category == .investment || category == .maintenance else { return nil }
            if record.changeInfo.canImprove(to: .paths) { record.changeInfo = loader.load(.paths) }
            return ClassifiedCommit(record: record, classification: classification)
        }, emit: { commit in
            if let commit { try emit(commit) }
        })
    }
}
