import ArgumentParser
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Pairs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who paired with whom, on what kind of work (from Co-authored-by and pair_trailers).")

        @OptionGroup var common: CommonOptions

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
            if let format = common.format, PairingReporters.reporter(for: format) == nil {
                throw ValidationError(
                    "pairs has no '\(format.rawValue)' format (use "
                        + PairingReporters.formats.map(\.rawValue).joined(separator: ", ") + ")")
            }
        }

        func run() throws {
            let format = common.resolvedFormat(default: .json)
            guard let reporter = PairingReporters.reporter(for: format) else {
                throw ValidationError("pairs has no '\(format.rawValue)' format")
            }
            let workspace = try common.workspace()
            let sink = try OutputSink(path: common.output)
            let progress = Progress(enabled: common.showsProgress, total: workspace.commitCounter())
            let people = try workspace.people()
            var aggregator = PairingAggregator(
                filter: workspace.config.participantFilter, people: people,
                distinctCommits: workspace.repositories.count > 1)
            let warnings = try workspace.classifiedCommits(
                fileChanges: !noStats,
                context: workspace.ruleContext(people: people), evidence: false
            ) { commit in
                aggregator.add(commit)
                progress.tick()
            }
            progress.finish()
            try sink.write(reporter.report(aggregator.report(PairingSelection(minCommits: minCommits, top: top))))
            try sink.commit()
            for warning in warnings { warn(warning, quiet: common.quiet) }
        }
    }
}
