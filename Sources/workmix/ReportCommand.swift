import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixReporters

extension Workmix {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The residency report: each residency's work by category against its plan.")

        @OptionGroup var common: CommonOptions

        @Flag(
            name: .customLong("no-follow-through"),
            help: "Leave out follow-through (SPEC 9), unless a plan asks for min_follow_through.")
        var noFollowThrough = false

        func validate() throws {
            if let format = common.format, ResidencyReporters.reporter(for: format) == nil {
                throw ValidationError(
                    "report has no '\(format.rawValue)' format (use "
                        + ResidencyReporters.formats.map(\.rawValue).joined(separator: ", ") + ")")
            }
        }

        func run() throws {
            let format = common.resolvedFormat(default: .json)
            guard let reporter = ResidencyReporters.reporter(for: format) else {
                throw ValidationError("report has no '\(format.rawValue)' format")
            }
            // Churn is part of every report (SPEC 6: totals in commits and churn), so diffs are always read.
            let report = try ResidencyRun(common: common).report(followThrough: !noFollowThrough) { _ in true }
            let sink = try OutputSink(path: common.output)
            try sink.write(reporter.report(report))
            try sink.commit()
        }
    }
}

/// Reads what the residencies need and adds it up: each repository once, only the weeks the
/// residencies span, classified with the `resident` matcher live.
struct ResidencyRun {
    let common: CommonOptions

    /// `fileChanges` says, given the config, whether diffs must be read (for churn). Follow-through is
    /// computed when asked for or when a plan sets `min_follow_through`; it needs paths.
    func report(followThrough wanted: Bool = false, fileChanges needsFileChanges: (WorkmixConfig) -> Bool) throws -> ResidencyReport {
        var workspace = try common.workspace()
        let followThrough = wanted || workspace.config.residencies.contains { $0.minFollowThrough != nil }
        let fileChanges = needsFileChanges(workspace.config) || followThrough
        let defaultRepositories = workspace.repositories.map { NamedRepository(name: $0.name, path: $0.path) }
        var analysis = try ResidencyAnalysis(config: workspace.config, defaultRepositories: defaultRepositories)
        // Commits outside every window count nowhere: leave them out of the walk before their diffs
        // are computed. The user's own --since/--until still apply.
        if common.since == nil || common.until == nil {
            var options = workspace.options
            let bounds = analysis.authoredBounds
            if common.since == nil { options.query.since = .instant(bounds.from) }
            if common.until == nil { options.query.until = .instant(bounds.to.followedThrough(workspace.config, if: followThrough)) }
            workspace = try Workspace(options: options)
        }
        let targets = analysis.repositories.map { RepositoryTarget(path: $0.path, name: $0.name) }
        // Who is who, from the same commits: a resident named by one address is all of that person's.
        let people = try workspace.people(in: targets)
        analysis = try ResidencyAnalysis(config: workspace.config, defaultRepositories: defaultRepositories, people: people)
        let context = workspace.ruleContext(people: people)
        let progress = Progress(enabled: common.showsProgress, total: workspace.commitCounter(in: targets))
        var warnings: [String] = []
        var collector =
            followThrough
            ? FollowThroughCollector(
                config: workspace.config, repositories: analysis.repositories,
                defaultRepositories: defaultRepositories, people: people) : nil
        for (index, target) in targets.enumerated() {
            warnings += try workspace.classifiedCommits(in: [target], fileChanges: fileChanges, context: context, evidence: false) { commit in
                analysis.add(commit, fromRepositoryAt: index)
                collector?.add(commit, fromRepositoryAt: index)
                progress.tick()
            }
        }
        progress.finish()
        for warning in warnings { warn(warning, quiet: common.quiet) }
        var report = analysis.report()
        if let collector { report.attach(collector.result()) }
        return report
    }
}
