/// A max-queue on commit time; equal times leave in the order they arrived (git's insert_by_date).
struct DateQueue<Element> {
    private var heap: [(time: Int64, order: UInt64, element: Element)] = []
    private var counter: UInt64 = 0

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
