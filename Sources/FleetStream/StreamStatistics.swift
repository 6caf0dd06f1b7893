import FleetCore

/// The consumer's counters and rate, as the dashboard's header shows them (`StreamStatus`).
struct StreamStatistics {
    var state: StreamStatus.State = .connecting
    let endpoint: String
    /// Distinct events delivered to subscribers.
    var received = 0
    /// Deliveries the broker flagged as redelivered.
    var redelivered = 0
    /// Bodies that did not decode, rejected without requeue.
    var rejected = 0
    /// Deliveries of events already delivered, acknowledged without delivering them again.
    var duplicates = 0
    var lastError: String?
    var sharedQueues: [String] = []
    var streamOffset: Int64?
    /// Classic queues: the delivery count at which the messages the queues held when subscribed are all delivered
    /// (`queued(_:)`); what the status counts down to.
    private var backlogEnd = 0
    private(set) var eventsPerSecond = 0.0
    private var rateWindowStart = 0.0
    private var receivedAtWindowStart = 0

    init(endpoint: String) { self.endpoint = endpoint }

    /// Every delivery so far, whatever became of it: each one takes a message off its queue.
    private var deliveries: Int { received + duplicates + rejected }

    /// A new connection: what the queues hold is counted again as they are subscribed.
    mutating func forgetBacklog() { backlogEnd = deliveries }

    /// A classic queue was subscribed holding `messages` ready messages: they are ahead of what is delivered now.
    mutating func queued(_ messages: Int) {
        backlogEnd = max(backlogEnd, deliveries) + max(0, messages)
    }

    /// Updates the rate once a second or so.
    mutating func tick(now: Double) {
        if rateWindowStart == 0 {
            rateWindowStart = now
            receivedAtWindowStart = received
            return
        }
        let elapsed = now - rateWindowStart
        guard elapsed >= 1 else { return }
        eventsPerSecond = (Double(received - receivedAtWindowStart) / elapsed).rounded()
        rateWindowStart = now
        receivedAtWindowStart = received
    }

    var status: StreamStatus {
        StreamStatus(state: state, endpoint: endpoint, eventsPerSecond: eventsPerSecond, received: received,
                     redelivered: redelivered, rejected: rejected, lastError: lastError, sharedQueues: sharedQueues,
                     streamOffset: streamOffset, queuedBehind: backlogEnd > deliveries ? backlogEnd - deliveries : nil)
    }
}
