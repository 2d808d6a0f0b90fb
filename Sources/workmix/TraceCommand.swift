import ArgumentParser
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One commit, its areas, and what followed it in each area (SPEC 9).",
            discussion: """
                Lists the classified commits (by anyone) in the commit's areas within follow_through.weeks \
                after it, marking those of the next link: investment after support, maintenance after \
                investment. Areas and weeks come from the config.
                """)

        enum Formats: FormatChoice {
            static let command = "trace"
            static var formats: [OutputFormat] { Reporters.trace.formats }
        }

        @OptionGroup var walk: WalkOptions
        @OptionGroup(title: "Output") var output: OutputOptions<Formats>
        @Argument(help: "The commit (a sha, a prefix, or any revision).")
        var revision: String

        func run() throws {
            let format = output.resolvedFormat(default: .json)
            guard let reporter = Reporters.trace.reporter(for: format) else {
                throw ValidationError("trace has no '\(format.rawValue)' format")
            }
            let trace = try TraceJob(workspace: walk.workspace()).run(revision)
            try write(reporter.report(trace), to: output.output)
        }
    }
}
