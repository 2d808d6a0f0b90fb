import ArgumentParser
import Foundation
import WorkmixKit
import WorkmixReporters

/// The options every command takes (SPEC 3).
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("repo"), help: "A repository (work tree, .git folder, bare or worktree). Repeatable.")
    var repos: [String] = []

    @Option(name: .customLong("rev"), help: "A revision or range such as v1.2..HEAD. Repeatable. Default: HEAD.")
    var revisions: [String] = []

    @Flag(help: "All refs, as git rev-list --all.")
    var all = false

    @Option(help: "Only commits authored on or after this date (YYYY-MM-DD, the author's own day; or ISO 8601).")
    var since: String?

    @Option(help: "Only commits authored on or before this date (inclusive).")
    var until: String?

    @Flag(name: .customLong("no-merges"), help: "Leave out merge commits.")
    var noMerges = false

    @Flag(name: .customLong("first-parent"), help: "Follow only the first parent of merges.")
    var firstParent = false

    @Option(help: "The config file. Default: workmix.yml in the current directory, if present.")
    var config: String?

    @Option(name: .customLong("rules"), help: "A rule file or folder, evaluated before the shipped rules. Repeatable.")
    var rules: [String] = []

    @Option(help: "A model from 'workmix model train', in place of the config's and the shipped one.")
    var model: String?

    @Option(help: "Output format.")
    var format: OutputFormat?

    @Option(help: "Write to this file instead of stdout (it appears only when complete).")
    var output: String?

    // `.unconditional`: `--jobs -1` is a bad value, not a missing one.
    @Option(
        parsing: .unconditional,
        help:
            "Threads that read and classify commits (each with its own repository handle). Default: all cores; at most 4 per core (more only cost memory)."
    )
    var jobs: Int?

    @Flag(name: .customLong("no-progress"), help: "No progress line on stderr.")
    var noProgress = false

    @Flag(help: "No warnings or progress on stderr.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let since, DateBound.parse(since) == nil {
            throw ValidationError("--since '\(since)': not a date (YYYY-MM-DD or ISO 8601)")
        }
        if let until, DateBound.parse(until) == nil {
            throw ValidationError("--until '\(until)': not a date (YYYY-MM-DD or ISO 8601)")
        }
    }

    var query: HistoryQuery {
        HistoryQuery(
            revisions: revisions, all: all, since: since.flatMap(DateBound.parse),
            until: until.flatMap(DateBound.parse), noMerges: noMerges, firstParent: firstParent)
    }

    var workspaceOptions: WorkspaceOptions {
        var options = WorkspaceOptions()
        options.configPath = config
        options.rulePaths = rules
        options.modelPath = model
        options.repositories = repos
        options.query = query
        options.jobs = effectiveJobs
        return options
    }

    /// Loads config and rules and checks the repositories' paths: all bad input fails here, before output.
    func workspace() throws -> Workspace {
        try Workspace(options: workspaceOptions)
    }

    /// `table` on a terminal, else the format a script most likely wants.
    func resolvedFormat(default scripted: OutputFormat) -> OutputFormat {
        if let format { return format }
        return output == nil && isatty(STDOUT_FILENO) == 1 ? .table : scripted
    }

    /// `--jobs`, at most 4 per core: each job holds a repository handle and its caches, so
    /// `--jobs 100000` would only exhaust memory.
    var effectiveJobs: Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return min(jobs ?? cores, 4 * cores)
    }

    var showsProgress: Bool { !noProgress && !quiet && isatty(STDERR_FILENO) == 1 }

    /// The output goes to stdout and stdout is a terminal.
    var outputIsTerminal: Bool { (output == nil || output == "-") && isatty(STDOUT_FILENO) == 1 }
}

extension OutputFormat: ExpressibleByArgument {}
