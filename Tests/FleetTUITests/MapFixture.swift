import FleetCore
import TestSupport
@testable import FleetTUI

/// Fleets with positions, at fixed times, for the map's goldens and tests: a few vehicles of every status in
/// Berlin, and a second group in Munich.
enum MapFixture {
    static func time(_ hms: String) -> Timestamp { Fixture.time(hms) }

    /// The clock the map ages positions against: 12:30, so a position from before 11:45 is stale (45 minutes).
    static let wallClock = time("12:30:00")

    static func position(_ id: String, lat: Double, lon: Double, at hms: String, eventID: String) -> Event {
        Event(id: eventID, type: .vehicleStateRecorded, occurredAt: time(hms), vehicleID: id,
              payload: .vehicleStateRecorded(VehicleState(position: Reading(Position(lat: lat, lon: lon),
                                                                            at: time(hms)))))
    }

    /// Berlin: one vehicle of each status, a stale one, one without a position, one with an impossible one.
    static func berlin(into state: inout FleetState) {
        let vehicles: [(String, String, LifeStatus, RentalStatus, Double, Double, String)] = [
            ("B-ON1", "B-ON 1", .online, .notInRental, 52.5200, 13.4050, "12:20:00"),   // Mitte
            ("B-ON2", "B-ON 2", .online, .notInRental, 52.5000, 13.3000, "12:21:00"),   // west
            ("B-RNT", "B-RE 3", .online, .inRental, 52.5500, 13.5000, "12:22:00"),      // north-east
            ("B-OFF", "B-OF 4", .offline, .notInRental, 52.4500, 13.4500, "12:23:00"),  // south
            ("B-SMK", "B-SM 5", .online, .notInRental, 52.6500, 13.2000, "12:24:00"),   // far north-west
            ("B-OLD", "B-OL 6", .online, .notInRental, 52.3500, 13.7000, "10:00:00"),   // far south-east, stale
        ]
        for (i, v) in vehicles.enumerated() {
            state.apply(Fixture.changed(v.0, plate: v.1, name: "Golf", life: v.2, rental: v.3, at: "09:00:0\(i)",
                                        eventID: "bm-\(v.0)"))
            state.apply(position(v.0, lat: v.4, lon: v.5, at: v.6, eventID: "bp-\(v.0)"))
        }
        state.apply(Fixture.smoke("B-SMK", at: "12:25:00", eventID: "bs-1"))
        state.apply(Fixture.changed("B-NOP", plate: "B-NO 7", name: "Polo", life: .online, rental: .notInRental,
                                    at: "09:00:08", eventID: "bm-nop"))
        state.apply(Fixture.changed("B-BAD", plate: "B-BA 8", name: "Polo", life: .online, rental: .notInRental,
                                    at: "09:00:09", eventID: "bm-bad"))
        // Not from the decoder (which drops it): the map must still refuse it.
        state.apply(position("B-BAD", lat: 95, lon: 13.4, at: "12:26:00", eventID: "bp-bad"))
    }

    /// Munich: a few vehicles near the centre.
    static func munich(into state: inout FleetState) {
        let vehicles: [(String, LifeStatus, RentalStatus, Double, Double)] = [
            ("M-ON1", .online, .notInRental, 48.1372, 11.5761),
            ("M-ON2", .online, .notInRental, 48.1500, 11.5500),
            ("M-RNT", .online, .inRental, 48.1200, 11.6000),
            ("M-OFF", .offline, .notInRental, 48.1000, 11.5300),
        ]
        for (i, v) in vehicles.enumerated() {
            state.apply(Fixture.changed(v.0, plate: "M-\(i) \(i)", name: "Zoe", life: v.1, rental: v.2,
                                        at: "09:01:0\(i)", eventID: "mm-\(v.0)"))
            state.apply(position(v.0, lat: v.3, lon: v.4, at: "12:2\(i):00", eventID: "mp-\(v.0)"))
        }
    }

    static func oneCity() -> FleetState {
        var state = FleetState()
        berlin(into: &state)
        return state
    }

    static func twoCities() -> FleetState {
        var state = oneCity()
        munich(into: &state)
        return state
    }

    /// The golden model with the map open (as `m` opens it) at the fixture's wall clock.
    static func model(_ state: FleetState, filter: String = "", size: ScreenSize = ScreenSize(width: 120, height: 32))
        -> DashboardModel {
        var model = Fixture.model(size: size)
        let index = RowIndex()
        _ = model.update(.tick(now: 100, wall: wallClock), rows: index.rows(for: state, filter: .none))
        if !filter.isEmpty {
            model.filter = VehicleFilter(filter)
        }
        _ = model.update(.key(.character("m")), rows: index.rows(for: state, filter: model.filter))
        return model
    }
}
