/// What may need an operator about one vehicle, by the thresholds: the header counts each kind, and `F` filters
/// the Vehicles table by each (with "in rental", which is no alert but the next thing an operator asks).
public enum QuickFilter: String, CaseIterable, Hashable, Sendable {
    case all
    /// Offline for at least `AlertThresholds.offlineAfterSeconds`.
    case offline
    /// Charge or fuel below `AlertThresholds.lowChargePercent`.
    case lowCharge = "low charge"
    /// No report for at least `AlertThresholds.staleAfterSeconds`.
    case stale
    case inRental = "in rental"
    /// Smoke detected and not over.
    case smoke

    /// The next one `F` moves to: all → offline → low charge → stale → in rental → smoke → all.
    public var next: QuickFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Whether `vehicle` is in this group at `now` (wall clock).
    public func matches(_ vehicle: Vehicle, thresholds: AlertThresholds, now: Timestamp) -> Bool {
        switch self {
        case .all: true
        case .offline: vehicle.offlineFor(now: now).map { $0 >= thresholds.offlineAfterSeconds } ?? false
        case .lowCharge: vehicle.chargeOrFuelPercent.map { $0.value < thresholds.lowChargePercent } ?? false
        case .stale: vehicle.silentFor(now: now).map { $0 >= thresholds.staleAfterSeconds } ?? false
        case .inRental: vehicle.isInRental
        case .smoke: vehicle.hasActiveSmoke
        }
    }
}

/// How many vehicles are in each alert group: the header's counts.
public struct AlertCounts: Hashable, Sendable {
    public var offline = 0
    public var lowCharge = 0
    public var stale = 0

    public init(offline: Int = 0, lowCharge: Int = 0, stale: Int = 0) {
        self.offline = offline
        self.lowCharge = lowCharge
        self.stale = stale
    }

    /// Counts `vehicles` at `now`.
    public init(_ vehicles: some Sequence<Vehicle>, thresholds: AlertThresholds, now: Timestamp) {
        // The store's vehicles are read where they lie: iterating copied each vehicle (retaining every string in
        // it), which made a count of 100,000 vehicles stall the store for about 20 ms every second.
        let inPlace: Void? = vehicles.withContiguousStorageIfAvailable { buffer in
            for i in buffer.indices { add(buffer[i], thresholds: thresholds, now: now) }
        }
        if inPlace == nil {
            for vehicle in vehicles { add(vehicle, thresholds: thresholds, now: now) }
        }
    }

    private mutating func add(_ vehicle: Vehicle, thresholds: AlertThresholds, now: Timestamp) {
        if QuickFilter.offline.matches(vehicle, thresholds: thresholds, now: now) { offline += 1 }
        if QuickFilter.lowCharge.matches(vehicle, thresholds: thresholds, now: now) { lowCharge += 1 }
        if QuickFilter.stale.matches(vehicle, thresholds: thresholds, now: now) { stale += 1 }
    }
}

extension Vehicle {
    /// Seconds since it went offline (its life status says OFFLINE since then), nil when it is not offline or the
    /// time is unknown. Never negative: a time ahead of `now` counts as just now.
    public func offlineFor(now: Timestamp) -> Double? {
        guard let life = lifeStatus, life.value == .offline, life.stamp.time != Stamp.unknownTime else { return nil }
        return Self.seconds(from: life.stamp.time, to: now)
    }

    /// Seconds since its last report (any event about it), nil when it never reported.
    public func silentFor(now: Timestamp) -> Double? {
        guard let last = lastEventAt else { return nil }
        return Self.seconds(from: last, to: now)
    }

    /// `to - from` in seconds, at least 0; nil where the difference does not fit (a saturated time).
    private static func seconds(from: Timestamp, to: Timestamp) -> Double? {
        let (difference, overflow) = to.microseconds.subtractingReportingOverflow(from.microseconds)
        return overflow ? nil : max(0, Double(difference) / 1_000_000)
    }
}
