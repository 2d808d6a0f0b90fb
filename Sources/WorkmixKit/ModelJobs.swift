import Foundation
import WorkmixCore

/// The labelled commits `workmix model train` and `model eval` learn from and measure on.
public struct LabelledCommit: Sendable {
    public var record: CommitRecord
    public var expected: Category

    public init(record: CommitRecord, expected: Category) {
        self.record = record
        self.expected = expected
    }
}

extension Workspace {
    /// The commits of the run's repositories whose subject carries a Conventional prefix of a known
    /// type, labelled with the category it implies, with their file changes. Commits the rules skip
    /// (merges) are left out. The prefix stays in the subject: the model's features drop it.
    public func conventionalCommits() throws -> (commits: [LabelledCommit], warnings: [String]) {
        var commits: [LabelledCommit] = []
        let warnings = try classifiedCommits(fileChanges: true, evidence: false) { commit in
            guard let prefix = ConventionalPrefix(Substring(commit.record.subject)), let category = prefix.category else { return }
            commits.append(LabelledCommit(record: commit.record, expected: category))
        }
        return (commits, warnings)
    }

    /// The labelled commits of `--labels` files and, when `fromRepositories`, the Conventional commits
    /// of the repositories.
    public func labelledCommits(labels: [String], fromRepositories: Bool) throws -> (commits: [LabelledCommit], warnings: [String]) {
        var commits: [LabelledCommit] = []
        var warnings: [String] = []
        if fromRepositories {
            (commits, warnings) = try conventionalCommits()
        }
        for path in labels {
            commits += try labelledCommits(path: path).map { LabelledCommit(record: $0.record, expected: $0.expected) }
        }
        return (commits, warnings)
    }
}

/// The model alone on labelled commits: its most likely category for each.
public enum ModelEvaluation {
    public static func evaluate(_ commits: [LabelledCommit], model: CommitModel) -> AccuracyReport {
        AccuracyReport(rows: commits.map { commit in
            let prediction = model.predict(commit.record)
            let best = prediction.best
            let classification = Classification(category: best.category, ruleID: "model",
                                                evidence: [prediction.summary] + prediction.topFeatures(for: best.category))
            return AccuracyReport.Row(record: commit.record, expected: commit.expected, classification: classification)
        })
    }

    /// Commits before `date` (by author date, in their own offset) and from it on.
    public static func split(_ commits: [LabelledCommit], at date: CivilDate) -> (before: [LabelledCommit], after: [LabelledCommit]) {
        (commits.filter { $0.record.authoredAt.localDate < date }, commits.filter { $0.record.authoredAt.localDate >= date })
    }
}
