import Foundation
import WorkmixCore
import WorkmixStore

/// What a command was asked to read, with which config and rules.
public struct WorkspaceOptions: Sendable {
    /// `--config`; nil means `ConfigDiscovery` decides. A workspace holds the path it found here.
    public var configPath: String?
    /// Where `WORKMIX_CONFIG` is read.
    public var environment = ProcessInfo.processInfo.environment
    /// No config at all, whatever `ConfigDiscovery` would find (`workmix init` writes one).
    public var ignoresConfig = false
    /// `--rules` files or folders, evaluated before the config's and the shipped rules.
    public var rulePaths: [String] = []
    /// `--model FILE`: replaces the config's model and the shipped one.
    public var modelPath: String?
    /// `--repo` arguments; empty means the config's `repos`, else `.`.
    public var repositories: [String] = []
    public var query = HistoryQuery()
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var currentDirectory = FileManager.default.currentDirectoryPath
    /// Where history read from git is kept between runs (SPEC 8); `.none` reads git alone.
    public var store = StoreLocation.none

    public init() {}
}

/// The config, the rules in force and the repositories of one run; commands ask it for classified
/// commits. Loading checks everything (config, rules, repository paths) before any output is written.
public final class Workspace {
    public let options: WorkspaceOptions
    public let config: WorkmixConfig
    public let ruleSet: RuleSet
    /// The rule files in force, user files first, for `rules list` and `rules test`.
    public let ruleFiles: [(name: String, text: String)]
    public let repositories: [RepositoryTarget]
    /// The model the `model` matcher asks: `--model`, else the config's `model`, else the shipped one.
    /// Read only when a rule in force uses it, or a `model` command asks.
    public private(set) lazy var model: Result<CommitModel?, Error> = Result { try Self.loadModel(options, config) }
    /// The run's history store, shared by every pass over the same repositories.
    public let store: StoreSession?

    public init(options: WorkspaceOptions) throws {
        var options = options
        options.configPath =
            options.ignoresConfig
            ? nil
            : ConfigDiscovery.locate(
                explicit: options.configPath, environment: options.environment, currentDirectory: options.currentDirectory)
        self.options = options
        config = try Self.loadConfig(options)
        var files = try RuleLoader.readFiles(options.rulePaths + config.rules)
        if config.defaultRules { files += ShippedRules.files }
        ruleFiles = files
        ruleSet = try RuleSet(files: files, overrides: config.overrides)
        if !options.repositories.isEmpty {
            repositories = options.repositories.map { RepositoryTarget(path: $0) }
        } else if !config.repos.isEmpty {
            repositories = config.repos.map { RepositoryTarget(path: $0.path, name: $0.name) }
        } else {
            repositories = [RepositoryTarget(path: ".")]
        }
        switch options.store {
        case .none: store = nil
        case .folder(let folder): store = StoreSession(folder: folder)
        case .server(let url): store = try StoreSession(server: url)
        }
        store?.keepUntilExit()
        // A model that cannot be read is bad input, reported before any output.
        if ruleSet.usesModel || options.modelPath != nil || config.model != nil { _ = try model.get() }
    }

    /// The same config, rules and model reading other commits: nothing is loaded again.
    public func with(query: HistoryQuery) -> Workspace {
        var options = self.options
        options.query = query
        return Workspace(options: options, loaded: self, store: store)
    }

    /// The same workspace reading git alone: a report resuming from its checkpoint reads the few
    /// commits since from git, without loading the history the store keeps.
    func withoutStore() -> Workspace {
        var options = self.options
        options.store = .none
        return Workspace(options: options, loaded: self, store: nil)
    }

    private init(options: WorkspaceOptions, loaded: Workspace, store: StoreSession?) {
        self.options = options
        config = loaded.config
        ruleSet = loaded.ruleSet
        ruleFiles = loaded.ruleFiles
        repositories = loaded.repositories
        self.store = store
        // The model was read already when the rules use it; otherwise it stays unread until asked.
        if ruleSet.usesModel || options.modelPath != nil || config.model != nil { model = loaded.model }
    }

    static func loadConfig(_ options: WorkspaceOptions) throws -> WorkmixConfig {
        // With a PostgreSQL store, a repository not checked out here is read from it by name.
        var stored = false
        if case .server = options.store { stored = true }
        guard let path = options.configPath else { return WorkmixConfig() }
        return try ConfigLoader.load(path: path, storedRepositories: stored)
    }

    static func loadModel(_ options: WorkspaceOptions, _ config: WorkmixConfig) throws -> CommitModel? {
        if let path = options.modelPath ?? config.model {
            return try ModelFile.parse(try TextFile.read(path, what: "model file", limit: 64 << 20), file: path)
        }
        return try ShippedModel.model()
    }

    /// What the `resident` matcher asks (did a resident of a residency active at that date take part?)
    /// and the model the `model` matcher asks.
    public var ruleContext: RuleContext {
        var context = RuleContext.residencies(of: config)
        if ruleSet.usesModel { context.model = try? model.get() }
        return context
    }

    /// Mining options for these repositories, reading diffs as `diffs` says.
    public func miningOptions(diffs: DiffPolicy) -> MiningOptions {
        var mining = MiningOptions()
        mining.query = options.query
        mining.diffs = diffs
        mining.jobs = options.jobs
        mining.identities = config.identities
        mining.pairTrailers = config.pairTrailers
        mining.store = store
        return mining
    }

    /// Classifies every commit of `targets` (default: the run's repositories) and hands each to `emit`,
    /// in walk order; returns what went wrong without stopping the run.
    @discardableResult
    /// `unevaluated` counts the rules the regex engine gave up on across several calls (the caller then
    /// warns); without it, this call warns of its own.
    public func classifyCommits(
        in targets: [RepositoryTarget]? = nil, diffs: DiffPolicy, includeSkipped: Bool = false,
        context: RuleContext? = nil, evidence: Bool = true, unevaluated: UnevaluatedRuleTally? = nil,
        _ emit: (ClassifiedCommit) throws -> Void
    ) throws -> [RunWarning] {
        let tally = unevaluated ?? UnevaluatedRuleTally()
        let ruleSet = self.ruleSet
        // With residencies, the `resident` matcher knows every address of a resident, as reports do;
        // that takes a walk for the census, so only when a rule asks the matcher.
        let context =
            try context
            ?? (config.residencies.isEmpty || !ruleSet.usesResident ? ruleContext : ruleContext(people: people(in: targets)))
        let overrideHits = ruleSet.overrides.isEmpty ? nil : OverrideHits(ruleSet.overrides)
        var job = ScanJob(repositories: targets ?? repositories, mining: miningOptions(diffs: diffs)) { commit, earlier in
            ruleSet.classify(commit, context: context, evidence: evidence, earlier: earlier)
        }
        job.observe = { sha, classification in
            // Only pinned commits are looked up again, to learn which prefix pinned them.
            if classification.ruleID == RuleSet.overrideRuleID { overrideHits?.note(sha) }
            // Rules the regex engine could not decide, skipped commits included.
            tally.note(classification)
        }
        job.classificationKey = store == nil ? nil : classificationKey(diffs: diffs, evidence: evidence)
        job.ruleSet = ruleSet
        job.includeSkipped = includeSkipped
        let warnings = try job.run(emit) + (overrideHits?.warnings ?? [])
        try store?.save()
        return (store?.takeWarnings() ?? []) + warnings + (unevaluated == nil ? tally.warnings(in: ruleSet) : [])
    }

    /// Counts the run's commits (before rules skip any) for a progress estimate, on another thread: it
    /// opens repositories of its own and needs neither the config nor the rules again. Nil on failure
    /// (the run itself will say why).
    public func commitCounter(in targets: [RepositoryTarget]? = nil) -> @Sendable () -> Int? {
        let targets = targets ?? repositories
        var options = miningOptions(diffs: .onDemand)
        options.jobs = 1
        let mining = options
        return {
            try? targets.reduce(0) { total, target in
                total + (try HistoryMiner.open(target, options: mining).countCommits())
            }
        }
    }

    /// Looks commits up by revision in the run's repositories (the first that knows each), with file
    /// changes: for `rules explain` and `rules eval`. Repositories are opened once.
    public func commitLookup() throws -> CommitLookup {
        let miners = try repositories.map { target -> HistoryMiner in
            var mining = miningOptions(diffs: .always)
            mining.repoName = target.name
            mining.query = HistoryQuery()
            return try HistoryMiner(path: target.path, options: mining)
        }
        return CommitLookup(miners: miners)
    }
}

public struct CommitLookup {
    let miners: [HistoryMiner]

    public func record(_ revision: String) throws -> CommitRecord {
        var firstError: Error?
        for miner in miners {
            do {
                return try miner.record(revision: revision)
            } catch {
                firstError = firstError ?? error
            }
        }
        throw firstError ?? InputError("unknown revision '\(revision)'")
    }
}

/// The rule files shipped in `rules/`, compiled into the binary.
public enum ShippedRules {
    public static var files: [(name: String, text: String)] { ShippedRuleFiles.all }
}

/// The model shipped as `rules/shipped.model`, compiled into the binary.
public enum ShippedModel {
    public static let name = "rules/shipped.model"

    public static func model() throws -> CommitModel? {
        try ShippedRuleFiles.model.map { try ModelFile.parse($0, file: name) }
    }
}
