/// Walks history in `git rev-list`'s default order: newest committer date first, a commit's parents
/// queued only once it is shown, ties in the order they were queued. With excluded commits (`A..B`) it
/// limits the list first, as git's `limit_list` does, and keeps only commit ids while doing so.
///
/// Unlike libgit2 1.5's revwalk it tolerates what real snapshots contain: a missing parent ends that
/// line of history (counted in `missingCommits`) and a shallow clone's boundary is respected.
package final class RevisionWalk {
    package struct Options: Sendable {
        package var include: [ObjectID]
        package var exclude: [ObjectID]
        package var firstParent: Bool
        package init(include: [ObjectID], exclude: [ObjectID] = [], firstParent: Bool = false) {
            self.include = include
            self.exclude = exclude
            self.firstParent = firstParent
        }
    }

    /// Where commits are read: the repository unless the walk was given a store of them.
    private let source: CommitSource
    /// The repository when commits are read from it (its objects are then parsed in place).
    private let repository: Repository?
    private let options: Options
    private let shallow: Set<ObjectID>
    /// Commits referenced but not readable (damaged or partial repositories).
    package private(set) var missingCommits: Set<ObjectID> = []

    private var seen: Set<ObjectID> = []
    private var queue = DateQueue<GitCommit>()
    private var limited: [ObjectID]?
    private var limitedIndex = 0
    private var uninteresting: Set<ObjectID> = []

    /// `source`, when given, reads commits in place of the repository (a store of those already read);
    /// the order is the same, since it is computed from the same parents and dates.
    package convenience init(repository: Repository, options: Options, source: CommitSource? = nil) throws {
        try self.init(source: source ?? repository, shallow: repository.shallowBoundary(), options: options)
    }

    /// A walk over commits read from `source` alone (a store with no repository beside it), the
    /// commits of `shallow` shown as roots as a shallow clone's boundary is.
    package init(source: CommitSource, shallow: Set<ObjectID>, options: Options) throws {
        self.source = source
        self.repository = source as? Repository
        self.options = options
        self.shallow = shallow
        if options.exclude.isEmpty {
            for id in options.include where seen.insert(id).inserted {
                try enqueue(id, required: true)
            }
        } else {
            limited = try limitList()
        }
    }

    /// The next commit, or nil at the end.
    package func next() throws -> GitCommit? {
        if let limited {
            while limitedIndex < limited.count {
                let id = limited[limitedIndex]
                limitedIndex += 1
                if uninteresting.contains(id) { continue }
                return cutAtShallowBoundary(try lookUp(id))
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

    private func lookUp(_ id: ObjectID) throws -> GitCommit {
        try source.commit(id)
    }

    private func enqueue(_ id: ObjectID, required: Bool) throws {
        do {
            let commit = try lookUp(id)
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

    /// A commit's parents (none at a shallow boundary) and committer date.
    private func node(_ id: ObjectID) throws -> Node {
        guard let repository else {
            let commit = try source.commit(id)
            return Node(parents: shallow.contains(id) ? [] : commit.parents, time: commit.committer.time)
        }
        let commit = try GitObject<CommitKind>(repository, id)
        return Node(parents: shallow.contains(id) ? [] : commit.parentIDs, time: commit.committerTime)
    }

    /// git's limit_list: walk until only uninteresting commits remain queued (plus a little slop for
    /// clock skew), and return the interesting ones in the order popped.
    private func limitList() throws -> [ObjectID] {
        var nodes: [ObjectID: Node] = [:]
        var ids = DateQueue<ObjectID>()

        func parse(_ id: ObjectID, required: Bool) throws -> Node? {
            if let node = nodes[id] { return node }
            do {
                let node = try self.node(id)
                nodes[id] = node
                return node
            } catch is GitError where !required {
                missingCommits.insert(id)
                return nil
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
            if let node = try parse(id, required: true) { ids.push(id, time: node.time) }
        }

        var slop = Self.slopMax
        var date = Int64.max
        var result: [ObjectID] = []
        while let id = ids.pop() {
            guard let node = nodes[id] else { continue }
            let isUninteresting = uninteresting.contains(id)
            let followed = isUninteresting ? node.parents[...] : (options.firstParent ? node.parents.prefix(1) : node.parents[...])
            for parent in followed {
                if isUninteresting {
                    uninteresting.insert(parent)
                }
                guard let parentNode = try parse(parent, required: false) else { continue }
                if isUninteresting { markParentsUninteresting(parent) }
                if seen.insert(parent).inserted { ids.push(parent, time: parentNode.time) }
            }
            if isUninteresting {
                guard stillInteresting(ids, date: date, slop: &slop) else { break }
                continue
            }
            date = node.time
            result.append(id)
        }
        return result
    }

    private static let slopMax = 5

    /// git's still_interesting(): go on while something queued may still be interesting, and for a
    /// few more commits (`slop`) when the dates say nothing queued can be.
    private func stillInteresting(_ ids: DateQueue<ObjectID>, date: Int64, slop: inout Int) -> Bool {
        guard let top = ids.peekTime() else { return false }
        if date <= top || ids.contains(where: { !uninteresting.contains($0) }) {
            slop = Self.slopMax
        } else {
            slop -= 1
            if slop == 0 { return false }
        }
        return true
    }
}
