import ArgumentParser
import WorkmixCore
import WorkmixKit

/// A part of the command line that says something about the workspace a command reads.
protocol WorkspaceOptionGroup {
    func apply(to options: inout WorkspaceOptions)
}

extension WorkspaceOptions {
    /// The options the command line gave, group by group.
    init(_ groups: any WorkspaceOptionGroup...) {
        self.init()
        for group in groups { group.apply(to: &self) }
    }
}

/// `--repo`: the repositories a command reads.
struct RepositoryOptions: ParsableArguments, WorkspaceOptionGroup {
    @Option(name: .customLong("repo"), help: "A repository (work tree, .git folder, bare or worktree). Repeatable.")
    var repos: [String] = []

    func apply(to options: inout WorkspaceOptions) { options.repositories = repos }
}

/// Which commits of the repositories: SPEC 3's history options, as git log takes them.
struct HistoryOptions: ParsableArguments, WorkspaceOptionGroup {
    @Option(name: .customLong("rev"), help: "A revision or range such as v1.2..HEAD. Repeatable. Default: HEAD.")
    var revisions: [String] = []

    @Flag(help: "All refs, as git rev-list --all.")
    var all = false

    @Option(
        help:
            "Only commits authored on or after this date: YYYY-MM-DD (the author's own day), ISO 8601, '2024-01-01 10:00', yesterday, '3 months ago', 'last week'."
    )
    var since: String?

    @Option(help: "Only commits authored on or before this date (inclusive).")
    var until: String?

    @Flag(name: .customLong("no-merges"), help: "Leave out merge commits.")
    var noMerges = false

    @Flag(name: .customLong("first-parent"), help: "Follow only the first parent of merges.")
    var firstParent = false

    func validate() throws {
        if let since, DateBound.parse(since) == nil {
            throw ValidationError("--since '\(since)': not a date (YYYY-MM-DD, ISO 8601, yesterday, '3 months ago')")
        }
        if let until, DateBound.parse(until) == nil {
            throw ValidationError("--until '\(until)': not a date (YYYY-MM-DD, ISO 8601, yesterday, '3 months ago')")
        }
    }

    var query: HistoryQuery {
        HistoryQuery(
            revisions: revisions, all: all, since: since.flatMap(DateBound.parse),
            until: until.flatMap(DateBound.parse), noMerges: noMerges, firstParent: firstParent)
    }

    func apply(to options: inout WorkspaceOptions) { options.query = query }
}

/// What every command that reads and classifies history takes: the repositories and commits, the config
/// and rules, and how the walk runs.
struct WalkOptions: ParsableArguments, WorkspaceOptionGroup {
    @OptionGroup(title: "History") var repository: RepositoryOptions
    @OptionGroup(title: "History") var history: HistoryOptions
    @OptionGroup(title: "Config and rules") var config: ConfigOptions
    @OptionGroup(title: "Config and rules") var rules: RuleOptions
    @OptionGroup(title: "Run") var run: RunOptions
    @OptionGroup(title: "Store") var store: StoreOptions

    func apply(to options: inout WorkspaceOptions) {
        for group in [repository, history, config, rules, run, store] as [any WorkspaceOptionGroup] { group.apply(to: &options) }
    }

    /// Loads config, rules and model and checks the repositories: all bad input fails here, before output.
    func workspace() throws -> Workspace { try Workspace(options: WorkspaceOptions(self)) }
}
