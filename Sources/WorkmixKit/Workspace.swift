import Foundation
import WorkmixCore
import WorkmixStore

/// What a command was asked to read, with which config and rules.
package struct WorkspaceOptions: Sendable {
    /// `--config`; nil means `ConfigDiscovery` decides. A workspace holds the path it found here.
    package var configPath: String?
    /// Where `WORKMIX_CONFIG` is read.
    package var environment = ProcessInfo.processInfo.environment
    /// No config at all, whatever `ConfigDiscovery` would find (`workmix init` writes one).
    package var ignoresConfig = false
    /// `--rules` files or folders, evaluated before the config's and the shipped rules.
    package var rulePaths: [String] = []
    /// `--model FILE`: replaces the config's model and the shipped one.
    package var modelPath: String?
    /// `--repo` arguments; empty means the config's `repos`, else `.`.
    package var repositories: [String] = []
    package var query = HistoryQuery()
    package var jobs = ProcessInfo.processInfo.activeProcessorCount
    package var currentDirectory = FileManager.default.currentDirectoryPath
    /// Where history read from git is kept between runs (SPEC 8); `.none` reads git alone.
    package var store = StoreLocation.none

    package init() {}
}

/// The inputs of one run, each read once: the config, the rules in force, the model, the repositories
/// and the store. Jobs (`ScanJob`, `PairingJob`, `ResidencyJob`, `PeopleJob`…) take a workspace and do
/// the reading. Loading checks everything (config, rules, model, repository paths) before any output.
package final class Workspace {
    package let options: WorkspaceOptions
    /// The config file as read, when there is one: parsed once, and part of the store's key.
    package let configFile: SourceFile?
    package let config: WorkmixConfig
    package let ruleSet: RuleSet
    /// The rule files in force, user files first, for `rules list` and `rules test`.
    package let ruleFiles: [SourceFile]
    package let repositories: [NamedRepository]
    /// The model the `model` matcher asks: `--model`, else the config's `model`, else the shipped one.
    /// Read only when a rule in force uses it, or a `model` command asks.
    package var model: Result<CommitModel?, Error> { loadedModel.map(\.model) }
    private(set) lazy var loadedModel: Result<LoadedModel, Error> = Result { try LoadedModel(options, config) }
    /// The run's history store, shared by every pass over the same repositories.
    package let store: StoreSession?

    package init(options: WorkspaceOptions) throws {
        var options = options
        options.configPath =
            options.ignoresConfig
            ? nil
            : ConfigDiscovery.locate(
                explicit: options.configPath, environment: options.environment, currentDirectory: options.currentDirectory)
        self.options = options
        configFile = try options.configPath.map { SourceFile(name: $0, text: try TextFile.read($0, what: "config file")) }
        // With a PostgreSQL store, a repository not checked out here is read from it by name.
        var stored = false
        if case .server = options.store { stored = true }
        config = try configFile.map { try ConfigLoader.load($0, storedRepositories: stored) } ?? WorkmixConfig()
        var files = try RuleLoader.readFiles(options.rulePaths + config.rules)
        if config.defaultRules { files += ShippedRules.files }
        ruleFiles = files
        ruleSet = try RuleSet(files: files, overrides: config.overrides)
        if !options.repositories.isEmpty {
            repositories = options.repositories.map { NamedRepository(path: $0) }
        } else if !config.repos.isEmpty {
            repositories = config.repos
        } else {
            repositories = [NamedRepository(path: ".")]
        }
        switch options.store {
        case .none: store = nil
        case .folder(let folder): store = StoreSession(folder: folder)
        case .server(let url): store = try StoreSession(server: url)
        }
        store?.keepUntilExit()
        // A model that cannot be read is bad input, reported before any output.
        if readsModel { _ = try loadedModel.get() }
    }

    /// The same config, rules and model reading other commits: nothing is loaded again.
    package func with(query: HistoryQuery) -> Workspace {
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
        configFile = loaded.configFile
        config = loaded.config
        ruleSet = loaded.ruleSet
        ruleFiles = loaded.ruleFiles
        repositories = loaded.repositories
        self.store = store
        // The model was read already when the rules use it; otherwise it stays unread until asked.
        if readsModel { loadedModel = loaded.loadedModel }
    }

    /// Whether the model is read as the workspace loads: a rule in force asks it, or a model is named.
    private var readsModel: Bool { ruleSet.usesModel || options.modelPath != nil || config.model != nil }

    /// What the `resident` matcher asks (did a resident of a residency active at that date take part?)
    /// and the model the `model` matcher asks.
    package var ruleContext: RuleContext {
        var context = RuleContext.residencies(of: config)
        if ruleSet.usesModel { context.model = try? model.get() }
        return context
    }

    /// `ruleContext` with the `resident` matcher knowing every address of the people the residents are
    /// (`ruleContext` alone, for single commits, matches the addresses the config names).
    package func ruleContext(people: People) -> RuleContext {
        var context = ruleContext
        context.isResident = RuleContext.residencies(of: config, people: people).isResident
        return context
    }

    /// Mining options for these repositories, reading diffs as `diffs` says.
    package func miningOptions(diffs: DiffPolicy) -> MiningOptions {
        var mining = MiningOptions()
        mining.query = options.query
        mining.diffs = diffs
        mining.jobs = options.jobs
        mining.identities = config.identities
        mining.pairTrailers = config.pairTrailers
        mining.store = store
        return mining
    }

    /// Opens `targets` with `mining`, every one before any is read (a bad path fails before any output).
    /// The same repository named twice (`p`, `./p/`, `p/.git`) is opened once; worktrees of one
    /// repository have git directories (and HEADs) of their own, so they stay apart.
    func openMiners(_ targets: [NamedRepository], mining: MiningOptions) throws -> [HistoryMiner] {
        var gitDirectories: Set<String> = []
        return try targets.compactMap { target in
            let miner = try HistoryMiner.open(target, options: mining)
            return gitDirectories.insert(miner.canonicalGitDirectory).inserted ? miner : nil
        }
    }
}

/// The model a workspace read, and what of it the store's key holds.
struct LoadedModel {
    var model: CommitModel?
    /// `--model`'s or the config's model file; nil for the shipped model.
    var file: SourceFile?

    init(_ options: WorkspaceOptions, _ config: WorkmixConfig) throws {
        if let path = options.modelPath ?? config.model {
            let file = SourceFile(name: path, text: try TextFile.read(path, what: "model file", limit: 64 << 20))
            model = try ModelFile.parse(file.text, file: path)
            self.file = file
        } else {
            model = try ShippedModel.model()
        }
    }
}

/// Looks commits up by revision in the run's repositories (the first that knows each), with file
/// changes: for `rules explain` and `rules eval`. Repositories are opened once.
package struct CommitLookup {
    let miners: [HistoryMiner]

    package init(workspace: Workspace) throws {
        miners = try workspace.repositories.map { target -> HistoryMiner in
            var mining = workspace.miningOptions(diffs: .always)
            mining.repoName = target.name
            mining.query = HistoryQuery()
            return try HistoryMiner(path: target.path, options: mining)
        }
    }

    package func record(_ revision: String) throws -> CommitRecord {
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
package enum ShippedRules {
    package static var files: [SourceFile] { ShippedRuleFiles.all }
}

/// The model shipped as `rules/shipped.model`, compiled into the binary.
package enum ShippedModel {
    package static let name = "rules/shipped.model"

    package static func model() throws -> CommitModel? {
        try ShippedRuleFiles.model.map { try ModelFile.parse($0, file: name) }
    }
}
