import Foundation
import WorkmixCore
import WorkmixGit
import WorkmixStore

/// A report's checkpoint file in the store folder: one per config and set of repositories, replaced by
/// each clean run. Nil — no checkpoint — when the run cannot add to one exactly: no store folder,
/// pinned overrides (their warnings need every commit), `--first-parent`, or rules that ask the
/// `resident` matcher (classifications then depend on the whole history).
struct CheckpointLedger {
    let path: String
    let key: String
    /// Per target of the plan, the commits its revisions name now.
    let tips: [ResidencyCheckpoint.Tips]
    private let miners: [HistoryMiner]

    init?(plan: ResidencyPlan) {
        let workspace = plan.workspace
        guard let folder = workspace.store?.folder, workspace.ruleSet.overrides.isEmpty,
            !workspace.options.query.firstParent,
            let classification = workspace.classificationKey(diffs: plan.policy, evidence: false)
        else { return nil }
        var options = workspace.miningOptions(diffs: .onDemand)
        options.store = nil
        var miners: [HistoryMiner] = [], inputs: [String] = []
        for target in plan.repositories {
            guard let miner = try? HistoryMiner.open(target, options: options), miner.repository != nil else { return nil }
            miners.append(miner)
            inputs += [target.path, target.name ?? "", miner.canonicalGitDirectory] + miner.classificationInputs
        }
        guard let tips = Self.tips(of: miners) else { return nil }
        self.tips = tips
        self.miners = miners
        key = Fingerprint.of(
            [
                "residency checkpoint \(ResidencyCheckpoint.format)", classification.digest, "\(plan.policy)",
                "follow-through \(plan.followThrough)", String(describing: workspace.options.query),
            ] + inputs)
        // One file per config and repositories: a changed rule or config replaces it.
        let slot = Fingerprint.of(
            [workspace.options.configPath ?? workspace.options.currentDirectory, "\(plan.policy)", "\(plan.followThrough)"]
                + tips.map(\.gitDirectory))
        path = (folder as NSString).appendingPathComponent("report-\(slot.prefix(16))\(ResidencyCheckpoint.suffix)")
    }

    /// Whether each repository's store file looks whole from its header and size: a report resuming
    /// reads no store, but one cut short is found (and rebuilt by reading everything) as by any run.
    func storesLookWhole() -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return miners.allSatisfy { miner in
            guard let repository = miner.repository else { return true }
            let name = HistoryMiner.defaultName(of: repository, path: miner.path)
            return (try? StoreFiles.checkHeader(StoreSession.databasePath(folder: folder, repository: repository, name: name))) != nil
        }
    }

    /// The checkpoint of these inputs, if a run left one; a damaged file is none.
    func load() -> ResidencyCheckpoint? {
        guard let checkpoint = ResidencyCheckpoint.read(path), checkpoint.key == key,
            checkpoint.tips.map(\.gitDirectory) == tips.map(\.gitDirectory)
        else { return nil }
        return checkpoint
    }

    /// `targets` reading only what `checkpoint` did not: in each repository the tips now, less the
    /// tips it read. Nil when history was rewritten (a tip it read is in no history read now: a
    /// force-push, a deleted branch) or the excluded commits changed.
    func targetsSince(_ checkpoint: ResidencyCheckpoint, _ targets: [NamedRepository]) -> [NamedRepository]? {
        var since: [NamedRepository] = []
        for (index, target) in targets.enumerated() {
            let then = checkpoint.tips[index], now = tips[index]
            guard Set(then.exclude) == Set(now.exclude) else { return nil }
            let include = now.include.compactMap(ObjectID.init(hex:))
            for tip in then.include {
                guard let id = ObjectID(hex: tip), (try? miners[index].repository?.isReachable(id, fromAny: include)) == true
                else { return nil }
            }
            var target = target
            target.revisions = now.include + (then.include + now.exclude).map { "^" + $0 }
            since.append(target)
        }
        return since
    }

    /// Writes the checkpoint of a clean run, whole or not at all; a store folder that cannot be written
    /// only means the next run reads everything again.
    func save(census: IdentityCensus, seen: Set<String>?, tally: ResidencyTally, resumed: Bool) {
        // Tips that moved during the run: the tally may hold commits past them.
        guard Self.tips(of: miners) == tips else { return }
        let checkpoint = ResidencyCheckpoint(
            key: key, tips: tips, census: census.checkpoint, seen: seen.map { PackedStrings($0) },
            analysis: tally.analysis.checkpoint, followThrough: tally.collector?.checkpoint, commitsRead: tally.commitsRead,
            resumed: resumed)
        guard let data = try? JSONEncoder().encode(checkpoint) else { return }
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The commits the revisions name in each repository now; nil when one cannot be resolved (the run
    /// itself says why).
    private static func tips(of miners: [HistoryMiner]) -> [ResidencyCheckpoint.Tips]? {
        var tips: [ResidencyCheckpoint.Tips] = []
        for miner in miners {
            guard let resolved = try? miner.resolveRevisions() else { return nil }
            tips.append(
                .init(gitDirectory: miner.canonicalGitDirectory, include: resolved.include.map(\.hex), exclude: resolved.exclude.map(\.hex)))
        }
        return tips
    }
}
