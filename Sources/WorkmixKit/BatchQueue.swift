import Foundation
import WorkmixGit

/// Hands batches of commits from the walking thread to the processing one, holding at most
/// `capacity` so that memory stays flat: the walker waits when the workers are behind.
final class BatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[GitCommit]] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Blocks while full; drops the batch once cancelled.
    func put(_ batch: [GitCommit]) {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return }
        batches.append(batch)
        condition.broadcast()
    }

    /// The walk is over, with the error that ended it if any.
    func finish(error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, nil at the end; rethrows the walker's error after the batches before it.
    func take() throws -> [GitCommit]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer stopped (an error while writing): the walker ends at its next commit.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
}
