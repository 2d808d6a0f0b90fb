import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit

extension Workmix {
    struct Label: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Label sampled commits by hand, one key each, into a labels file for rules and model eval and train.")

        @OptionGroup var walk: WalkOptions

        @Option(help: "How many commits to sample: 70% uniformly, 30% among those the rules call investment or support.")
        var sample = 200

        @Option(help: "The sample's seed: the same history and seed give the same sample.")
        var seed: UInt64 = 1

        @Option(help: "The labels file (JSON lines: repo, sha, category, stratum). An existing one is resumed.")
        var output: String

        @Option(name: .customLong("from-tsv"), help: "Take the labels from sha<TAB>category lines instead of the terminal.")
        var fromTSV: String?

        func validate() throws {
            if sample < 1 { throw ValidationError("--sample must be at least 1") }
        }

        func run() throws {
            guard fromTSV != nil || isatty(STDIN_FILENO) == 1 else {
                throw ExitFailure(code: 2, message: "label reads keys from a terminal: run it in one, or pass --from-tsv FILE")
            }
            let workspace = try walk.workspace()
            let file = try HandLabelFile(path: output)
            let job = LabelJob(workspace: workspace)
            let (candidates, warnings) = try job.candidates()
            walk.run.printWarnings(warnings)
            let drawn = LabelSample.draw(candidates, count: sample, seed: seed)
            if let fromTSV {
                try file.record(all: try job.handLabels(fromTSV: fromTSV, sample: drawn))
                if !walk.run.quiet { writeToStandardError("\(file.labels.count) labels in \(output)\n") }
                return
            }
            let done = file.labelledShas
            var session = LabelSession(queue: drawn.filter { !done.contains($0.sha) }, file: file, previewer: try job.previewer())
            try session.run()
        }
    }
}
