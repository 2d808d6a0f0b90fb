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

        @OptionGroup var common: CommonOptions
        @Argument(help: "The commit (a sha, a prefix, or any revision).")
        var revision: String

        func validate() throws {
            if let format = common.format, !TraceReporter.formats.contains(format) {
                throw ValidationError("trace has no '\(format.rawValue)' format (use table, json)")
            }
        }

        func run() throws {
            let format = common.resolvedFormat(default: .json)
            let trace = try common.workspace().trace(revision)
            guard let text = TraceReporter.report(trace, format: format) else {
                throw ValidationError("trace has no '\(format.rawValue)' format")
            }
            let sink = try OutputSink(path: common.output)
            try sink.write(text)
            try sink.commit()
        }
    }
}
