import FleetCore
import TestSupport
@testable import FleetTUI

/// A fixed fleet for golden screens: a handful of vehicles with known plates, statuses, locks and log entries,
/// all at fixed times, so every screen is the same on every run.
enum Fixture {
    static func time(_ hms: String) -> Timestamp { Timestamp(iso8601: "2026-11-28T\(hms)Z")! }
    /// The wall clock of every fixture model: a little after the fleet's last event.
    static let wall = time("12:30:00")


    static func changed(_ id: String, plate: String? = nil, name: String? = nil, life: LifeStatus? = nil,
                        rental: RentalStatus? = nil, at hms: String, eventID: String) -> Event {
        var reasons: [ChangeReason] = []
        if plate != nil || name != nil { reasons.append(.masterDataChanged) }
        if life != nil { reasons.append(.lifeStatusChanged) }
        if rental != nil { reasons.append(.rentalStatusChanged) }
        let resource = VehicleResource(
            id: id, masterData: (plate != nil || name != nil) ? MasterData(licensePlate: plate, customName: name) : nil,
            lifeStatus: life.map { StatusValue($0) }, rentalStatus: rental.map { StatusValue($0) })
        return Event(id: eventID, type: .vehicleChanged, occurredAt: time(hms), vehicleID: id,
                     payload: .vehicleChanged(VehicleChange(reasons: reasons, vehicle: resource)))
    }

    static func lock(_ id: String, _ state: LockState, at hms: String, eventID: String) -> Event {
        Event(id: eventID, type: .vehicleStateRecorded, occurredAt: time(hms), vehicleID: id,
              payload: .vehicleStateRecorded(VehicleState(centralLock: Reading(state, at: time(hms)))))
    }

    static func trip(_ id: String, _ type: EventType, trip: String, at hms: String, km: Double? = nil,
                     seconds: Double? = nil, eventID: String) -> Event {
        Event(id: eventID, type: type, occurredAt: time(hms), vehicleID: id,
              payload: .trip(TripReport(tripID: trip, start: TripPoint(time: time(hms)), distanceKilometers: km,
                                        durationSeconds: seconds)))
    }

    static func smoke(_ id: String, at hms: String, eventID: String) -> Event {
        Event(id: eventID, type: .smokeDetected, occurredAt: time(hms), vehicleID: id,
              payload: .smoke(SmokeReport(incidentID: "inc-\(id)", detectedAt: time(hms))))
    }

    static func reading(_ id: String, charge: Double? = nil, range: Double? = nil, at hms: String, eventID: String)
        -> Event
    {
        Event(id: eventID, type: .vehicleStateRecorded, occurredAt: time(hms), vehicleID: id,
              payload: .vehicleStateRecorded(VehicleState(
                  chargeOrFuelPercent: charge.map { Reading($0, at: time(hms)) },
                  remainingRangeKilometers: range.map { Reading($0, at: time(hms)) })))
    }

    /// `fleet()` with charge and range readings, at times that make one vehicle offline for long, one low on
    /// charge and two stale at `wall`.
    static func richFleet() -> FleetState {
        var state = fleet()
        let readings: [(String, Double, Double, String)] = [
            ("JQ7RP", 82, 310, "12:20:00"), ("K2M9X", 12, 40, "10:16:40"), ("A81TZ", 64, 250, "12:29:30"),
            ("VEH-042", 45, 180, "12:10:00"), ("VEH-043", 91, 402, "12:25:00"), ("ZR5T1", 30, 120, "12:29:58"),
        ]
        for (i, r) in readings.enumerated() {
            state.apply(reading(r.0, charge: r.1, range: r.2, at: r.3, eventID: "reading-\(i)"))
        }
        return state
    }

    /// The fleet of README's screen, a little larger.
    static func fleet() -> FleetState {
        var state = FleetState()
        let vehicles: [(String, String, String, LifeStatus, RentalStatus)] = [
            ("JQ7RP", "B-FW 832", "Golf 7", .online, .inRental),
            ("K2M9X", "M-IN 4711", "Zoe 12", .offline, .notInRental),
            ("A81TZ", "HH-X 12", "ID.3 Blue", .online, .notInRental),
            ("VEH-042", "B-VW 42", "Polo", .online, .notInRental),
            ("VEH-043", "B-VW 43", "Polo", .online, .inRental),
            ("VEH-044", "B-VW 44", "Up!", .offline, .notInRental),
            ("ZR5T1", "S-ZR 501", "Model 3", .online, .notInRental),
        ]
        for (i, v) in vehicles.enumerated() {
            state.apply(changed(v.0, plate: v.1, name: v.2, life: v.3, rental: v.4, at: "09:00:0\(i)",
                                eventID: "seed-\(i)"))
        }
        state.apply(lock("K2M9X", .locked, at: "09:30:00", eventID: "lock-1"))
        state.apply(lock("JQ7RP", .unlocked, at: "09:30:01", eventID: "lock-2"))
        state.apply(lock("A81TZ", .locked, at: "09:30:02", eventID: "lock-3"))
        state.apply(changed("A81TZ", rental: .notInRental, at: "10:14:40", eventID: "r-1"))
        state.apply(changed("JQ7RP", rental: .inRental, at: "10:15:02", eventID: "r-2"))
        state.apply(changed("K2M9X", life: .offline, at: "10:16:40", eventID: "l-1"))
        state.apply(changed("VEH-042", life: .online, at: "10:17:00", eventID: "l-2"))
        state.apply(trip("JQ7RP", .tripStarted, trip: "t1", at: "10:16:00", eventID: "t-1"))
        state.apply(trip("JQ7RP", .tripMetricsReady, trip: "t1", at: "10:41:12", km: 21.4, seconds: 1500,
                         eventID: "t-2"))
        state.apply(smoke("K2M9X", at: "12:00:05", eventID: "s-1"))
        return state
    }

    static func model(size: ScreenSize = ScreenSize(width: 100, height: 30), readOnly: Bool = false)
        -> DashboardModel
    {
        var model = DashboardModel(keymap: readOnly ? Keymap.standard.clearingDanger() : .standard, size: size,
                                   themeNames: BuiltinThemes.names,
                                   stream: StreamStatus(state: .connected, endpoint: "EXFL29", eventsPerSecond: 412))
        model.now = 100
        model.wallNow = wall
        return model
    }
}
