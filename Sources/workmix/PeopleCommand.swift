import ArgumentParser
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct PeopleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "people",
            abstract: "Everyone in the history: their identities, the merges made, and merges left to you (as .mailmap or identities).")

        enum Formats: FormatChoice {
            static let command = "people"
            static var formats: [OutputFormat] { Reporters.people.formats }
        }

        @OptionGroup(title: "History") var repository: RepositoryOptions
        @OptionGroup(title: "History") var history: HistoryOptions
        @OptionGroup(title: "Config") var config: ConfigOptions
        @OptionGroup(title: "Output") var output: OutputOptions<Formats>
        @OptionGroup(title: "Run") var runOptions: RunOptions

        func run() throws {
            let format = output.resolvedFormat(default: .json)
            guard let reporter = Reporters.people.reporter(for: format) else {
                throw ValidationError("people has no '\(format.rawValue)' format")
            }
            let workspace = try Workspace(options: WorkspaceOptions(repository, history, config, runOptions))
            let sink = try OutputSink(path: output.output)
            let census = try PeopleJob(workspace: workspace).census()
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
