import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The residency report: each residency's work by category against its plan.")

        enum Formats: FormatChoice {
            static let command = "report"
            static var formats: [OutputFormat] { Reporters.residency.formats }
        }

        @OptionGroup var walk: WalkOptions
        @OptionGroup(title: "Output") var output: OutputOptions<Formats>
        @OptionGroup(title: "Verdicts") var asOf: AsOfOption

        @Flag(help: "List each residency's counted commits, with category, deciding rule and churn.")
        var commits = false

        @Flag(
            name: .customLong("no-follow-through"),
            help: "Leave out follow-through (SPEC 9), unless a plan asks for min_follow_through or min_lift.")
        var noFollowThrough = false

        func run() throws {
            let format = output.resolvedFormat(default: .json)
            guard let reporter = Reporters.residency.reporter(for: format) else {
                throw ValidationError("report has no '\(format.rawValue)' format")
            }
            let workspace = try walk.workspace()
            walk.printConfigWarnings(workspace, github: false)
            // Churn is part of every report (SPEC 6: totals in commits and churn).
            let (report, warnings) = try ResidencyJob(workspace: workspace)
                .run(
                    followThrough: !noFollowThrough,
                    options: ResidencyJob.Options(asOf: asOf.date, commits: commits, showsChurn: true),
                    observer: ProgressLine(enabled: walk.run.showsProgress))
            walk.run.printWarnings(warnings)
            try write(reporter.report(report), to: output.output)
        }
    }
}
