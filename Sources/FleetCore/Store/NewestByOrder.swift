import DequeModule

extension Deque {
    /// Inserts `element` where `isBefore` orders it (after equals: arrival order breaks no tie that the order does
    /// not), keeping at most `capacity`, the newest: an element older than all of a full deque is dropped. Returns
    /// whether the deque changed. The logs and the vehicles' timelines keep "the newest N by event time" this way,
    /// so they come out the same whatever order the events arrive in.
    @discardableResult
    mutating func insertKeepingNewest(_ element: Element, capacity: Int,
                                      isBefore: (Element, Element) -> Bool) -> Bool {
        if let last, isBefore(element, last) {
            // Binary search for the first element not before this one.
            var low = 0
            var high = count
            while low < high {
                let mid = (low + high) / 2
                if isBefore(self[mid], element) { low = mid + 1 } else { high = mid }
            }
            if low == 0, count >= capacity { return false }  // older than everything kept
            insert(element, at: low)
        } else {
            append(element)
        }
        if count > capacity { removeFirst() }
        return true
    }
}
