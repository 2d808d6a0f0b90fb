import Foundation
import Synchronization

/// What rules may ask about a commit beyond its record. The residency code supplies `isResident`
/// (did a resident of an active residency take part?); without it the `resident` matcher sees false.
/// `model` answers the `model` matcher; without one, model rules are unknown and never match.
package struct RuleContext: Sendable {
    package var isResident: @Sendable (CommitRecord) -> Bool
    package var model: CommitModel?
    /// The prediction for the commit being classified, made once however many model rules ask.
    var memo: PredictionMemo?

    package init(isResident: @escaping @Sendable (CommitRecord) -> Bool = { _ in false }, model: CommitModel? = nil) {
        self.isResident = isResident
        self.model = model
    }

    package static let none = RuleContext()

    /// The model's prediction for `record`, from the memo when it was made for the same commit and files.
    func prediction(for record: CommitRecord) -> ModelPrediction? {
        guard let model else { return nil }
        guard let memo else { return model.predict(record) }
        return memo.prediction(for: record, model: model)
    }

    /// A copy whose model predictions are made once per commit: for one classification on one thread.
    func memoizing() -> RuleContext {
        guard model != nil else { return self }
        var copy = self
        copy.memo = PredictionMemo()
        return copy
    }
}

/// Remembers the last prediction, keyed by the commit and how much of its files it saw (a fresh memo
/// per classification, so the mutex is never contended).
final class PredictionMemo: Sendable {
    private let last = Mutex<(sha: String, subject: String, detail: Int, value: ModelPrediction)?>(nil)

    func prediction(for record: CommitRecord, model: CommitModel) -> ModelPrediction {
        let detail = record.changeInfo.stats != nil ? 2 : record.changeInfo.changes != nil ? 1 : 0
        if let last = last.withLock({ $0 }), last.sha == record.sha, last.subject == record.subject, last.detail == detail {
            return last.value
        }
        let prediction = model.predict(record)
        last.withLock { $0 = (record.sha, record.subject, detail, prediction) }
        return prediction
    }
}
