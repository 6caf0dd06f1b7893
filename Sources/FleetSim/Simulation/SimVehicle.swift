import FleetCore

/// One simulated vehicle: what INVERS knows about it (master data, statuses, capabilities) and what its
/// telematics unit would report (lock, position, charge, mileage).
struct SimVehicle: Sendable {
    let id: String
    let model: VehicleModel
    let city: City
    var masterData: MasterData
    var tags: [String]

    var online: Bool
    var onlineModifiedAt: Timestamp
    var inRental: Bool
    var rentalModifiedAt: Timestamp

    var locked: Bool
    var drivingEnabled: Bool
    var ignitionOn: Bool
    var position: Position
    var chargePercent: Double
    var mileageKilometers: Double

    /// The trip under way: the vehicle is moving, and commands are refused.
    var trip: ActiveTrip?
    /// Trips still to come in the current rental.
    var tripsLeft = 0
    /// The open smoke incident, if any: the vehicle stays online until it is reported.
    var smoke: ActiveSmoke?
    /// Bumped whenever the vehicle changes phase (available, rented, offline), so actions scheduled for an
    /// earlier phase are recognised as stale and dropped.
    var phase: UInt64 = 0

    var isMoving: Bool { trip != nil }

    /// The vehicle resource, as `GET /vehicles` and `VehicleChanged` carry it.
    func resource(fleetID: String) -> VehicleResource {
        VehicleResource(
            id: id, fleetID: fleetID, masterData: masterData,
            lifeStatus: StatusValue(online ? .online : .offline, modifiedAt: onlineModifiedAt),
            rentalStatus: StatusValue(inRental ? .inRental : .notInRental, modifiedAt: rentalModifiedAt),
            operationStatus: "OPERATING", tags: tags, commands: model.commands)
    }

    /// The full state the telematics unit reports, every property it has the capability for, measured at `time`.
    func state(at time: Timestamp) -> VehicleState {
        var state = VehicleState()
        let caps = model.stateCapabilities
        if caps.contains("CENTRAL_LOCK") { state.centralLock = Reading(locked ? .locked : .unlocked, at: time) }
        if caps.contains("POSITION") { state.position = Reading(position, at: time) }
        if caps.contains("STATE_OF_CHARGE_OR_FUEL_LEVEL_IN_PERCENT") {
            state.chargeOrFuelPercent = Reading(chargePercent.rounded(), at: time)
        }
        if caps.contains("REMAINING_RANGE_IN_KILOMETERS") {
            state.remainingRangeKilometers = Reading((chargePercent * model.kilometersPerPercent).rounded(), at: time)
        }
        if caps.contains("MILEAGE_IN_KILOMETERS") {
            state.mileageKilometers = Reading(mileageKilometers.rounded(.down), at: time)
        }
        if caps.contains("DRIVING_ENABLED") { state.drivingEnabled = Reading(drivingEnabled, at: time) }
        if caps.contains("IGNITION") { state.ignition = Reading(ignitionOn ? "ON" : "OFF", at: time) }
        return state
    }
}

/// A trip under way.
struct ActiveTrip: Sendable {
    var id: String
    var start: TripPoint
    var origin: Position
    var destination: Position
    var startedAt: Int64
    var endsAt: Int64
    var distanceKilometers: Double
    var maxSpeed: Double
    /// How far the path bows to one side, as a share of the straight distance (negative: to the left).
    var bow: Double
}

/// A smoke incident that has been detected and not yet reported as finished.
struct ActiveSmoke: Sendable {
    var id: String
    var startedAt: Timestamp
    var endsAt: Int64
    var peak: Double
}
