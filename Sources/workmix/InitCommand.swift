import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a starter workmix.yml for the repository in the current folder (never over an existing one).",
            discussion: """
                The config names the repository, the people active in the last 12 weeks of its history with \
                their other addresses as identities, and an example residency, commented out.
                """)

        @OptionGroup(title: "Run") var runOptions: RunOptions

        static let weeks = 12

        func run() throws {
            let folder = FileManager.default.currentDirectoryPath
            if let existing = ConfigDiscovery.existing(in: folder) {
                throw ExitFailure(
                    code: 2, message: "\((existing as NSString).lastPathComponent) exists already: workmix init never overwrites a config")
            }
            var options = WorkspaceOptions(runOptions)
            options.ignoresConfig = true
            let workspace = try Workspace(options: options)
            guard let recent = try PeopleJob(workspace: workspace).recent(weeks: Self.weeks) else {
                throw ExitFailure(code: 2, message: "\(folder): the repository has no commit yet")
            }
            let name = URL(fileURLWithPath: folder).lastPathComponent
            let starter = StarterConfig(
                repository: name, people: recent.people.everyone, from: recent.from.localDate, to: recent.to.localDate,
                weeks: Self.weeks)
            let path = (folder as NSString).appendingPathComponent(ConfigDiscovery.names[0])
            try write(starter.text, to: path)
            guard !runOptions.quiet else { return }
            writeToStandardError(
                "workmix: wrote \(ConfigDiscovery.names[0]): \(recent.people.everyone.count) people active from \(recent.from.localDate) to \(recent.to.localDate); next: workmix config check\n"
            )
        }
    }
}
