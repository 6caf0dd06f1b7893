/// The seam between where events come from (the AMQP consumer, the demo's simulation, a test) and who uses them
/// (the dashboard's store, `tail`).
///
/// A subscriber settles every delivered batch of events once it has applied it: the AMQP source acknowledges
/// the broker deliveries only then, so an event is never lost between the broker and the store.
public protocol EventSource: Sendable {
    /// A new subscription. Each subscriber sees every event; the stream ends when the source stops.
    func subscribe() -> AsyncStream<StreamMessage>
    /// A subscription served in order on the source's own thread, with no hand-off to another task: for a
    /// subscriber that only applies events to memory, like the dashboard's store. Waking a task for every batch
    /// cost as much CPU as the rest of consuming; on a machine that the broker shares, CPU is throughput.
    /// `handler` must be quick and must never block or wait (printing to a pipe that may fill does not
    /// qualify: use `subscribe()`); it settles batches like any subscriber. It lasts as long as the source. The
    /// current status may be delivered on the subscribing thread before this returns, so the handler must be
    /// safe to call from any thread.
    func subscribe(onMessage handler: @escaping @Sendable (StreamMessage) -> Void)
    /// Starts the source (connects, consumes). Returns at once; progress arrives as `.status` messages.
    func start()
    /// Stops the source and finishes every subscription.
    func stop()
}

extension EventSource {
    /// For sources without a thread of their own: the handler runs on a task that iterates `subscribe()`.
    public func subscribe(onMessage handler: @escaping @Sendable (StreamMessage) -> Void) {
        let stream = subscribe()
        Task { for await message in stream { handler(message) } }
    }
}

/// One message from an `EventSource`.
public enum StreamMessage: Sendable {
    /// Decoded events, in delivery order; settle them once they have been applied (or printed).
    case events(EventBatch)
    /// A message that could not be decoded: already rejected without requeue, reported here.
    case rejected(Rejection)
    /// The connection state and statistics changed.
    case status(StreamStatus)
}

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
    private let settlement: @Sendable (_ count: Int) -> Void

    /// `settle` receives how many events, from the first, are settled. `arrivedAt` defaults to now: a source
    /// makes the batch as the events arrive.
    public init(_ events: [Event], arrivedAt: Timestamp = .now(),
                settle: @escaping @Sendable (_ count: Int) -> Void = { _ in }) {
        self.events = events
        self.arrivedAt = arrivedAt
        self.settlement = settle
    }

    /// Settles every event of the batch.
    public func settle() { settlement(events.count) }

    /// Settles only the first `count` events (a reader that stops part-way leaves the rest to go back to the
    /// queue for the next reader).
    public func settle(first count: Int) { settlement(min(max(0, count), events.count)) }
}

/// A message that was rejected, for the user to see.
public struct Rejection: Sendable, Hashable {
    public var queue: String
    public var messageID: String?
    public var error: EventDecodingError
    public init(queue: String, messageID: String?, error: EventDecodingError) {
        self.queue = queue
        self.messageID = messageID
        self.error = error
    }
}

/// Where a source's connection stands, and what it has done so far.
public struct StreamStatus: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case connecting
        case connected
        /// Waiting before the next attempt; `reason` says what failed (access refused, connection refused, …).
        case retrying(inSeconds: Double, reason: String)
        /// A consumed queue went away (deleted): the source is re-subscribing or waiting for it.
        case queueGone(String)
        case stopped
    }

    public var state: State
    /// A label for the header: the demo's name, or `host/vhost` (never credentials).
    public var endpoint: String
    public var eventsPerSecond: Double
    public var received: Int
    public var redelivered: Int
    public var rejected: Int
    public var lastError: String?

    public init(state: State, endpoint: String, eventsPerSecond: Double = 0, received: Int = 0, redelivered: Int = 0,
                rejected: Int = 0, lastError: String? = nil) {
        self.state = state
        self.endpoint = endpoint
        self.eventsPerSecond = eventsPerSecond
        self.received = received
        self.redelivered = redelivered
        self.rejected = rejected
        self.lastError = lastError
    }
}
