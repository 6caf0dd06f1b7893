import FleetCore

/// Why the simulated fleet refused a command; the REST server and the demo map these to the contract's problems.
public enum CommandRefusal: Error, Sendable, Hashable {
    /// No vehicle with that id (404).
    case unknownVehicle
    /// The vehicle lacks the capability (409 `/problems/vehicle/command-not-supported`).
    case notSupported
    /// The vehicle cannot act now: it is moving, or offline (409 `/problems/vehicle/conflicting-state`).
    case conflictingState(detail: String)
}

/// A command the simulated fleet executed: the state it answers with and the events it caused.
public struct CommandExecution: Sendable, Hashable {
    /// The vehicle state after the command (the 200 answer's body).
    public var state: VehicleState
    /// The `VehicleStateRecorded` event carrying the command's flow id.
    public var events: [SimEvent]
}

extension Simulation {
    /// Executes a command on a vehicle at the current simulated time, as the INVERS REST API would: refused while
    /// the vehicle is moving or offline, or when it lacks the capability; otherwise the vehicle acts and reports
    /// its new state in a `VehicleStateRecorded` event carrying `flowID`.
    public mutating func execute(_ command: VehicleCommand, on vehicleID: String,
                                 flowID: String) -> Result<CommandExecution, CommandRefusal> {
        guard let v = indexByID[vehicleID] else { return .failure(.unknownVehicle) }
        guard fleet[v].model.commands.contains(command.capability) else { return .failure(.notSupported) }
        guard fleet[v].online else {
            return .failure(.conflictingState(detail: "Unable to execute the command while the vehicle '\(vehicleID)' is offline."))
        }
        guard !fleet[v].isMoving else {
            return .failure(.conflictingState(detail: "Unable to execute the command while the vehicle '\(vehicleID)' is moving."))
        }
        switch command {
        case .lockCentralLock: fleet[v].locked = true
        case .unlockCentralLock: fleet[v].locked = false
        case .enableDriving: fleet[v].drivingEnabled = true
        case .disableDriving: fleet[v].drivingEnabled = false
        case .lockAndDisableDriving:
            fleet[v].locked = true
            fleet[v].drivingEnabled = false
        case .unlockAndEnableDriving:
            fleet[v].locked = false
            fleet[v].drivingEnabled = true
        case .requestVehicleState: break
        }
        let state = fleet[v].state(at: now)
        output.append(SimEvent(id: ids.uuid(), occurredAt: now, flowID: flowID, fleetID: configuration.fleetID,
                               vehicleID: vehicleID, body: .vehicleStateRecorded(state)))
        return .success(CommandExecution(state: state, events: takeOutputForCommand()))
    }

    private mutating func takeOutputForCommand() -> [SimEvent] {
        // Commands run between steps, when the output buffer is empty: whatever is in it now is this command's.
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }
}
