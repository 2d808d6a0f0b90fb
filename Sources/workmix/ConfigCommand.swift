import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct ConfigGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config", abstract: "Look at the config: what it names that the history does not bear out.",
            subcommands: [ConfigCheck.self])
    }

    struct ConfigCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Warnings about the config: people with no commit, handles that match no one, windows outside the history.",
            discussion: """
                Each warning names the config file and line. Exits 0 with warnings, 2 on an invalid config. \
                report and check print the same warnings on stderr first.
                """)

        @OptionGroup var walk: WalkOptions

        @Option(help: "text, or github for GitHub Actions ::warning annotations.")
        var format: ConfigWarningFormat = .text

        func run() throws {
            let workspace = try walk.workspace()
            guard workspace.config.file != nil else {
                throw InputError(
                    "no config found (\(ConfigDiscovery.names.joined(separator: ", ")) here or in a parent folder, or WORKMIX_CONFIG)",
                    remedy: .giveConfig)
            }
            let warnings = try ConfigReviewJob(workspace: workspace).run()
            let lines = ConfigWarningLines.lines(
                warnings, github: format == .github, relativeTo: FileManager.default.currentDirectoryPath)
            try write(lines.map { $0 + "\n" }.joined(), to: nil)
        }
    }
}

enum ConfigWarningFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github
}

extension WalkOptions {
    /// `config check`'s warnings on stderr before a report or a check (SPEC 10): they never change
    /// the verdict. A repository that cannot be read is left to the run to report.
    func printConfigWarnings(_ workspace: Workspace, github: Bool) {
        guard !run.quiet, let warnings = try? ConfigReviewJob(workspace: workspace).run() else { return }
        for line in ConfigWarningLines.lines(warnings, github: github, relativeTo: FileManager.default.currentDirectoryPath) {
            writeToStandardError((github ? "" : "workmix: warning: ") + line + "\n")
        }
    }
}
