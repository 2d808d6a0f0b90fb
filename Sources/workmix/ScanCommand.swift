import ArgumentParser
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One row per commit: the record, its category and the rule that decided.")

        @OptionGroup var common: CommonOptions

        @Flag(help: "Compute file statistics (files, insertions, deletions) against the first parent.")
        var stats = false

        @Flag(help: "Also list each changed file (implies --stats).")
        var files = false

        @Flag(help: "Say which matchers of the deciding rule matched.")
        var explain = false

        @Flag(name: .customLong("include-skipped"), help: "Also list commits that a rule skips.")
        var includeSkipped = false

        @Flag(
            name: .customLong("no-diffs"),
            help: ArgumentHelp(
                "Read no diff at all: rules on files and line counts match nothing.",
                discussion:
                    "Many times faster on long histories, but a commit such a rule would place may get another category than in pairs and report."))
        var noDiffs = false

        func validate() throws {
            if noDiffs && (stats || files) {
                throw ValidationError("--no-diffs cannot go with --stats or --files")
            }
            if let format = common.format, ScanReporters.reporter(for: format, options: ScanOptions()) == nil {
                throw ValidationError("scan has no '\(format.rawValue)' format (use table, json, jsonl, csv or markdown)")
            }
        }

        func run() throws {
            let format = common.resolvedFormat(default: .jsonl)
            guard var reporter = ScanReporters.reporter(for: format, options: ScanOptions(includeFiles: files, explain: explain)) else {
                throw ValidationError("scan has no '\(format.rawValue)' format")
            }
            let workspace = try common.workspace()
            let sink = try OutputSink(path: common.output, lineBuffered: format == .jsonl)
            // Rows written to the terminal as they come would run into the progress line.
            let progress = Progress(enabled: common.showsProgress && !common.outputIsTerminal, total: workspace.commitCounter())
            try sink.write(reporter.header())
            let warnings = try workspace.classifiedCommits(
                fileChanges: stats || files, includeSkipped: includeSkipped,
                messagesOnly: noDiffs, evidence: explain
            ) { commit in
                try sink.write(reporter.row(commit))
                progress.tick()
            }
            try sink.write(reporter.footer())
            progress.finish()
            try sink.commit()
            for warning in warnings { warn(warning, quiet: common.quiet) }
        }
    }
}
