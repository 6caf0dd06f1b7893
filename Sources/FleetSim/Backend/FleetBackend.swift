import FleetCore

/// What the stand-in's REST server asks of the fleet behind it: the simulation in `fleetsim` and the demo, or a
/// fixed fleet in tests. The server owns HTTP concerns (tokens, paging, problems, rate limits, injected faults);
/// the backend owns the vehicles.
public protocol FleetBackend: Sendable {
    /// Every vehicle, in a stable order (the server pages through it with a cursor).
    func vehicles() async -> [VehicleResource]
    /// One vehicle, or nil when the id is unknown.
    func vehicle(id: String) async -> VehicleResource?
    /// Executes a command. On success the backend also publishes the matching `VehicleStateRecorded` event
    /// carrying `flowID`, as INVERS does.
    func execute(_ command: VehicleCommand, vehicleID: String, flowID: String) async -> CommandOutcome
}

/// How a backend answered a command; the server turns each case into the contract's HTTP answer.
public enum CommandOutcome: Sendable, Hashable {
    /// 200 with the vehicle's new state.
    case done(VehicleState)
    /// 404: no such vehicle.
    case unknownVehicle
    /// 409 `/problems/vehicle/conflicting-state`: e.g. the vehicle is moving.
    case conflictingState(detail: String)
    /// 409 `/problems/vehicle/command-not-supported`: the vehicle lacks the capability.
    case notSupported
}
