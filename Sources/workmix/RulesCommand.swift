import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixReporters

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
        @OptionGroup var common: CommonOptions

        func run() throws {
            let format = common.resolvedFormat(default: .json)
            try requireFormat(format, in: RuleListReporter.formats)
            let workspace = try common.workspace()
            try write(RuleListReporter.report(workspace.ruleSet.rules, format: format), to: common.output)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's examples; exit 1 if any fails.",
            discussion: "With PATHs, runs the examples of those rule files (evaluated with the rules in force, the files first).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Rule files or folders whose examples to run. Default: all rules in force.")
        var paths: [String] = []

        func run() throws {
            // Plain text only: FAIL lines on stderr, the closing count to the output.
            if let format = common.format { try requireFormat(format, in: [.table]) }
            var options = common.workspaceOptions
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
                to: common.output)
            if !report.passed { throw ExitFailure(code: 1, message: nil) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every rule evaluated against one commit, and why each matched or not.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The commit (a sha, a prefix, or any revision).")
        var revision: String

        func run() throws {
            let format = common.resolvedFormat(default: .table)
            try requireFormat(format, in: RuleExplanationReporter.formats)
            let workspace = try common.workspace()
            let record = try workspace.commitLookup().record(revision)
            let explanation = workspace.ruleSet.explain(record, context: workspace.ruleContext)
            try write(RuleExplanationReporter.report(record, explanation, format: format), to: common.output)
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accuracy of the rules in force against hand-labelled commits.",
            discussion:
                "FILE is CSV with a header: sha,expect (commits looked up in --repo) or message,expect (the message alone); or JSON lines of whole commits (subject, body, category, files), as the shared Conventional Commits corpus."
        )
        @OptionGroup var common: CommonOptions
        @Option(help: "The labels file (CSV).")
        var labels: String
        @Option(name: .customLong("show-wrong"), parsing: .unconditional, help: "How many wrongly classified rows to list.")
        var showWrong = 20

        func validate() throws {
            if showWrong < 0 { throw ValidationError("--show-wrong must be 0 or more") }
        }

        func run() throws {
            let format = common.resolvedFormat(default: .table)
            try requireFormat(format, in: AccuracyReporter.formats)
            let workspace = try common.workspace()
            let labelled = try workspace.labelledCommits(path: labels)
            let report = AccuracyReport.evaluate(labelled, ruleSet: workspace.ruleSet, context: workspace.ruleContext)
            try write(AccuracyReporter.report(report, format: format, maxWrong: showWrong), to: common.output)
        }
    }
}

func requireFormat(_ format: OutputFormat, in formats: [OutputFormat]) throws {
    guard formats.contains(format) else {
        throw ValidationError("no '\(format.rawValue)' format here (use \(formats.map(\.rawValue).joined(separator: ", ")))")
    }
}

/// Writes a whole report to stdout or, atomically, to a file.
func write(_ text: String, to path: String?) throws {
    let sink = try OutputSink(path: path)
    try sink.write(text)
    try sink.commit()
}
