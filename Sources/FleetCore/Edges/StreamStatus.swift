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
    /// Classic queues that had other consumers when this source subscribed (checked on every connect): the broker
    /// shares a queue's messages among its consumers, so this source sees only part of them.
    public var sharedQueues: [String]
    /// For a stream: the highest offset handed to subscribers so far (those before it were too, or were
    /// duplicates or rejected); nil for classic queues and before the first delivery.
    public var streamOffset: Int64?
    /// For classic queues: how many of the messages they held when this source subscribed (on its latest connect)
    /// are not delivered yet; nil once all are, and for streams. New messages published meanwhile are not counted:
    /// like a stream's catch-up, it counts down to the end as it was.
    public var queuedBehind: Int?

    public init(state: State, endpoint: String, eventsPerSecond: Double = 0, received: Int = 0, redelivered: Int = 0,
                rejected: Int = 0, lastError: String? = nil, sharedQueues: [String] = [], streamOffset: Int64? = nil,
                queuedBehind: Int? = nil) {
        self.state = state
        self.endpoint = endpoint
        self.eventsPerSecond = eventsPerSecond
        self.received = received
        self.redelivered = redelivered
        self.rejected = rejected
        self.lastError = lastError
        self.sharedQueues = sharedQueues
        self.streamOffset = streamOffset
        self.queuedBehind = queuedBehind
    }
}

extension StreamStatus {
    /// What to tell the operator when a consumed queue is shared with other consumers; nil when none is.
    public var sharedQueueWarning: String? {
        guard !sharedQueues.isEmpty else { return nil }
        let names = sharedQueues.joined(separator: ", ")
        let one = sharedQueues.count == 1
        return "the queue\(one ? "" : "s") \(names) \(one ? "has" : "have") other consumers: the broker shares "
            + "\(one ? "its" : "their") events among them, so this one sees only part of them; a team reads one "
            + "stream instead (README: \"A team on one stream\")"
    }
}
