/// A max-queue on commit time; equal times leave in the order they arrived (git's insert_by_date).
/// The heap moves small keys only: elements (whole commits) stay in their slots until popped.
struct DateQueue<Element> {
    private struct Key {
        var time: Int64
        var order: UInt64
        var slot: Int
    }

    private var heap: [Key] = []
    private var slots: [Element?] = []
    private var freeSlots: [Int] = []
    private var counter: UInt64 = 0

    func peekTime() -> Int64? { heap.first?.time }

    func contains(where predicate: (Element) -> Bool) -> Bool {
        heap.contains { key in slots[key.slot].map(predicate) ?? false }
    }

    private static func before(_ a: Key, _ b: Key) -> Bool {
        a.time != b.time ? a.time > b.time : a.order < b.order
    }

    mutating func push(_ element: Element, time: Int64) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slots[slot] = element
        } else {
            slot = slots.count
            slots.append(element)
        }
        let key = Key(time: time, order: counter, slot: slot)
        counter += 1
        heap.append(key)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(key, heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = key
    }

    mutating func pop() -> Element? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                guard left < heap.count else { break }
                let child = right < heap.count && Self.before(heap[right], heap[left]) ? right : left
                guard Self.before(heap[child], last) else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = last
        }
        let element = slots[top.slot].take()
        freeSlots.append(top.slot)
        return element
    }
}
