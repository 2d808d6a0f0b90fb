import Dispatch
import Foundation
import WorkmixCore
import WorkmixGit

/// Computes file changes for a batch of commits on several threads. libgit2 repository handles are
/// not for sharing across threads, so each worker has its own; a handle is used by one worker at a
/// time (workers may run on different threads from one batch to the next, never at once).
final class ParallelDiffer: @unchecked Sendable {
    private let handles: [Repository]

    init(path: String, main: Repository, jobs: Int) throws {
        var handles = [main]
        for _ in 1..<max(1, jobs) { handles.append(try Repository(discovering: path)) }
        self.handles = handles
    }

    func changes(of commits: [GitCommit]) -> [ChangeInfo] {
        if handles.count == 1 || commits.count == 1 {
            return commits.map { Self.changes(of: $0, in: handles[0]) }
        }
        let results = UnsafeMutableBufferPointer<ChangeInfo>.allocate(capacity: commits.count)
        results.initialize(repeating: .notComputed)
        defer { results.deallocate() }
        let next = Counter()
        let workers = min(handles.count, commits.count)
        let output = UncheckedBox(results)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let repository = handles[worker]
            while case let index = next.increment(), index < commits.count {
                output.value[index] = Self.changes(of: commits[index], in: repository)
            }
        }
        return Array(results)
    }

    static func changes(of commit: GitCommit, in repository: Repository) -> ChangeInfo {
        do {
            let changes = try repository.fileChanges(of: commit)
            return .computed(changes.map {
                FileChange(path: $0.path, oldPath: $0.oldPath, status: FileChange.Status(rawValue: $0.status.rawValue) ?? .modified,
                           insertions: $0.insertions, deletions: $0.deletions, binary: $0.binary)
            })
        } catch {
            return .unavailable
        }
    }
}

/// A shared index for workers pulling from one list.
final class Counter: @unchecked Sendable {
    private var value = -1
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Lets workers write disjoint slots of one buffer.
struct UncheckedBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
