import ArgumentParser
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One row per commit: the record, its category and the rule that decided.")

        enum Formats: FormatChoice {
            static let command = "scan"
            static var formats: [OutputFormat] { Reporters.scan.formats }
        }

        @OptionGroup var walk: WalkOptions
        @OptionGroup(title: "Output") var output: OutputOptions<Formats>

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

        @Option(
            help: ArgumentHelp(
                "Only the commits that residency of the config counts, as `report --commits` lists them.",
                valueName: "name"))
        var residency: String?

        func validate() throws {
            if noDiffs && (stats || files) {
                throw ValidationError("--no-diffs cannot go with --stats or --files")
            }
            if residency != nil && (noDiffs || includeSkipped) {
                throw ValidationError("--residency lists the commits a report counts: it cannot go with --no-diffs or --include-skipped")
            }
        }

        /// The one decision on diffs, from the three flags that speak of them.
        var diffs: DiffPolicy { noDiffs ? .none : (stats || files) ? .always : .onDemand }

        func run() throws {
            let format = output.resolvedFormat(default: .jsonl)
            guard var reporter = Reporters.scan.reporter(for: format, options: ScanOptions(includeFiles: files, explain: explain)) else {
                throw ValidationError("scan has no '\(format.rawValue)' format")
            }
            let workspace = try walk.workspace()
            let sink = try OutputSink(path: output.output, lineBuffered: format == .jsonl)
            // Rows written to the terminal as they come would run into the progress line.
            let progress = ProgressLine(enabled: walk.run.showsProgress && !output.isTerminal)
            var job = ScanJob(workspace: workspace, diffs: diffs)
            job.includeSkipped = includeSkipped
            job.evidence = explain
            progress.started(counting: job.commitCounter())
            try sink.write(reporter.header())
            let emit = { (commit: ClassifiedCommit) in
                try sink.write(reporter.row(commit))
                progress.tick()
            }
            let warnings =
                try residency.map { try ResidencyJob(workspace: workspace).commits(ofResidency: $0, evidence: explain, emit) }
                ?? job.run(emit)
            try sink.write(reporter.footer())
            progress.finished()
            try sink.commit()
            walk.run.printWarnings(warnings)
        }
    }
}
