import Dispatch
import Synchronization
import WorkmixCore
import WorkmixGit

/// One batch of commits processed on the workers, on Dispatch's global queue, while the caller walks
/// the next batch and writes the one before: each worker takes the batch's next commit until none is
/// left. `outputs` waits for them and gives the results in batch order.
final class MinerBatch<T: Sendable>: Sendable {
    private let commits: [GitCommit]
    /// The next commit to take, and the results so far by position.
    private let state: Mutex<(next: Int, outputs: [MinerWorker.Output<T>?])>
    private let group = DispatchGroup()

    init(_ commits: [GitCommit], on workers: [MinerWorker], _ transform: @escaping @Sendable (MinedCommit) -> T) {
        self.commits = commits
        state = Mutex((0, Array(repeating: nil, count: commits.count)))
        for worker in workers.prefix(commits.count) {
            DispatchQueue.global().async(group: group) { [self] in
                while let index = take() {
                    let output = worker.process(commits[index], transform)
                    state.withLock { $0.outputs[index] = output }
                }
            }
        }
    }

    private func take() -> Int? {
        state.withLock { state in
            guard state.next < commits.count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    /// The batch's results in order, once every worker is done.
    func outputs() -> [MinerWorker.Output<T>] {
        group.wait()
        return state.withLock { $0.outputs.compactMap { $0 } }
    }

    /// Stops the workers at their current commit and waits for them: the caller stopped.
    func cancel() {
        state.withLock { $0.next = commits.count }
        group.wait()
    }
}
