import WorkmixCore
import WorkmixStore

/// `workmix scan`, and every pass that classifies: the commits of the workspace's repositories (or of
/// `repositories`), each classified and handed to `emit` in walk order. What goes wrong without
/// stopping the run comes back as warnings.
package struct ScanJob {
    package let workspace: Workspace
    /// When diffs are read.
    package var diffs: DiffPolicy
    package var repositories: [NamedRepository]
    /// Commits a rule skips are handed on too (`scan --include-skipped`).
    package var includeSkipped = false
    /// What the `resident` and `model` matchers ask; nil works it out (with residencies and a rule on
    /// residents, a walk for the census: the matcher knows every address of a resident, as reports do).
    package var context: RuleContext?
    /// Whether classifications say which matchers matched.
    package var evidence = true
    /// Counts the rules the regex engine gave up on across several jobs (the caller then warns);
    /// nil: this job warns of its own.
    package var unevaluated: UnevaluatedRuleTally?

    /// Reads `repositories`, default the workspace's.
    package init(workspace: Workspace, diffs: DiffPolicy, repositories: [NamedRepository]? = nil) {
        self.workspace = workspace
        self.diffs = diffs
        self.repositories = repositories ?? workspace.repositories
    }

    @discardableResult
    package func run(_ emit: (ClassifiedCommit) throws -> Void) throws -> [RunWarning] {
        let tally = unevaluated ?? UnevaluatedRuleTally()
        let ruleSet = workspace.ruleSet, config = workspace.config, store = workspace.store, evidence = self.evidence
        let context =
            try context
            ?? (config.residencies.isEmpty || !ruleSet.usesResident
                ? workspace.ruleContext : workspace.ruleContext(people: PeopleJob(workspace: workspace, repositories: repositories).people()))
        let overrideHits = ruleSet.overrides.isEmpty ? nil : OverrideHits(ruleSet.overrides)
        let pass = ClassifyingPass(
            classify: { commit, earlier in ruleSet.classify(commit, context: context, evidence: evidence, earlier: earlier) },
            observe: { sha, classification in
                // Only pinned commits are looked up again, to learn which prefix pinned them.
                if classification.ruleID == RuleSet.overrideRuleID { overrideHits?.note(sha) }
                // Rules the regex engine could not decide, skipped commits included.
                tally.note(classification)
            },
            key: store == nil ? nil : workspace.classificationKey(diffs: diffs, evidence: evidence), ruleSet: ruleSet)
        // Every repository opened and every revision resolved first: a bad path or an unknown revision
        // in the last repository fails before the first repository's rows are out.
        let miners = try workspace.openMiners(repositories, mining: workspace.miningOptions(diffs: diffs))
        for miner in miners { try miner.checkRevisions() }
        var warnings: [RunWarning] = []
        for miner in miners {
            try pass.read(miner, includeSkipped: includeSkipped, emit)
            warnings += miner.warnings.warnings(repository: miners.count > 1 ? miner.repoName : nil)
        }
        warnings += overrideHits?.warnings ?? []
        try store?.save()
        return (store?.takeWarnings() ?? []) + warnings + (unevaluated == nil ? tally.warnings(in: ruleSet) : [])
    }

    /// Counts the job's commits (before rules skip any) for a progress estimate, on another thread: it
    /// opens repositories of its own and needs neither the config nor the rules again. Nil on failure
    /// (the run itself will say why).
    package func commitCounter() -> @Sendable () -> Int? {
        let targets = repositories
        var options = workspace.miningOptions(diffs: .onDemand)
        options.jobs = 1
        let mining = options
        return {
            try? targets.reduce(0) { total, target in
                total + (try HistoryMiner.open(target, options: mining).countCommits())
            }
        }
    }
}

/// How one scan classifies each commit of a repository: with the rules, or from the store when it
/// kept the verdict under the same key.
private struct ClassifyingPass {
    /// Classifies a commit, given its verdict under other rules when the store has one.
    let classify: @Sendable (MinedCommit, EarlierVerdict?) -> Classification
    /// Called with every commit's classification, made or stored.
    let observe: @Sendable (String, Classification) -> Void
    /// What decides classifications (rules, model, config, version, diff policy), when they may be
    /// kept in the store; nil to classify every commit afresh.
    let key: ClassificationKey?
    /// The rules `classify` applies, so that verdicts stored under other rules spare the unchanged ones
    /// (`RuleReuse`).
    let ruleSet: RuleSet

    func read(_ miner: HistoryMiner, includeSkipped: Bool, _ emit: (ClassifiedCommit) throws -> Void) throws {
        let classify = self.classify, observe = self.observe, ruleSet = self.ruleSet
        let cache = key.flatMap { key in
            miner.stored?.classifications(
                for: key.including(miner.classificationInputs), reuse: { RuleReuse(earlier: $0, current: ruleSet) })
        }
        // The mined record is the output: classification reads changes through the commit and
        // leaves the record as the diff policy made it.
        try miner.run(
            { commit in
                let sha = commit.record.sha
                let classification: Classification
                if let known = cache?.lookup(sha) {
                    classification = known
                } else {
                    classification = classify(commit, cache?.earlierVerdict(sha))
                    // Objects missing now may be fetched later, and a regex that gave up may not
                    // give up under other limits: such verdicts are not kept.
                    if commit.knownChanges.isComplete && classification.unevaluated.isEmpty {
                        cache?.add(sha, classification)
                    }
                }
                observe(sha, classification)
                return ClassifiedCommit(record: commit.record, classification: classification)
            },
            emit: { commit in
                if commit.classification.skipped && !includeSkipped { return }
                try emit(commit)
            })
    }
}
