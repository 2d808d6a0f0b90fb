import Foundation
import WorkmixCore

extension Workspace {
    /// The commits of the run's repositories whose subject carries a Conventional prefix of a known
    /// type, labelled with the category it implies, with their file changes. Commits the rules skip
    /// (merges) are left out. The prefix stays in the subject: the model's features drop it.
    public func conventionalCommits() throws -> (commits: [LabelledRecord], warnings: [RunWarning]) {
        var commits: [LabelledRecord] = []
        let warnings = try classifyCommits(diffs: .always, evidence: false) { commit in
            guard let prefix = ConventionalPrefix(Substring(commit.record.subject)), let category = prefix.category else { return }
            commits.append((commit.record, category))
        }
        return (commits, warnings)
    }

    /// The labelled commits of `--labels` files and, when `fromRepositories`, the Conventional commits
    /// of the repositories.
    public func labelledCommits(labels: [String], fromRepositories: Bool) throws -> (commits: [LabelledRecord], warnings: [RunWarning]) {
        var (commits, warnings) = fromRepositories ? try conventionalCommits() : ([], [])
        for path in labels { commits += try labelledCommits(path: path) }
        return (commits, warnings)
    }
}

/// The model alone on labelled commits: its most likely category for each.
public enum ModelEvaluation {
    public static func evaluate(_ commits: [LabelledRecord], model: CommitModel) -> AccuracyReport {
        AccuracyReport(
            rows: commits.map { commit in
                let classification = Classification(category: model.predict(commit.record).best.category, ruleID: "model")
                return AccuracyReport.Row(record: commit.record, expected: commit.expected, classification: classification)
            })
    }

    /// Commits before `date` (by author date, in their own offset) and from it on.
    public static func split(_ commits: [LabelledRecord], at date: CivilDate) -> (before: [LabelledRecord], after: [LabelledRecord]) {
        (commits.filter { $0.record.authoredAt.localDate < date }, commits.filter { $0.record.authoredAt.localDate >= date })
    }
}
