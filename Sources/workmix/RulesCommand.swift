import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixReporters
import WorkmixStore

extension Workmix {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, test, explain and evaluate the rules in force.",
            subcommands: [List.self, Test.self, Explain.self, Eval.self])
    }
}

extension Workmix.Rules {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The rules in force, in evaluation order, with their source file.")

        enum Formats: FormatChoice {
            static let command = "rules list"
            static var formats: [OutputFormat] { Reporters.ruleList.formats }
        }

        @OptionGroup(title: "Config and rules") var config: ConfigOptions
        @OptionGroup(title: "Config and rules") var rules: RuleOptions
        @OptionGroup(title: "Output") var output: OutputOptions<Formats>

        func run() throws {
            let format = output.resolvedFormat(default: .json)
            guard let reporter = Reporters.ruleList.reporter(for: format) else {
                throw ValidationError("rules list has no '\(format.rawValue)' format")
            }
            let workspace = try Workspace(options: WorkspaceOptions(config, rules))
            try write(reporter.report(RuleListing(workspace.ruleSet.rules)), to: output.output)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's examples; exit 1 if any fails.",
            discussion: "With PATHs, runs the examples of those rule files (evaluated with the rules in force, the files first).")

        /// Plain text only: FAIL lines on stderr, the closing count to the output.
        enum Formats: FormatChoice {
            static let command = "rules test"
            static let formats: [OutputFormat] = [.table]
        }

        @OptionGroup(title: "Config and rules") var config: ConfigOptions
        @OptionGroup(title: "Config and rules") var rules: RuleOptions
        @OptionGroup(title: "Output") var output: OutputOptions<Formats>
        @Argument(help: "Rule files or folders whose examples to run. Default: all rules in force.")
        var paths: [String] = []

        func run() throws {
            var options = WorkspaceOptions(config, rules)
            options.rulePaths = paths + options.rulePaths
            let workspace = try Workspace(options: options)
            let tested = paths.isEmpty ? nil : try RuleLoader.load(paths: paths)
            let report = RuleExampleRunner.run(workspace.ruleSet, examplesOf: tested, context: workspace.ruleContext)
            for failure in report.failures {
                writeToStandardError("FAIL \(failure)\n")
            }
            let rules = tested?.count ?? workspace.ruleSet.rules.count
            try write(
                "\(report.examplesRun - report.failures.count) passed, \(report.failures.count) failed (\(report.examplesRun) examples of \(rules) rules)\n",
                to: output.output)
            if !report.passed { throw ExitFailure(code: 1, message: nil) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every rule evaluated against one commit, and why each matched or not.")

        enum Formats: FormatChoice {
            static let command = "rules explain"
            static var formats: [OutputFormat] { Reporters.ruleExplanation.formats }
        }

        @OptionGroup(title: "History") var repository: RepositoryOptions
        @OptionGroup(title: "Config and rules") var config: ConfigOptions
        @OptionGroup(title: "Config and rules") var rules: RuleOptions
        @OptionGroup(title: "Output") var output: OutputOptions<Formats>
        @OptionGroup var quietness: QuietOption
        @Argument(help: "The commit (a sha, a prefix, or any revision).")
        var revision: String

        func run() throws {
            let format = output.resolvedFormat(default: .table)
            guard let reporter = Reporters.ruleExplanation.reporter(for: format) else {
                throw ValidationError("rules explain has no '\(format.rawValue)' format")
            }
            let workspace = try Workspace(options: WorkspaceOptions(repository, config, rules))
            let record = try CommitLookup(workspace: workspace).record(revision)
            let explanation = workspace.ruleSet.explain(record, context: workspace.ruleContext)
            try write(reporter.report(ExplainedCommit(record: record, explanation: explanation)), to: output.output)
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accuracy of the rules in force against hand-labelled commits.",
            discussion:
                "FILE is CSV with a header: sha,expect (commits looked up in --repo) or message,expect (the message alone); or JSON lines of whole commits (subject, body, category, files), as the shared Conventional Commits corpus."
        )

        @OptionGroup(title: "History") var repository: RepositoryOptions
        @OptionGroup(title: "Config and rules") var config: ConfigOptions
        @OptionGroup(title: "Config and rules") var rules: RuleOptions
        @OptionGroup(title: "Store") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions<AccuracyFormats>
        @OptionGroup var quietness: QuietOption
        @Option(help: "The labels file (CSV).")
        var labels: String
        @Option(name: .customLong("show-wrong"), parsing: .unconditional, help: "How many wrongly classified rows to list.")
        var showWrong = 20

        func validate() throws {
            if showWrong < 0 { throw ValidationError("--show-wrong must be 0 or more") }
        }

        func run() throws {
            let workspace = try Workspace(options: WorkspaceOptions(repository, config, rules, store))
            let labelled = try LabelledCommitsJob(workspace: workspace).commits(ofLabelsFile: labels)
            for warning in workspace.store?.takeWarnings() ?? [] { warn(warning.text, quiet: false) }
            let report = AccuracyReport.evaluate(labelled, ruleSet: workspace.ruleSet, context: workspace.ruleContext)
            try write(accuracy: report, maxWrong: showWrong, output)
        }
    }
}

/// The formats of `rules eval` and `model eval`.
enum AccuracyFormats: FormatChoice {
    static let command = "eval"
    static var formats: [OutputFormat] { Reporters.accuracy.formats }
}

/// Writes an accuracy report in the format asked for.
func write(accuracy report: AccuracyReport, maxWrong: Int, _ output: OutputOptions<AccuracyFormats>) throws {
    let format = output.resolvedFormat(default: .table)
    guard let reporter = Reporters.accuracy.reporter(for: format) else {
        throw ValidationError("eval has no '\(format.rawValue)' format")
    }
    try write(reporter.report(AccuracyListing(report, maxWrong: maxWrong)), to: output.output)
}

/// Writes a whole report to stdout or, atomically, to a file.
func write(_ text: String, to path: String?) throws {
    let sink = try OutputSink(path: path)
    try sink.write(text)
    try sink.commit()
}
