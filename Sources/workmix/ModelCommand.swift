import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train and measure the learned classifier that the `model` matcher asks (SPEC 7).",
            subcommands: [Train.self, Eval.self])
    }
}

extension Workmix.Model {
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn a model from Conventional commits of --repo and/or a labels file.",
            discussion: """
                Commits whose subject starts with a Conventional Commits type (feat, fix, refactor, docs, …) are \
                labelled with the category it implies; the prefix is dropped before the model reads the subject. \
                --labels adds CSV (sha,expect or message,expect) or JSON lines of whole commits. The same input \
                gives the same file.
                """)
        @OptionGroup(title: "History") var repository: RepositoryOptions
        @OptionGroup(title: "History") var history: HistoryOptions
        @OptionGroup(title: "Config") var config: ConfigOptions
        @OptionGroup(title: "Run") var runOptions: RunOptions
        @Option(help: "The model file to write (it appears only when complete).")
        var output: String?
        @Option(help: "Labelled commits: CSV (sha,expect or message,expect) or JSON lines. Repeatable.")
        var labels: [String] = []
        @Flag(name: .customLong("labels-only"), help: "Learn from --labels alone, reading no repository.")
        var labelsOnly = false
        @Option(name: .customLong("regularisation"), help: "Inverse regularisation strength (C). Default: the shipped model's.")
        var regularisation: Double?
        @Option(
            name: .customLong("class-priors"),
            help: "The mix of categories to expect, as investment=0.14,maintenance=0.81,support=0.05. Default: balanced.")
        var classPriors: String?
        // Settings for experiments (bench/classifier_eval.py); the defaults are the shipped model's.
        @Option(name: .customLong("message-only-every"), help: .hidden) var messageOnlyEvery: Int?
        @Option(name: .customLong("min-count"), help: .hidden) var minCount: Int?
        @Option(name: .customLong("max-features"), help: .hidden) var maxFeatures: Int?
        @Option(name: .customLong("features"), help: .hidden) var features: String?

        func validate() throws {
            if output == nil { throw ValidationError("--output FILE is required (the model file to write)") }
            if labelsOnly && labels.isEmpty { throw ValidationError("--labels-only needs --labels") }
            if let regularisation, !(regularisation > 0) { throw ValidationError("--regularisation must be above 0") }
            if let classPriors, Self.priors(classPriors) == nil {
                throw ValidationError("--class-priors '\(classPriors)': expected investment=P,maintenance=P,support=P with each P above 0")
            }
        }

        /// `investment=0.14,maintenance=0.81,support=0.05` as one share per category of the model, each above 0.
        static func priors(_ text: String) -> [Double]? {
            var shares: [Category: Double] = [:]
            for pair in text.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let category = Category(rawValue: parts[0].lowercased()), Category.assignable.contains(category),
                    shares[category] == nil, let share = Double(parts[1]), share > 0, share.isFinite
                else { return nil }
                shares[category] = share
            }
            let ordered = CommitModel.categories.compactMap { shares[$0] }
            return ordered.count == CommitModel.categories.count ? ordered : nil
        }

        func run() throws {
            let workspace = try Workspace(options: WorkspaceOptions(repository, history, config, runOptions))
            let (commits, warnings) = try LabelledCommitsJob(workspace: workspace).run(labels: labels, fromRepositories: !labelsOnly)
            runOptions.printWarnings(warnings)
            var options = ModelTrainer.Options()
            if let regularisation { options.regularisation = regularisation }
            if let messageOnlyEvery { options.messageOnlyEvery = max(0, messageOnlyEvery) }
            if let minCount { options.minCount = minCount }
            options.classPriors = classPriors.flatMap(Self.priors)
            if let maxFeatures { options.maxFeatures = maxFeatures }
            if let features {
                guard let settings = FeatureSettings(json: features) else {
                    throw ValidationError("--features: not a JSON object of feature settings")
                }
                options.settings = settings
            }
            let counts = Category.assignable.map { category in "\(commits.filter { $0.expected == category }.count) \(category.rawValue)" }
            let model: CommitModel
            do {
                model = try ModelTrainer(options: options).train(
                    commits,
                    provenance: "\(commits.count) commits (\(counts.joined(separator: ", ")))")
            } catch let error as ModelTrainer.TrainingError {
                throw InputError("\(error) (Conventional commits of the repositories and rows of --labels)")
            }
            try write(ModelFile.write(model), to: output)
            if !runOptions.quiet {
                writeToStandardError(
                    "workmix: trained on \(commits.count) commits (\(counts.joined(separator: ", "))): \(model.featureCount) features\n")
            }
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accuracy of the model alone (its most likely category) on labelled commits.",
            discussion: """
                Measures on --labels, or on the Conventional commits of --repo (prefixes dropped). With \
                --holdout-after DATE, trains a model on the commits before DATE and measures it on those from DATE on.
                """)
        @OptionGroup(title: "History") var repository: RepositoryOptions
        @OptionGroup(title: "History") var history: HistoryOptions
        @OptionGroup(title: "Config and model") var config: ConfigOptions
        @OptionGroup(title: "Config and model") var model: ModelOptions
        @OptionGroup(title: "Output") var output: OutputOptions<AccuracyFormats>
        @OptionGroup(title: "Run") var runOptions: RunOptions
        @Option(help: "Labelled commits: CSV (sha,expect or message,expect) or JSON lines. Repeatable.")
        var labels: [String] = []
        @Option(name: .customLong("holdout-after"), help: "Train on commits before this date (YYYY-MM-DD), measure on the rest.")
        var holdoutAfter: String?
        @Option(name: .customLong("show-wrong"), parsing: .unconditional, help: "How many wrongly classified rows to list.")
        var showWrong = 20

        func validate() throws {
            if showWrong < 0 { throw ValidationError("--show-wrong must be 0 or more") }
            if let holdoutAfter, DateParser.parseDate(holdoutAfter) == nil {
                throw ValidationError("--holdout-after '\(holdoutAfter)': not a date (YYYY-MM-DD)")
            }
        }

        func run() throws {
            let workspace = try Workspace(options: WorkspaceOptions(repository, history, config, model, runOptions))
            let (commits, warnings) = try LabelledCommitsJob(workspace: workspace).run(labels: labels, fromRepositories: labels.isEmpty)
            runOptions.printWarnings(warnings)
            guard !commits.isEmpty else { throw InputError("no labelled commits to measure on") }
            let report: AccuracyReport
            if let date = holdoutAfter.flatMap(DateParser.parseDate) {
                let (before, after) = ModelEvaluation.split(commits, at: date)
                guard !after.isEmpty else { throw InputError("no labelled commits on or after \(date)") }
                let model: CommitModel
                do {
                    model = try ModelTrainer().train(before, provenance: "before \(date)")
                } catch let error as ModelTrainer.TrainingError {
                    throw InputError("\(error) before \(date)")
                }
                report = ModelEvaluation.evaluate(after, model: model)
            } else {
                guard let model = try workspace.model.get() else { throw InputError("no model: this workmix ships none; give --model FILE") }
                report = ModelEvaluation.evaluate(commits, model: model)
            }
            try write(accuracy: report, maxWrong: showWrong, output)
        }
    }
}
