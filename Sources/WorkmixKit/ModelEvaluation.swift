import WorkmixCore

/// The model alone on labelled commits: its most likely category for each.
package enum ModelEvaluation {
    package static func evaluate(_ commits: [LabelledRecord], model: CommitModel) -> AccuracyReport {
        AccuracyReport(
            rows: commits.map { commit in
                let classification = Classification(category: model.predict(commit.record).best.category, ruleID: "model")
                return AccuracyReport.Row(record: commit.record, expected: commit.expected, classification: classification)
            })
    }

    /// Commits before `date` (by author date, in their own offset) and from it on.
    package static func split(_ commits: [LabelledRecord], at date: CivilDate) -> (before: [LabelledRecord], after: [LabelledRecord]) {
        (commits.filter { $0.record.authoredAt.localDate < date }, commits.filter { $0.record.authoredAt.localDate >= date })
    }
}
