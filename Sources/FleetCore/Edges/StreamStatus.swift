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
