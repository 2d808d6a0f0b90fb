import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each residency's verdict against its plan; exits 1 if an ended one is off plan.",
            discussion: """
                A residency is upcoming, running or ended as of --as-of (default now, in its timezone). \
                Only ended residencies off plan fail; running ones show their figures so far (--strict fails \
                them too); upcoming ones are listed, never failed.

                With --format github, prints GitHub Actions annotations (errors on the residency's line in \
                the config) and, when GITHUB_STEP_SUMMARY is set, appends the Markdown report to that file. \
                With --format junit, prints a JUnit XML report, one test case per residency (for GitLab's \
                artifacts:reports:junit and other CI servers).
                """)

        enum Formats: FormatChoice {
            static let command = "check"
            static var formats: [OutputFormat] { Reporters.check.formats }
        }

        @OptionGroup var walk: WalkOptions
        @OptionGroup(title: "Output") var output: OutputOptions<Formats>
        @OptionGroup(title: "Verdicts") var asOf: AsOfOption

        @Flag(help: "Also fail residencies still running that are off plan so far.")
        var strict = false

        func run() throws {
            let format = output.resolvedFormat(default: .table)
            guard let reporter = Reporters.check.reporter(for: format) else {
                throw ValidationError("check has no '\(format.rawValue)' format")
            }
            let stepSummary = format == .github ? ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"] : nil
            let workspace = try walk.workspace()
            walk.printConfigWarnings(workspace, github: format == .github)
            // The step summary shows churn.
            let (report, warnings) = try ResidencyJob(workspace: workspace).run(
                options: ResidencyJob.Options(asOf: asOf.date, strict: strict, showsChurn: stepSummary != nil),
                observer: ProgressLine(enabled: walk.run.showsProgress))
            // On GitHub the warnings are annotations too: a plain stderr line is lost in the log.
            var text = reporter.report(Self.locatedFromCurrentDirectory(report))
            if format == .github, !walk.run.quiet {
                text = warnings.map(\.githubAnnotation).joined() + text
            } else {
                walk.run.printWarnings(warnings)
            }
            try write(text, to: output.output)
            if let stepSummary, !stepSummary.isEmpty {
                appendStepSummary(MarkdownResidencyReporter().report(report), to: stepSummary)
            }
            if !report.passed { throw ExitFailure(code: 1, message: nil) }
        }

        /// The report with each residency's config file named from the current folder when it lies
        /// within (a config found there reads as `workmix.yml`): annotations name files from the checkout's root.
        static func locatedFromCurrentDirectory(_ report: ResidencyReport) -> ResidencyReport {
            let current = FileManager.default.currentDirectoryPath
            let prefix = current.hasSuffix("/") ? current : current + "/"
            var report = report
            for index in report.residencies.indices {
                guard let file = report.residencies[index].residency.location?.file, file.hasPrefix(prefix) else { continue }
                report.residencies[index].residency.location?.file = String(file.dropFirst(prefix.count))
            }
            return report
        }

        /// GitHub renders the file after the step; other steps write to it too, so append.
        func appendStepSummary(_ markdown: String, to path: String) {
            if !FileManager.default.fileExists(atPath: path) {
                // A failure shows just below, when the file cannot be opened.
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            guard let handle = FileHandle(forUpdatingAtPath: path) else {
                warn("GITHUB_STEP_SUMMARY \(path): cannot write", quiet: walk.run.quiet)
                return
            }
            defer { try? handle.close() }
            do {
                // Markdown after another step's text starts on a line of its own, or its heading is none.
                let end = try handle.seekToEnd()
                var separator = ""
                if end > 0 {
                    try handle.seek(toOffset: end - 1)
                    if try handle.read(upToCount: 1) != Data("\n".utf8) { separator = "\n" }
                }
                try handle.write(contentsOf: Data((separator + markdown + "\n").utf8))
            } catch {
                warn("GITHUB_STEP_SUMMARY \(path): cannot write", quiet: walk.run.quiet)
            }
        }
    }
}
