import FleetCore

/// The Vehicles table's order: a column, and which way. Ties go by id, so the order is total and stable.
/// Vehicles without the value sort after those with it, whichever way.
public struct VehicleSort: Hashable, Sendable {
    public var column: VehicleColumn
    public var descending: Bool

    public init(_ column: VehicleColumn, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// By id, ascending: the order before any `s`.
    public static let standard = VehicleSort(.id)

    /// `▲` ascending, `▼` descending (an ASCII terminal shows `^` and `v`).
    public var arrow: String { descending ? "▼" : "▲" }

    /// `ids` (the fleet's) in this order, reading values at `now` (wall clock).
    func ordered(_ vehicles: some Collection<Vehicle>, now: Timestamp) -> [String] {
        if column == .id {
            let ids = vehicles.map(\.id).sorted()
            return descending ? ids.reversed() : ids
        }
        // Keys read once per vehicle, then sorted: comparing through the vehicles would read each value
        // log n times.
        var keyed: [(key: SortKey, id: String)] = []
        keyed.reserveCapacity(vehicles.count)
        for vehicle in vehicles { keyed.append((key(vehicle, now: now), vehicle.id)) }
        let descending = self.descending
        keyed.sort { a, b in
            switch (a.key, b.key) {
            case (.missing, .missing): return a.id < b.id
            case (.missing, _): return false
            case (_, .missing): return true
            case let (.number(x, x2), .number(y, y2)) where x != y || x2 != y2:
                return descending ? (x, x2) > (y, y2) : (x, x2) < (y, y2)
            case let (.text(x), .text(y)) where x != y: return descending ? x > y : x < y
            default: return a.id < b.id
            }
        }
        return keyed.map(\.id)
    }

    private enum SortKey {
        /// Compared by the first number, then the second.
        case number(Double, Double = 0)
        case text(String)
        case missing
    }

    private func key(_ vehicle: Vehicle, now: Timestamp) -> SortKey {
        func number(_ value: Double?) -> SortKey { value.map { $0.isNaN ? .missing : .number($0) } ?? .missing }
        func text(_ value: String?) -> SortKey { value.map { .text($0) } ?? .missing }
        switch column {
        case .id: return .text(vehicle.id)
        case .plate: return text(vehicle.plate?.value)
        case .name:
            let name = VehicleColumns.name(of: vehicle)
            return name.isEmpty ? .missing : .text(name)
        case .life:
            // Offline first, then online, each the longest in that state first.
            guard let life = vehicle.lifeStatus else { return .missing }
            let rank: Double = switch life.value {
            case .offline: 0
            case .online: 1
            case .other: 2
            }
            return .number(rank, Double(life.stamp.time.microseconds))
        case .rental: return .number(vehicle.isInRental ? 0 : vehicle.rentalStatus == nil ? 2 : 1)
        case .lock:
            guard let lock = vehicle.centralLock else { return .missing }
            return .number(lock.value == .locked ? 0 : lock.value == .unlocked ? 1 : 2)
        case .charge: return number(vehicle.chargeOrFuelPercent?.value)
        case .range: return number(vehicle.remainingRangeKilometers?.value)
        case .trip:
            guard let trip = vehicle.trip, trip.endedAt == nil, trip.discardReason == nil else { return .missing }
            return number(trip.startedAt.map { Double($0.microseconds) })
        case .report: return number(vehicle.silentFor(now: now))
        case .smoke: return .number(vehicle.hasActiveSmoke ? 0 : 1)
        }
    }
}
