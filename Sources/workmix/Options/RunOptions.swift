import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit

/// How a history walk runs: threads, progress and warnings.
struct RunOptions: ParsableArguments, WorkspaceOptionGroup {
    // `.unconditional`: `--jobs -1` is a bad value, not a missing one.
    @Option(
        parsing: .unconditional,
        help:
            "Threads that read and classify commits (each with its own repository handle). Default: all cores; at most 4 per core (more only cost memory)."
    )
    var jobs: Int?

    @Flag(name: .customLong("no-progress"), help: "No progress line on stderr.")
    var noProgress = false

    @OptionGroup var quietness: QuietOption

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// `--jobs`, at most 4 per core: each job holds a repository handle and its caches, so
    /// `--jobs 100000` would only exhaust memory.
    var effectiveJobs: Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return min(jobs ?? cores, 4 * cores)
    }

    var quiet: Bool { quietness.quiet }

    var showsProgress: Bool { !noProgress && !quiet && isatty(STDERR_FILENO) == 1 }

    func apply(to options: inout WorkspaceOptions) { options.jobs = effectiveJobs }

    /// Warnings, unless `--quiet`.
    func printWarnings(_ warnings: [RunWarning]) {
        for warning in warnings { warn(warning.text, quiet: quiet) }
    }
}

/// `--quiet`, for commands that warn but walk no history.
struct QuietOption: ParsableArguments {
    @Flag(help: "No warnings or progress on stderr.")
    var quiet = false
}
