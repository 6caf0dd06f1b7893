import DequeModule

/// The newest events of one vehicle, ordered by event time, at most `capacity` (200) of them: what the detail view
/// lists, and what a command's confirmation is looked for in.
///
/// An entry is a compact summary (24 bytes), not the event: 200 entries for each of 100,000 vehicles must not be
/// the events' strings. The flow id is kept as its hash, which is enough to match it against the flow id of a
/// command this dashboard sent. Like `EventLog`, ordering by time and keeping the newest makes the timeline the
/// same whatever order the events arrive in.
public struct VehicleTimeline: Hashable, Sendable {
    /// The most entries a vehicle keeps.
    public static let capacity = 200

    public private(set) var entries: Deque<TimelineEntry> = []

    public init() {}

    public var count: Int { entries.count }

    /// The entry `index` places from the newest (0 is the newest).
    public func newest(_ index: Int) -> TimelineEntry? {
        guard index >= 0, index < entries.count else { return nil }
        return entries[entries.count - 1 - index]
    }

    mutating func insert(_ entry: TimelineEntry) {
        // `Deque` grows by half from one element: a vehicle's first ten entries took six allocations, one for
        // nearly every event of a catch-up. Growing by doubling from 8 takes two, and stops at one past the
        // capacity (an insert into a full timeline comes before its oldest entry is dropped), where growing by
        // half reached 210. Only `insert` adds entries, so the count alone says when the room is used up.
        let count = entries.count
        if count == 0 || (count >= Self.firstRoom && count & (count - 1) == 0 && count < Self.capacity) {
            entries.reserveCapacity(count == 0 ? Self.firstRoom : min(count * 2, Self.capacity + 1))
        }
        entries.insertKeepingNewest(entry, capacity: Self.capacity) { $0.order < $1.order }
    }

    /// The room a timeline is first given; doubled each time it fills (8, 16, …, 128, then `capacity` + 1).
    static let firstRoom = 8
}

/// One event in a vehicle's timeline: when, what (in short), and the hash of its flow id.
public struct TimelineEntry: Hashable, Sendable {
    /// The event's time (`occurred_at`, held to the arrival as `FleetState.apply` holds it).
    public var time: Timestamp
    /// `stableHash` of the event's flow id; 0 when it has none.
    public var flowHash: UInt64
    /// Orders entries of equal time (the low half of the event id's hash), so any arrival order gives one timeline.
    var tiebreak: UInt32
    public var summary: TimelineSummary

    public init(time: Timestamp, flowID: String?, eventTiebreak: UInt64, summary: TimelineSummary) {
        self.init(time: time, flowHash: flowID.map(TimelineEntry.flowHash(of:)) ?? 0, eventTiebreak: eventTiebreak,
                  summary: summary)
    }

    init(time: Timestamp, flowHash: UInt64, eventTiebreak: UInt64, summary: TimelineSummary) {
        self.time = time
        self.flowHash = flowHash
        tiebreak = UInt32(truncatingIfNeeded: eventTiebreak)
        self.summary = summary
    }

    /// Whether the event was caused by the REST call with this flow id.
    public func carries(flowID: String) -> Bool { flowHash != 0 && flowHash == Self.flowHash(of: flowID) }

    /// Whether the event carried a flow id at all (it was caused by a REST call, someone's).
    public var hasFlowID: Bool { flowHash != 0 }

    /// Never 0, which stands for "no flow id".
    static func flowHash(of flowID: String) -> UInt64 { max(1, stableHash(flowID)) }
    static func flowHash(utf8 flowID: UnsafeBufferPointer<UInt8>) -> UInt64 { max(1, stableHash(utf8: flowID)) }

    var order: (Timestamp, UInt32) { (time, tiebreak) }
}

/// What an event said, in a few bytes.
public enum TimelineSummary: Hashable, Sendable {
    case vehicleChanged(ChangeReasons, rental: RentalMark?, life: LifeMark?)
    /// A telematics reading; the lock and the charge or fuel level, when it had them.
    case stateRecorded(lock: LockMark?, chargePercent: UInt8?)
    case tripStarted
    case tripEnded
    /// The trip's distance in tenths of a kilometre, when known (up to 6,553.5 km).
    case tripMetricsReady(decikilometres: UInt16?)
    case tripDiscarded
    case smokeDetected
    /// The incident's highest PM2.5 (µg/m³), when known (up to 65,535).
    case smokeDataReady(maxPM25: UInt16?)
    /// An event of a type this version does not know.
    case other
}

/// `VehicleChanged` reasons, as bits.
public struct ChangeReasons: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let rental = ChangeReasons(rawValue: 1)
    public static let life = ChangeReasons(rawValue: 2)
    public static let masterData = ChangeReasons(rawValue: 4)
    public static let other = ChangeReasons(rawValue: 8)

    init(_ reasons: [ChangeReason]) {
        var bits = ChangeReasons()
        for reason in reasons {
            switch reason {
            case .rentalStatusChanged: bits.insert(.rental)
            case .lifeStatusChanged: bits.insert(.life)
            case .masterDataChanged: bits.insert(.masterData)
            case .other: bits.insert(.other)
            }
        }
        self = bits
    }
}

/// A lock state in one byte (an undocumented value is `other`, its text not kept).
public enum LockMark: UInt8, Hashable, Sendable {
    case locked, unlocked, other
    public init(_ state: LockState) {
        switch state {
        case .locked: self = .locked
        case .unlocked: self = .unlocked
        case .other: self = .other
        }
    }
}

/// A rental status in one byte.
public enum RentalMark: UInt8, Hashable, Sendable {
    case inRental, notInRental, other
    public init(_ status: RentalStatus) {
        switch status {
        case .inRental: self = .inRental
        case .notInRental: self = .notInRental
        case .other: self = .other
        }
    }
}

/// A life status in one byte.
public enum LifeMark: UInt8, Hashable, Sendable {
    case online, offline, other
    public init(_ status: LifeStatus) {
        switch status {
        case .online: self = .online
        case .offline: self = .offline
        case .other: self = .other
        }
    }
}

extension TimelineSummary {
    /// The summary of an event (its type and payload).
    init(_ event: Event) {
        switch event.payload {
        case let .vehicleChanged(change):
            self = .vehicleChanged(ChangeReasons(change.reasons), rental: change.vehicle.rentalStatus.map { RentalMark($0.value) },
                                   life: change.vehicle.lifeStatus.map { LifeMark($0.value) })
        case let .vehicleStateRecorded(state):
            self = .stateRecorded(lock: state.centralLock.map { LockMark($0.value) },
                                  chargePercent: state.chargeOrFuelPercent.flatMap { Self.small($0.value, scale: 1) })
        case let .trip(report):
            switch event.type {
            case .tripStarted: self = .tripStarted
            case .tripEnded: self = .tripEnded
            case .tripMetricsReady:
                self = .tripMetricsReady(decikilometres: report.distanceKilometers.flatMap { Self.small($0, scale: 10) })
            default: self = .tripDiscarded
            }
        case let .smoke(report):
            if event.type == .smokeDetected {
                self = .smokeDetected
            } else {
                self = .smokeDataReady(maxPM25: report.maxPM25.flatMap { Self.small($0, scale: 1) })
            }
        case .other:
            self = .other
        }
    }

    /// `value × scale`, rounded, when it fits the type; nil otherwise (a value from the network may be anything).
    private static func small<T: FixedWidthInteger>(_ value: Double, scale: Double) -> T? {
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, scaled >= 0, scaled <= Double(T.max) else { return nil }
        return T(exactly: scaled)
    }
}
