import ArgumentParser
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Pairs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who paired with whom, on what kind of work (from Co-authored-by and pair_trailers).")

        enum Formats: FormatChoice {
            static let command = "pairs"
            static var formats: [OutputFormat] { Reporters.pairs.formats }
        }

        @OptionGroup var walk: WalkOptions
        @OptionGroup(title: "Output") var output: OutputOptions<Formats>

        @Option(name: .customLong("min-commits"), parsing: .unconditional, help: "List only pairs with at least this many commits.")
        var minCommits = 1

        @Option(parsing: .unconditional, help: "List only the first N pairs and the first N people.")
        var top: Int?

        @Flag(
            name: .customLong("no-stats"),
            help: "Skip diffs unless a rule needs them (the shipped rules do): faster, but churn is then unknown (null, -).")
        var noStats = false

        func validate() throws {
            if minCommits < 1 { throw ValidationError("--min-commits must be at least 1") }
            if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        }

        func run() throws {
            let format = output.resolvedFormat(default: .json)
            guard let reporter = Reporters.pairs.reporter(for: format) else {
                throw ValidationError("pairs has no '\(format.rawValue)' format")
            }
            let workspace = try walk.workspace()
            let sink = try OutputSink(path: output.output)
            let job = PairingJob(workspace: workspace, diffs: noStats ? .onDemand : .always)
            let (report, warnings) = try job.run(
                PairingSelection(minCommits: minCommits, top: top),
                observer: ProgressLine(enabled: walk.run.showsProgress))
            try sink.write(reporter.report(report))
            try sink.commit()
            walk.run.printWarnings(warnings)
        }
    }
}
