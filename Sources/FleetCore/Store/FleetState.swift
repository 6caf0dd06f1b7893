import OrderedCollections

/// Everything the dashboard shows, as a value: the vehicles, the fleet counts and the panes' logs.
///
/// `apply(_:arrivedAt:)` is the only way events change it. It is idempotent (an event id seen before changes
/// nothing) and respects time (a property never goes back to an older value), so the same set of events gives
/// the same state in any order of arrival (times more than the tolerance in the future aside: those are held to
/// the arrival time, see `apply(_:arrivedAt:)`). One more exception: a vehicle keeps one trip and one smoke
/// incident, the newest by their own start times, and drops the events of an older one as they arrive. When
/// one vehicle's events of two trips (or incidents) interleave with times that only later show which one is
/// newer, the one that ends current, and what it holds, can depend on the order. The fuzz target's order check
/// is limited to inputs with one trip and one incident a vehicle for that reason.
///
/// Content cannot grow it without bound: the logs, each vehicle's timeline (`VehicleTimeline.capacity`), the
/// dedup memory, the unknown type names counted (`maxOtherTypeNames`, the rest under `otherTypesBucket`) and the
/// vehicles (`vehicleCapacity`, events about vehicles beyond it counted in `vehiclesRefused`) are all bounded, and
/// the decoder caps every string and array it keeps (`TextLimits`).
public struct FleetState: Sendable {
    /// By id, in the order they first appeared. Ordered for its dense storage: a `Dictionary` keeps its values in
    /// its hash table, and 100,000 vehicles of ~700 bytes took 262,144 slots (184 MB); here they take an array.
    public private(set) var vehicles: OrderedDictionary<String, Vehicle> = [:]
    public private(set) var counts = FleetCounts()
    public private(set) var rentals: EventLog
    public private(set) var lifeChanges: EventLog
    public private(set) var trips: EventLog
    public private(set) var smoke: EventLog
    /// Events applied, by canonical type name; unknown types under their raw name, the first
    /// `maxOtherTypeNames` of them, and any further ones together under `otherTypesBucket`.
    public var eventsByType: [String: Int] {
        var result = otherTypeCounts
        for (type, count) in zip(EventType.known, knownTypeCounts) where count > 0 { result[type.name] = count }
        return result
    }
    // Counted in an array for the known types: a dictionary update per event shows in the benchmark.
    private var knownTypeCounts = [Int](repeating: 0, count: EventType.known.count)
    private var otherTypeCounts: [String: Int] = [:]
    /// Events applied (not counting duplicates).
    public private(set) var eventsApplied = 0
    /// Duplicates ignored.
    public private(set) var duplicatesIgnored = 0
    /// Numbers dropped from applied events for being outside their field's domain (`NumericDomain`): the sum
    /// of their `Event.valuesOutOfRange`.
    public private(set) var valuesOutOfRange = 0
    /// Events about a new vehicle that found the store full (`vehicleCapacity`): counted, not stored.
    public private(set) var vehiclesRefused = 0
    /// The most vehicles kept: a stream inventing ids cannot grow the store past it.
    public let vehicleCapacity: Int
    /// Bumped on every change: a view redraws only when it moved.
    public private(set) var revision: UInt64 = 0
    /// Bumped when a vehicle is added: a view re-sorts its vehicle list only when it moved.
    public private(set) var membershipRevision: UInt64 = 0
    /// Which vehicles changed lately: lets a view's per-vehicle cache catch up without rescanning the fleet.
    public private(set) var vehicleChanges = VehicleChangeJournal()

    private var seen: SeenEvents

    /// How many distinct unknown type names `eventsByType` keeps by name.
    public static let maxOtherTypeNames = 64
    /// The name under which `eventsByType` counts unknown types beyond the first `maxOtherTypeNames`.
    public static let otherTypesBucket = "(other types)"
    /// How far past an event's arrival a time it carries may lie, 5 minutes: later times are taken as this
    /// (see `apply(_:arrivedAt:)`).
    public static let futureToleranceMicroseconds: Int64 = 300_000_000

    public init(logCapacity: Int = 1000, dedupCapacity: Int = 262_144, vehicleCapacity: Int = 200_000) {
        self.vehicleCapacity = vehicleCapacity
        rentals = EventLog(capacity: logCapacity)
        lifeChanges = EventLog(capacity: logCapacity)
        trips = EventLog(capacity: logCapacity)
        smoke = EventLog(capacity: logCapacity)
        seen = SeenEvents(capacity: dedupCapacity)
    }

    /// What `apply` did with an event.
    public enum Outcome: Equatable, Sendable {
        case applied
        /// The event id was seen before: nothing changed.
        case duplicate
    }

    /// Applies one event that arrived (was delivered to this process) at `arrivedAt`.
    ///
    /// Times in the future: the newest stamp wins a property, so a reading stamped 2099 by a telematics unit with
    /// a bad clock would otherwise hold its value forever. Every time the event carries (`occurred_at`, a
    /// reading's `timestamp`, a status's `modified_at`, a trip's or incident's times as they order trips and
    /// incidents) that is later than `arrivedAt` plus `futureToleranceMicroseconds` (5 minutes) is taken as
    /// `arrivedAt` plus that tolerance: the value applies now and is replaced by the next reading stamped later
    /// than that. Clock skew within the tolerance is left alone, so ordinary events keep their order.
    @discardableResult
    public mutating func apply(_ event: Event, arrivedAt: Timestamp) -> Outcome {
        apply(event, idHash: event.idHash, arrivedAt: arrivedAt)
    }

    /// Applies a batch in order, as `apply(_:arrivedAt:)` one event after the other, and answers each outcome.
    /// The deduplication memory is read for the whole batch first (`SeenEvents.warm`): at 100,000 vehicles its
    /// cache misses, one after another, were as large a cost as the vehicle dictionary's lookup.
    public mutating func apply(_ events: [Event], arrivedAt: Timestamp, _ outcome: (Event, Outcome) -> Void) {
        let hashes = events.map { $0.idHash }
        seen.warm(hashes)
        for (event, hash) in zip(events, hashes) {
            outcome(event, apply(event, idHash: hash, arrivedAt: arrivedAt))
        }
    }

    /// `apply(_:arrivedAt:)` with the event id's `stableHash` already made.
    private mutating func apply(_ event: Event, idHash tiebreak: UInt64, arrivedAt: Timestamp) -> Outcome {
        guard seen.insert(tiebreak) else {
            duplicatesIgnored += 1
            return .duplicate
        }
        eventsApplied += 1
        valuesOutOfRange += event.valuesOutOfRange
        if let index = event.type.knownIndex {
            knownTypeCounts[index] += 1
        } else {
            countOtherType(event.type.name)
        }
        revision &+= 1
        guard let vehicleID = event.vehicleID else { return .applied }
        let clock = StampClamp(arrivedAt: arrivedAt, toleranceMicroseconds: Self.futureToleranceMicroseconds)
        let occurredAt = clock.clamp(event.occurredAt)
        let eventStamp = Stamp(time: occurredAt ?? Stamp.unknownTime, tiebreak: tiebreak)
        guard canHold(vehicleID) else { return .applied }

        let type = event.type
        // A plain value (no strings): the closures capture it without copying the event.
        let entry = TimelineEntry(time: eventStamp.time, flowHash: event.flowHash, eventTiebreak: tiebreak,
                                  summary: TimelineSummary(event))
        // One switch outside the closure, so each case captures only its own payload (capturing the whole
        // event copied it, with every string in it, on each apply).
        switch event.payload {
        case let .vehicleChanged(change):
            modifyVehicle(vehicleID) { vehicle in
                vehicle.noteEvent(at: occurredAt)
                vehicle.timeline.insert(entry)
                merge(change.vehicle, into: &vehicle, default: eventStamp, clamp: clock)
            }
        case let .vehicleStateRecorded(state):
            modifyVehicle(vehicleID) { vehicle in
                vehicle.noteEvent(at: occurredAt)
                vehicle.timeline.insert(entry)
                merge(state, into: &vehicle, default: eventStamp, clamp: clock)
            }
        case let .trip(report):
            modifyVehicle(vehicleID) { vehicle in
                vehicle.noteEvent(at: occurredAt)
                vehicle.timeline.insert(entry)
                mergeTrip(report, type: type, into: &vehicle, stamp: eventStamp, clamp: clock)
            }
        case let .smoke(report):
            modifyVehicle(vehicleID) { vehicle in
                vehicle.noteEvent(at: occurredAt)
                vehicle.timeline.insert(entry)
                mergeSmoke(report, type: type, into: &vehicle, stamp: eventStamp, clamp: clock)
            }
        case .other:
            modifyVehicle(vehicleID) { vehicle in
                vehicle.noteEvent(at: occurredAt)
                vehicle.timeline.insert(entry)
            }
        }
        appendToLogs(event, vehicleID: vehicleID, stamp: eventStamp, clamp: clock)
        return .applied
    }

    /// Seeds vehicles from the REST list. Values without a time of their own are stamped `asOf`, the time of
    /// the snapshot, so a live event older than the snapshot does not regress them; times later than `asOf`
    /// plus `futureToleranceMicroseconds` are taken as that, as `apply` takes them.
    public mutating func seed(_ resources: [VehicleResource], asOf: Timestamp) {
        let clock = StampClamp(arrivedAt: asOf, toleranceMicroseconds: Self.futureToleranceMicroseconds)
        for resource in resources where canHold(resource.id) {
            let stamp = Stamp(time: asOf, tiebreak: 0)
            modifyVehicle(resource.id) { vehicle in merge(resource, into: &vehicle, default: stamp, clamp: clock) }
        }
        revision &+= 1
    }

    /// Applies the vehicle state a command answered with (a lock's result shows in the row at once).
    public mutating func applyCommandResult(vehicleID: String, state: VehicleState, receivedAt: Timestamp) {
        guard canHold(vehicleID) else { return }
        let clock = StampClamp(arrivedAt: receivedAt, toleranceMicroseconds: Self.futureToleranceMicroseconds)
        modifyVehicle(vehicleID) { vehicle in
            merge(state, into: &vehicle, default: Stamp(time: receivedAt, tiebreak: 0), clamp: clock)
        }
        revision &+= 1
    }

    /// The vehicle with this id, if known.
    public subscript(vehicleID: String) -> Vehicle? { vehicles[vehicleID] }

    // MARK: - Helpers

    /// Whether the store has, or has room for, the vehicle `id`; counts the refusal when not. Looks the id up
    /// only once the store is full: the common case costs no second hash of the id.
    private mutating func canHold(_ id: String) -> Bool {
        if vehicles.count < vehicleCapacity || vehicles.index(forKey: id) != nil { return true }
        vehiclesRefused += 1
        return false
    }

    /// Counts an unknown type by name while there is room for another name, else in the common bucket.
    private mutating func countOtherType(_ name: String) {
        if otherTypeCounts[name] != nil || otherTypeCounts.count < Self.maxOtherTypeNames {
            otherTypeCounts[name, default: 0] += 1
        } else {
            otherTypeCounts[Self.otherTypesBucket, default: 0] += 1
        }
    }

    /// Mutates a vehicle in place (creating it if new) and keeps the fleet counts in step.
    private mutating func modifyVehicle(_ id: String, _ body: (inout Vehicle) -> Void) {
        var isNew = false
        let index: Int
        if let existing = vehicles.index(forKey: id) {
            index = existing
        } else {
            vehicles[id] = Vehicle(id: id)  // appended
            index = vehicles.count - 1
            isNew = true
            membershipRevision &+= 1
        }
        let (before, after) = Self.mutate(&vehicles.values[index], body)
        vehicleChanges.record(index)
        counts.vehicles += isNew ? 1 : 0
        counts.online += after.online - before.online
        counts.inRental += after.inRental - before.inRental
        counts.activeSmoke += after.activeSmoke - before.activeSmoke
    }

    /// Mutates in place and reports the counts before and after, without copying the vehicle (a copy retains
    /// every string in it, which showed as a quarter of the time in the benchmark).
    private static func mutate(_ vehicle: inout Vehicle, _ body: (inout Vehicle) -> Void) -> (FleetCounts, FleetCounts) {
        let before = FleetCounts(vehicle: vehicle)
        body(&vehicle)
        return (before, FleetCounts(vehicle: vehicle))
    }

    private mutating func appendToLogs(_ event: Event, vehicleID: String, stamp: Stamp, clamp: StampClamp) {
        func entry(_ kind: LogEntry.Kind, at time: Timestamp? = nil) -> LogEntry {
            LogEntry(stamp: Stamp(time: clamp.clamp(time) ?? stamp.time, tiebreak: stamp.tiebreak), vehicleID: vehicleID,
                     kind: kind, flowID: event.flowID)
        }
        switch event.payload {
        case let .vehicleChanged(change):
            let v = change.vehicle
            if change.reasons.contains(.rentalStatusChanged), let status = v.rentalStatus {
                rentals.insert(entry(.rental(status.value)))
            }
            if change.reasons.contains(.lifeStatusChanged), let status = v.lifeStatus {
                lifeChanges.insert(entry(.life(status.value)))
            }
        case let .trip(report):
            switch event.type {
            case .tripStarted: trips.insert(entry(.tripStarted))
            case .tripEnded: trips.insert(entry(.tripEnded))
            case .tripMetricsReady:
                trips.insert(entry(.tripMetrics(distanceKilometers: report.distanceKilometers,
                                                durationSeconds: report.durationSeconds)))
            default: trips.insert(entry(.tripDiscarded(reason: report.discardReason)))
            }
        case let .smoke(report):
            if event.type == .smokeDetected {
                smoke.insert(entry(.smokeDetected))
            } else {
                smoke.insert(entry(.smokeDataReady(maxPM25: report.maxPM25)))
            }
        case .vehicleStateRecorded, .other:
            break
        }
    }
}

/// The numbers in the dashboard's header.
public struct FleetCounts: Hashable, Sendable {
    public var vehicles = 0
    public var online = 0
    public var inRental = 0
    public var activeSmoke = 0

    public init() {}

    init(vehicle: Vehicle) {
        online = vehicle.isOnline ? 1 : 0
        inRental = vehicle.isInRental ? 1 : 0
        activeSmoke = vehicle.hasActiveSmoke ? 1 : 0
    }
}

extension FleetState: Equatable {
    /// Two states are equal when they show the same fleet: vehicles, counts, logs and event totals. How they got
    /// there (revisions, the dedup memory, duplicates ignored) does not count.
    public static func == (a: FleetState, b: FleetState) -> Bool {
        sameVehicles(a.vehicles, b.vehicles) && a.counts == b.counts
            && a.rentals == b.rentals && a.lifeChanges == b.lifeChanges && a.trips == b.trips && a.smoke == b.smoke
            && a.knownTypeCounts == b.knownTypeCounts && a.otherTypeCounts == b.otherTypeCounts
            && a.eventsApplied == b.eventsApplied && a.valuesOutOfRange == b.valuesOutOfRange
            && a.vehiclesRefused == b.vehiclesRefused
    }
}

/// The same vehicles, whatever the order they arrived in (an `OrderedDictionary`'s `==` compares the order too).
private func sameVehicles(_ a: OrderedDictionary<String, Vehicle>, _ b: OrderedDictionary<String, Vehicle>) -> Bool {
    a.count == b.count && a.allSatisfy { b[$0.key] == $0.value }
}
