import DequeModule

/// One line of a pane's log: what happened to which vehicle, and when.
public struct LogEntry: Hashable, Sendable {
    public var stamp: Stamp
    public var vehicleID: String
    public var kind: Kind
    /// The flow id of the REST call that caused the event, if any.
    public var flowID: String?

    public enum Kind: Hashable, Sendable {
        case rental(RentalStatus)
        case life(LifeStatus)
        case tripStarted
        case tripEnded
        case tripMetrics(distanceKilometers: Double?, durationSeconds: Double?)
        case tripDiscarded(reason: String?)
        case smokeDetected
        case smokeDataReady(maxPM25: Double?)
    }

    public var time: Timestamp { stamp.time }
}

/// The most recent entries of one pane, ordered by event time (not arrival), in bounded memory.
///
/// Ordering by time keeps the log the same whatever order the events arrive in, and puts a late event where
/// it belongs rather than at the top.
public struct EventLog: Hashable, Sendable {
    public let capacity: Int
    public private(set) var entries: Deque<LogEntry> = []
    /// Bumped whenever an entry is added: a view re-matches a pane's filter only when its log moved.
    public private(set) var revision: UInt64 = 0

    public init(capacity: Int = 1000) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    public var count: Int { entries.count }

    mutating func insert(_ entry: LogEntry) {
        if entries.insertKeepingNewest(entry, capacity: capacity, isBefore: { $0.stamp < $1.stamp }) { revision &+= 1 }
    }
}
