import FleetCore

/// A fleet of a given size in the store's state, and the live events a running dashboard follows.
public enum FleetFixture {
    /// `n` vehicles, each known from one vehicle-changed event: a mix of online and offline, in and out of rental.
    public static func fleet(_ n: Int) -> FleetState {
        var state = FleetState()
        let t0 = Timestamp(iso8601: "2026-11-28T08:00:00Z")!
        for i in 0..<n {
            let id = "VEH-\(String(i, radix: 36).uppercased())"
            let resource = VehicleResource(
                id: id, masterData: MasterData(licensePlate: "B-FW \(i % 10_000)", customName: "Golf \(i % 97)"),
                lifeStatus: StatusValue(i % 7 == 0 ? .offline : .online),
                rentalStatus: StatusValue(i % 3 == 0 ? .inRental : .notInRental))
            state.apply(Event(id: "seed-\(i)", type: .vehicleChanged, occurredAt: t0.adding(seconds: Double(i % 3600)),
                              vehicleID: id,
                              payload: .vehicleChanged(VehicleChange(reasons: [.rentalStatusChanged, .lifeStatusChanged],
                                                                     vehicle: resource))),
                        arrivedAt: .now())
        }
        return state
    }

    /// `fleet(n)` with a position for every vehicle, spread over a city 20 km across (deterministically), stamped
    /// 08:00–09:00 as the vehicles' events are: the map's fleet.
    public static func positionedFleet(_ n: Int) -> FleetState {
        var state = fleet(n)
        let t0 = Timestamp(iso8601: "2026-11-28T08:00:00Z")!
        for i in 0..<n {
            let id = "VEH-\(String(i, radix: 36).uppercased())"
            let time = t0.adding(seconds: Double(i % 3600))
            state.apply(Event(id: "pos-\(i)", type: .vehicleStateRecorded, occurredAt: time, vehicleID: id,
                              payload: .vehicleStateRecorded(VehicleState(position: Reading(position(i), at: time)))),
                        arrivedAt: .now())
        }
        return state
    }

    /// A point in Berlin for `k`: a fixed pseudo-random scatter (a multiplicative hash, not a generator).
    static func position(_ k: Int) -> Position {
        let a = Double((k &* 2_654_435_761) % 10_007) / 10_007, b = Double((k &* 40_503) % 9_973) / 9_973
        return Position(lat: 52.43 + 0.18 * a, lon: 13.25 + 0.30 * b)
    }

    /// The `k`th live event for the map's fleet: every other one is `liveEvent(k)`, the others move a vehicle.
    public static func liveMapEvent(_ k: Int, fleetSize n: Int) -> Event {
        guard k % 2 == 1 else { return liveEvent(k, fleetSize: n) }
        let id = "VEH-\(String(k * 7919 % n, radix: 36).uppercased())"
        let time = Timestamp(iso8601: "2026-11-28T10:00:00Z")!.adding(seconds: Double(k))
        return Event(id: "move-\(k)", type: .vehicleStateRecorded, occurredAt: time, vehicleID: id,
                     payload: .vehicleStateRecorded(VehicleState(position: Reading(position(k + n), at: time))))
    }

    /// The `k`th live event for a fleet of `n`: it changes one vehicle's rental status, not the fleet's membership.
    public static func liveEvent(_ k: Int, fleetSize n: Int) -> Event {
        let id = "VEH-\(String(k * 7919 % n, radix: 36).uppercased())"
        let resource = VehicleResource(id: id, rentalStatus: StatusValue(k % 2 == 0 ? .inRental : .notInRental))
        return Event(id: "live-\(k)", type: .vehicleChanged,
                     occurredAt: Timestamp(iso8601: "2026-11-28T10:00:00Z")!.adding(seconds: Double(k)),
                     vehicleID: id,
                     payload: .vehicleChanged(VehicleChange(reasons: [.rentalStatusChanged], vehicle: resource)))
    }
}
