/// The simulation's future: actions ordered by the time they are due (a binary min-heap).
///
/// Ties are broken by insertion order, so the order of simultaneous actions, and with it every event body, is the
/// same in every run with the same seed.
struct Agenda<Action> {
    struct Entry {
        var due: Int64
        var sequence: UInt64
        var action: Action

        func precedes(_ other: Entry) -> Bool {
            due != other.due ? due < other.due : sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0

    var count: Int { heap.count }
    /// When the earliest action is due, or nil when nothing is scheduled.
    var nextDue: Int64? { heap.first?.due }

    mutating func schedule(_ action: Action, at due: Int64) {
        heap.append(Entry(due: due, sequence: nextSequence, action: action))
        nextSequence += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest action if it is due at or before `limit`.
    mutating func popDue(notAfter limit: Int64) -> Entry? {
        guard let first = heap.first, first.due <= limit else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
                if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}

extension Agenda: Sendable where Action: Sendable {}
extension Agenda.Entry: Sendable where Action: Sendable {}
