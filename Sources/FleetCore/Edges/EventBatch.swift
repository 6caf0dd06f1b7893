/// Events that arrived together, with one settlement for all of them.
///
/// Sources hand events over in batches (whatever arrived in one read from the broker, up to a limit) because
/// a hand-off per event (a wake-up, a lock, a settlement allocated and posted back) cost more than decoding the
/// event. A subscriber settles the batch once it has applied every event in it: the AMQP source acknowledges
/// the deliveries only then, so an event is never lost between the broker and the store. Settling twice, or a
/// shorter prefix after a longer one, is harmless; every subscriber must settle.
public struct EventBatch: Sendable {
    public let events: [Event]
    /// When the events were delivered to this process: the store takes no event time as later than this plus a
    /// tolerance (`FleetState.apply(_:arrivedAt:)`).
    public let arrivedAt: Timestamp
    /// On a stream: the offsets of the deliveries this batch accounts for, from the first to the last (duplicates
    /// and rejected messages among them were only acknowledged). Nil from a queue or a source without offsets.
    public let streamOffsets: ClosedRange<Int64>?
    private let settlement: @Sendable (_ count: Int) -> Void

    /// `settle` receives how many events, from the first, are settled. `arrivedAt` defaults to now: a source
    /// makes the batch as the events arrive.
    public init(_ events: [Event], arrivedAt: Timestamp = .now(), streamOffsets: ClosedRange<Int64>? = nil,
                settle: @escaping @Sendable (_ count: Int) -> Void = { _ in }) {
        self.events = events
        self.arrivedAt = arrivedAt
        self.streamOffsets = streamOffsets
        self.settlement = settle
    }

    /// Settles every event of the batch.
    public func settle() { settlement(events.count) }

    /// Settles only the first `count` events (a reader that stops part-way leaves the rest to go back to the
    /// queue for the next reader).
    public func settle(first count: Int) { settlement(min(max(0, count), events.count)) }
}
