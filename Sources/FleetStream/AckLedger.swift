/// The deliveries of one channel generation that are not yet acknowledged, in delivery-tag order, and who still
/// has to settle each one.
///
/// A delivery is ready once every subscriber it went to has settled it (each subscriber is one bit of
/// `waiting`). Acks go out with `multiple`, so only the ready *prefix* can be acknowledged: `takeAckPoint()`
/// pops it and returns its last tag that the broker still counts as unacknowledged. Poison messages enter
/// already settled and marked `nacked` (they were nacked at once, before any multi-ack could reach them); a
/// multi-ack must never *name* such a tag: RabbitMQ looks for the named tag among the unacknowledged ones and
/// closes the channel with 406 "unknown delivery tag" when it is not there. Duplicates and deliveries nobody
/// subscribed to enter settled too, but still need their ack.
struct AckLedger {
    private struct Entry {
        var tag: UInt64
        var waiting: UInt64
        var nacked: Bool
    }

    private var entries: [Entry] = []
    private var head = 0
    /// Entries `head..<readyEnd` are known to be ready: the consumer asks for the ready prefix after every
    /// delivery, so the scan resumes where it stopped instead of starting again at `head`.
    private var readyEnd = 0
    /// Entries still waiting for at least one subscriber.
    private(set) var unsettled = 0

    /// Deliveries recorded and not yet acknowledged.
    var count: Int { entries.count - head }
    var isEmpty: Bool { head == entries.count }

    mutating func add(tag: UInt64, waitingFor subscribers: UInt64, nacked: Bool = false) {
        entries.append(Entry(tag: tag, waiting: nacked ? 0 : subscribers, nacked: nacked))
        if subscribers != 0 { unsettled += 1 }
    }

    /// Subscriber `bit` settled `tag`; settling twice or settling an unknown tag is harmless.
    mutating func settle(tag: UInt64, subscriber bit: UInt64) {
        guard let index = index(of: tag) else { return }
        clear(bit, at: index)
    }

    /// A subscriber went away: nothing waits for it any more.
    mutating func forget(subscriber bit: UInt64) {
        for index in head..<entries.count { clear(bit, at: index) }
    }

    /// Number of ready deliveries at the front. Amortised O(1): settling only ever makes entries ready.
    mutating func readyPrefix() -> Int {
        while readyEnd < entries.count, entries[readyEnd].waiting == 0 { readyEnd += 1 }
        return readyEnd - head
    }

    /// Removes the ready prefix and returns its last tag not already nacked (to acknowledge with `multiple`), or
    /// nil when there is nothing to acknowledge.
    mutating func takeAckPoint() -> UInt64? {
        let end = head + readyPrefix()
        var last: UInt64?
        for i in stride(from: end - 1, through: head, by: -1) where !entries[i].nacked {
            last = entries[i].tag
            break
        }
        head = end
        if head > 4096, head * 2 > entries.count {  // compact now and then: amortised O(1)
            entries.removeFirst(head)
            readyEnd -= head
            head = 0
        }
        return last
    }

    private mutating func clear(_ bit: UInt64, at index: Int) {
        let before = entries[index].waiting
        guard before & bit != 0 else { return }
        entries[index].waiting = before & ~bit
        if entries[index].waiting == 0 { unsettled -= 1 }
    }

    /// Tags increase along the array, so a binary search finds one (they are usually contiguous, too).
    private func index(of tag: UInt64) -> Int? {
        guard head < entries.count else { return nil }
        let first = entries[head].tag
        // Tags come from the broker: the distance is checked into an Int rather than trusted to fit.
        if tag >= first, let distance = Int(exactly: tag - first), distance < entries.count - head {
            let guess = head + distance
            if entries[guess].tag == tag { return guess }
        }
        var low = head
        var high = entries.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if entries[mid].tag == tag { return mid }
            if entries[mid].tag < tag { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}
