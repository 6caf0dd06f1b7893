/// The seam between where events come from (the AMQP consumer, the demo's simulation, a test) and who uses them
/// (the dashboard's store, `tail`).
///
/// A subscriber settles every delivered event once it has applied it: the AMQP source acknowledges the broker
/// delivery only then, so an event is never lost between the broker and the store.
public protocol EventSource: Sendable {
    /// A new subscription. Each subscriber sees every event; the stream ends when the source stops.
    func subscribe() -> AsyncStream<StreamMessage>
    /// Starts the source (connects, consumes). Returns at once; progress arrives as `.status` messages.
    func start()
    /// Stops the source and finishes every subscription.
    func stop()
}

/// One message from an `EventSource`.
public enum StreamMessage: Sendable {
    /// A decoded event; call `settle()` once it has been applied (or printed).
    case event(Event, Settlement)
    /// A message that could not be decoded: already rejected without requeue, reported here.
    case rejected(Rejection)
    /// The connection state and statistics changed.
    case status(StreamStatus)
}

/// The acknowledgement of one delivery. Settling twice is harmless; every subscriber must settle.
public struct Settlement: Sendable {
    private let action: @Sendable () -> Void
    public init(_ action: @escaping @Sendable () -> Void) { self.action = action }
    /// For sources with nothing to acknowledge.
    public static let none = Settlement {}
    public func settle() { action() }
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
