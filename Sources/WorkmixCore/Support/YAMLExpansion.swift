import Foundation
import Synchronization
import Yams

/// What aliases make of a composed YAML tree, measured without recursion and without expanding them:
/// Yams resolves an alias to the very node its anchor names, so the tree is a graph whose aliases of
/// aliases (a "billion laughs") stand for millions of values, or whose chained aliases (`&b {not: *a}`,
/// `&c {not: *b}`, …) nest a node as deep as the file is long. Each distinct node is visited once; an
/// alias counts the values of the tree it stands for.
///
/// Such a tree cannot be freed as Swift frees it, one stack frame per level of nesting: a chain of
/// 50,000 aliases overflows the stack. `release()` frees it from the root down, one node at a time.
struct YAMLExpansion {
    /// Values the aliases of a file may add to those the file writes itself, and how deep its tree may
    /// nest once they are resolved.
    static let maxAdded = 100_000
    static let maxDepth = 256

    /// Every distinct node of the tree, once, children before parents (an alias's target before the
    /// collection holding the alias): the order Yams built them in.
    private var nodes: [Node] = []
    /// Values the aliases stand for, counted once per alias (saturating).
    private(set) var added = 0
    /// The collection holding the alias that took `added` past the limit.
    private var tooMany: Node?
    /// The first node (innermost) whose resolved tree nests deeper than the limit.
    private var tooDeep: Node?

    /// The values the file writes itself: one per node of its text, aliases aside.
    var written: Int { nodes.count }

    private struct Frame {
        let node: Node
        let children: [Node]
        var next = 0
        /// Values of the resolved tree below, and its depth (a scalar is 1 deep).
        var size = 1
        var depth = 0

        init(_ node: Node) {
            self.node = node
            if let mapping = node.mapping {
                children = mapping.flatMap { [$0.key, $0.value] }
            } else {
                children = node.sequence.map(Array.init) ?? []
            }
        }
    }

    /// Measures the tree under `root`. Yams' anchors must still be alive (its `Parser`): a node knows
    /// its anchor only through a weak reference.
    init(_ root: Node) {
        var measured: [ObjectIdentifier: (size: Int, depth: Int)] = [:]
        var stack = [Frame(root)]
        while let top = stack.indices.last {
            guard stack[top].next == stack[top].children.count else {
                let child = stack[top].children[stack[top].next]
                stack[top].next += 1
                guard let anchor = child.anchor, let known = measured[ObjectIdentifier(anchor)] else {
                    stack.append(Frame(child))
                    continue
                }
                // An alias (its anchor's own node was met before, in document order).
                added = Self.sum(added, known.size)
                if added > Self.maxAdded, tooMany == nil { tooMany = stack[top].node }
                stack[top].size = Self.sum(stack[top].size, known.size)
                stack[top].depth = max(stack[top].depth, known.depth)
                continue
            }
            let done = stack.removeLast()
            let depth = done.depth + 1
            if depth > Self.maxDepth, tooDeep == nil { tooDeep = done.node }
            if let anchor = done.node.anchor { measured[ObjectIdentifier(anchor)] = (done.size, depth) }
            nodes.append(done.node)
            guard let parent = stack.indices.last else { continue }
            stack[parent].size = Self.sum(stack[parent].size, done.size)
            stack[parent].depth = max(stack[parent].depth, depth)
        }
    }

    /// Throws at the first limit passed, naming the line of the node where it was passed.
    func check(file: String) throws {
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
        }
        if let node = tooMany {
            let total = added == Int.max ? "more than \(Int.max)" : "\(added)"
            throw InputError(
                "the YAML's aliases stand for \(total) values, more than the \(Self.maxAdded) they may add to the \(written) the file writes itself (aliases of aliases?)",
                at: location(node))
        }
        if let node = tooDeep {
            throw InputError("the YAML nests more than \(Self.maxDepth) levels deep once its aliases are resolved", at: location(node))
        }
    }

    /// Drops the nodes root first: each is freed while its children are still held here, so freeing
    /// never goes more than a level deep. Call once the tree's other holders are gone.
    mutating func release() {
        while !nodes.isEmpty { nodes.removeLast() }
    }

    /// Runs `body` on a thread of its own with a 1 GB stack (address space, touched only as deep as
    /// it goes), and waits for it: composing a 16 MB file of chained aliases recurses that deep.
    static func onLargeStack<T>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result.withLock { $0 = Result { try body() } }
            done.signal()
        }
        thread.stackSize = 1 << 30
        thread.start()
        done.wait()
        guard let result = box.result.withLock({ $0.take() }) else { throw InputError("the YAML could not be read") }
        return try result.get()
    }

    private final class ResultBox<T>: Sendable {
        let result = Mutex<Result<T, Error>?>(nil)
    }

    private static func sum(_ a: Int, _ b: Int) -> Int {
        a > Int.max - b ? Int.max : a + b
    }
}
