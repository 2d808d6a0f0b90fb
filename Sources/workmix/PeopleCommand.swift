import ArgumentParser
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct PeopleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "people",
            abstract: "Everyone in the history: their identities, the merges made, and merges left to you (as .mailmap or identities).")

        @OptionGroup var common: CommonOptions

        func validate() throws {
            if let format = common.format, PeopleReporters.reporter(for: format) == nil {
                throw ValidationError(
                    "people has no '\(format.rawValue)' format (use "
                        + PeopleReporters.formats.map(\.rawValue).joined(separator: ", ") + ")")
            }
        }

        func run() throws {
            let format = common.resolvedFormat(default: .json)
            guard let reporter = PeopleReporters.reporter(for: format) else {
                throw ValidationError("people has no '\(format.rawValue)' format")
            }
            let workspace = try common.workspace()
            let sink = try OutputSink(path: common.output)
            let census = try workspace.census()
            let people = People(census: census, options: workspace.config.peopleOptions)
            try sink.write(
                reporter.report(
                    PeopleReport(
                        people: people, census: census,
                        distinct: workspace.config.identities.distinct)))
            try sink.commit()
        }
    }
}
