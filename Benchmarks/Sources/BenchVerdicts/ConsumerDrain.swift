/// Who drained a queue in the consumer benchmark.
public enum ConsumerSide: String, Sendable, CaseIterable {
    /// The C rabbitmq-c consumer that only acknowledges: the baseline.
    case c
    /// The same C consumer acking every prefetch/4 deliveries, about as often as fleetwatch does (printed).
    case c4
    /// fleetwatch's consumer with an inline subscriber that settles at once: the consumer alone.
    case inline
    /// The same, each batch applied to the dashboard's `FleetStore` before it is settled: the dashboard's whole path.
    case store
    /// The same with an `AsyncStream` subscriber, `tail`'s path (printed).
    case stream
    /// The dashboard as it runs (`DashboardRuntime`: the store applied on the consumer thread, the UI loop drawing
    /// a frame for each key at once and the fleet's changes at most 10 times a second, on an in-memory terminal
    /// while keys are typed): the catch-up benchmark's side.
    case dashboard
}

/// One drain of the consumer benchmark: who drained, how fast, and what it cost the broker.
public struct ConsumerDrain: Sendable, Equatable {
    public var side: ConsumerSide
    /// Events per second, from the first delivery to the last.
    public var eventsPerSecond: Double
    /// The broker's CPU per event during the drain, in microseconds; nil where it could not be read (a remote
    /// broker).
    public var brokerMicrosPerEvent: Double?

    public init(side: ConsumerSide, eventsPerSecond: Double, brokerMicrosPerEvent: Double?) {
        self.side = side
        self.eventsPerSecond = eventsPerSecond
        self.brokerMicrosPerEvent = brokerMicrosPerEvent
    }

    /// Reads a line of `scripts/bench-consumer`'s drain log: `SIDE RATE BROKER`, BROKER `-` where unknown.
    public init?(line: Substring) {
        let fields = line.split(separator: " ")
        guard fields.count == 3, let side = ConsumerSide(rawValue: String(fields[0])),
              let rate = Double(fields[1]) else { return nil }
        let broker: Double?
        if fields[2] == "-" {
            broker = nil
        } else if let value = Double(fields[2]) {
            broker = value
        } else {
            return nil
        }
        self.init(side: side, eventsPerSecond: rate, brokerMicrosPerEvent: broker)
    }
}
