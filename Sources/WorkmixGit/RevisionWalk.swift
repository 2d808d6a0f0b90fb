/// Walks history in `git rev-list`'s default order: newest committer date first, a commit's parents
/// queued only once it is shown, ties in the order they were queued. With excluded commits (`A..B`) it
/// limits the list first, as git's `limit_list` does, and keeps only commit ids while doing so.
///
/// Unlike libgit2 1.5's revwalk it tolerates what real snapshots contain: a missing parent ends that
/// line of history (counted in `missingCommits`) and a shallow clone's boundary is respected.
public final class RevisionWalk {
    public struct Options: Sendable {
        public var include: [ObjectID]
        public var exclude: [ObjectID]
        public var firstParent: Bool
        public init(include: [ObjectID], exclude: [ObjectID] = [], firstParent: Bool = false) {
            self.include = include
            self.exclude = exclude
            self.firstParent = firstParent
        }
    }

    private let repository: Repository
    private let options: Options
    private let shallow: Set<ObjectID>
    /// Commits referenced but not readable (damaged or partial repositories).
    public private(set) var missingCommits: Set<ObjectID> = []

    private var seen: Set<ObjectID> = []
    private var queue = DateQueue<GitCommit>()
    private var limited: [ObjectID]?
    private var limitedIndex = 0
    private var uninteresting: Set<ObjectID> = []

    public init(repository: Repository, options: Options) throws {
        self.repository = repository
        self.options = options
        self.shallow = repository.shallowBoundary()
        if options.exclude.isEmpty {
            for id in options.include where seen.insert(id).inserted {
                try enqueue(id, required: true)
            }
        } else {
            limited = try limitList()
        }
    }

    /// The next commit, or nil at the end.
    public func next() throws -> GitCommit? {
        if let limited {
            while limitedIndex < limited.count {
                let id = limited[limitedIndex]
                limitedIndex += 1
                if uninteresting.contains(id) { continue }
                return cutAtShallowBoundary(try repository.commit(id))
            }
            return nil
        }
        guard let commit = queue.pop() else { return nil }
        for parent in parents(of: commit.id, commit.parents) where seen.insert(parent).inserted {
            try enqueue(parent, required: false)
        }
        return cutAtShallowBoundary(commit)
    }

    /// A commit at a shallow clone's boundary is shown as git shows it: without parents (a root), so
    /// it is diffed against the empty tree.
    private func cutAtShallowBoundary(_ commit: GitCommit) -> GitCommit {
        guard shallow.contains(commit.id) else { return commit }
        var cut = commit
        cut.parents = []
        return cut
    }

    private func parents(of id: ObjectID, _ parents: [ObjectID]) -> ArraySlice<ObjectID> {
        if shallow.contains(id) { return [] }
        return options.firstParent ? parents.prefix(1) : parents[...]
    }

    private func enqueue(_ id: ObjectID, required: Bool) throws {
        do {
            let commit = try repository.commit(id)
            queue.push(commit, time: commit.committer.time)
        } catch is GitError where !required {
            missingCommits.insert(id)
        }
    }

    // MARK: - Limited walk (ranges)

    private struct Node {
        var parents: [ObjectID]
        var time: Int64
    }

    /// git's limit_list: walk until only uninteresting commits remain queued (plus a little slop for
    /// clock skew), and return the interesting ones in the order popped.
    private func limitList() throws -> [ObjectID] {
        var nodes: [ObjectID: Node] = [:]
        var ids = DateQueue<ObjectID>()

        func parse(_ id: ObjectID, required: Bool) throws -> Bool {
            if nodes[id] != nil { return true }
            do {
                let handle = try CommitHandle(repository: repository, id: id)
                nodes[id] = Node(parents: shallow.contains(id) ? [] : handle.parentIDs, time: handle.committerTime)
                return true
            } catch is GitError where !required {
                missingCommits.insert(id)
                return false
            }
        }

        func markParentsUninteresting(_ id: ObjectID) {
            var pending = nodes[id]?.parents ?? []
            while let next = pending.popLast() {
                if uninteresting.insert(next).inserted, let node = nodes[next] {
                    pending.append(contentsOf: node.parents)
                }
            }
        }

        for id in options.exclude { uninteresting.insert(id) }
        for id in options.include + options.exclude where seen.insert(id).inserted {
            if try parse(id, required: true) { ids.push(id, time: nodes[id]!.time) }
        }

        let slopMax = 5
        var slop = slopMax
        var date = Int64.max
        var result: [ObjectID] = []
        while let id = ids.pop() {
            let node = nodes[id]!
            let isUninteresting = uninteresting.contains(id)
            let followed = isUninteresting ? node.parents[...] : (options.firstParent ? node.parents.prefix(1) : node.parents[...])
            for parent in followed {
                if isUninteresting {
                    uninteresting.insert(parent)
                }
                guard try parse(parent, required: false) else { continue }
                if isUninteresting { markParentsUninteresting(parent) }
                if seen.insert(parent).inserted { ids.push(parent, time: nodes[parent]!.time) }
            }
            if isUninteresting {
                // still_interesting(): go on while something queued may still be interesting.
                guard let top = ids.peekTime() else { break }
                if date <= top || ids.contains(where: { !uninteresting.contains($0) }) {
                    slop = slopMax
                } else {
                    slop -= 1
                    if slop == 0 { break }
                }
                continue
            }
            date = node.time
            result.append(id)
        }
        return result
    }
}

/// A max-queue on commit time; equal times leave in the order they arrived (git's insert_by_date).
struct DateQueue<Element> {
    private var heap: [(time: Int64, order: UInt64, element: Element)] = []
    private var counter: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }

    func peekTime() -> Int64? { heap.first?.time }

    func contains(where predicate: (Element) -> Bool) -> Bool {
        heap.contains { predicate($0.element) }
    }

    private func before(_ i: Int, _ j: Int) -> Bool {
        heap[i].time != heap[j].time ? heap[i].time > heap[j].time : heap[i].order < heap[j].order
    }

    mutating func push(_ element: Element, time: Int64) {
        heap.append((time, counter, element))
        counter += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(child, parent) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < heap.count && before(left, best) { best = left }
            if right < heap.count && before(right, best) { best = right }
            if best == parent { break }
            heap.swapAt(parent, best)
            parent = best
        }
        return top.element
    }
}
