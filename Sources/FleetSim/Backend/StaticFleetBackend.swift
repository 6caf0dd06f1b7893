import FleetCore
import Foundation

/// A fixed fleet behind the stand-in's REST server, for tests and small demos: vehicles as given, a set of
/// vehicles that are "moving" (commands on them conflict), and capabilities taken from each vehicle's
/// `commands`. Commands change the central lock and the immobilizer the way a real vehicle would report them.
public final class StaticFleetBackend: FleetBackend {
    private struct Fleet {
        var vehicles: [VehicleResource]
        var index: [String: Int]
        var states: [String: VehicleState]
        var moving: Set<String>
        var executed: [(command: VehicleCommand, vehicleID: String, flowID: String)]
    }

    private let fleet: Locked<Fleet>
    private let clock: @Sendable () -> Timestamp

    /// - Parameters:
    ///   - vehicles: the fleet, in the order `GET /vehicles` pages through it.
    ///   - moving: ids of vehicles that are driving: their commands answer 409 conflicting-state.
    ///   - clock: the time stamped on command answers (wall clock by default).
    public init(vehicles: [VehicleResource], moving: Set<String> = [],
                clock: @escaping @Sendable () -> Timestamp = StaticFleetBackend.wallClock) {
        var index: [String: Int] = [:]
        for (i, v) in vehicles.enumerated() { index[v.id] = i }
        fleet = Locked(Fleet(vehicles: vehicles, index: index, states: [:], moving: moving, executed: []))
        self.clock = clock
    }

    /// `count` vehicles with ids `V0000`, `V0001`, … that support lock, unlock and request-vehicle-state.
    public static func numbered(_ count: Int, moving: Set<String> = []) -> StaticFleetBackend {
        let commands = [VehicleCommand.lockCentralLock, .unlockCentralLock, .requestVehicleState].map(\.capability)
        let vehicles = (0..<count).map { i in
            let digits = String(i)
            let id = "V" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            return VehicleResource(
                id: id, fleetID: "EXFL29",
                masterData: MasterData(licensePlate: "B-FW \(i)", customName: "Car \(i)"),
                lifeStatus: StatusValue(.online), rentalStatus: StatusValue(.notInRental),
                operationStatus: "OPERATING", commands: commands)
        }
        return StaticFleetBackend(vehicles: vehicles, moving: moving)
    }

    public func vehicles() async -> [VehicleResource] { fleet.withLock { $0.vehicles } }

    public func vehicle(id: String) async -> VehicleResource? {
        fleet.withLock { f in f.index[id].map { f.vehicles[$0] } }
    }

    public func execute(_ command: VehicleCommand, vehicleID: String, flowID: String) async -> CommandOutcome {
        let now = clock()
        return fleet.withLock { f in
            guard let i = f.index[vehicleID] else { return .unknownVehicle }
            guard f.vehicles[i].commands?.contains(command.capability) ?? false else { return .notSupported }
            if f.moving.contains(vehicleID) && command.isDangerous {
                return .conflictingState(detail: "Unable to execute the command while the vehicle '\(vehicleID)' is moving.")
            }
            var state = f.states[vehicleID] ?? VehicleState()
            switch command {
            case .lockCentralLock: state.centralLock = Reading(.locked, at: now)
            case .unlockCentralLock: state.centralLock = Reading(.unlocked, at: now)
            case .enableDriving: state.drivingEnabled = Reading(true, at: now)
            case .disableDriving: state.drivingEnabled = Reading(false, at: now)
            case .lockAndDisableDriving:
                state.centralLock = Reading(.locked, at: now)
                state.drivingEnabled = Reading(false, at: now)
            case .unlockAndEnableDriving:
                state.centralLock = Reading(.unlocked, at: now)
                state.drivingEnabled = Reading(true, at: now)
            case .requestVehicleState: break
            }
            f.states[vehicleID] = state
            f.executed.append((command, vehicleID, flowID))
            return .done(state)
        }
    }

    /// The commands executed so far, in order, with the flow id the server passed: what the vehicle "did".
    package var executedCommands: [(command: VehicleCommand, vehicleID: String, flowID: String)] {
        fleet.withLock { $0.executed }
    }

    /// The vehicle's state after the commands executed so far.
    public func state(of vehicleID: String) -> VehicleState? { fleet.withLock { $0.states[vehicleID] } }

    /// The current wall-clock time as a `Timestamp`, to the millisecond as INVERS stamps readings (and as
    /// `Timestamp.iso8601` writes them, so a state survives the trip through JSON unchanged).
    @Sendable public static func wallClock() -> Timestamp {
        Timestamp(microseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) * 1000)
    }
}
