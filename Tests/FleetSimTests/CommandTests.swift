import FleetCore
@testable import FleetSim
import FleetSimREST
import Testing

@Suite struct CommandTests {
    /// A simulation advanced until some vehicle is on a trip.
    func simulationWithAMovingVehicle() throws -> (Simulation, String) {
        var sim = Simulation(configuration: configuration(vehicles: 60))
        for minute in 1...240 {
            _ = sim.step(until: fixedStart.adding(seconds: Double(minute) * 60))
            if let moving = sim.vehicleIDs.first(where: { sim.isMoving($0) == true }) { return (sim, moving) }
        }
        throw SimulationTestFailure("no vehicle started a trip in four hours")
    }

    @Test func aMovingVehicleRefusesCommandsWithConflictingState() throws {
        var (sim, moving) = try simulationWithAMovingVehicle()
        let before = sim.state(ofVehicle: moving)?.centralLock?.value
        for command in [VehicleCommand.lockCentralLock, .unlockCentralLock, .requestVehicleState] {
            guard case let .failure(.conflictingState(detail)) = sim.execute(command, on: moving, flowID: "f") else {
                Issue.record("\(command) on a moving vehicle was not refused")
                continue
            }
            #expect(detail.contains("moving") && detail.contains(moving))
        }
        #expect(sim.state(ofVehicle: moving)?.centralLock?.value == before)
        #expect(sim.step(until: sim.now).isEmpty, "a refused command emits nothing")
    }

    @Test func aVehicleWithoutTheCapabilityRefusesWithNotSupported() throws {
        var sim = Simulation(configuration: configuration(vehicles: 60))
        let moped = try #require(sim.vehicleIDs.first { sim.commands(ofVehicle: $0)?.contains("LOCK_CENTRAL_LOCK") == false })
        #expect(sim.execute(.lockCentralLock, on: moped, flowID: "f") == .failure(.notSupported))
        #expect(sim.execute(.unlockCentralLock, on: moped, flowID: "f") == .failure(.notSupported))
        #expect(sim.execute(.lockCentralLock, on: "NOPE1", flowID: "f") == .failure(.unknownVehicle))
    }

    @Test func lockAndUnlockChangeTheStateAndPublishAReadingWithTheFlowID() throws {
        var sim = Simulation(configuration: configuration(vehicles: 60))
        let car = try #require(sim.vehicleIDs.first {
            sim.commands(ofVehicle: $0)?.contains("UNLOCK_CENTRAL_LOCK") == true && sim.isOnline($0) == true
                && sim.isMoving($0) == false
        })
        let unlocked = try sim.execute(.unlockCentralLock, on: car, flowID: "flow-1").get()
        #expect(unlocked.state.centralLock?.value == .unlocked)
        #expect(sim.state(ofVehicle: car)?.centralLock?.value == .unlocked)
        let event = try #require(unlocked.events.first)
        #expect(unlocked.events.count == 1 && event.flowID == "flow-1" && event.vehicleID == car)
        #expect(event.body == .vehicleStateRecorded(unlocked.state))
        let message = EventEncoder().message(for: event)
        #expect(message.headers["Flow-ID"] == "flow-1")
        #expect(try decode(message).flowID == "flow-1")

        let locked = try sim.execute(.lockCentralLock, on: car, flowID: "flow-2").get()
        #expect(locked.state.centralLock?.value == .locked)
    }

    @Test func anOfflineVehicleRefusesCommands() throws {
        var sim = Simulation(configuration: configuration(vehicles: 100))
        let offline = try #require(sim.vehicleIDs.first { sim.isOnline($0) == false })
        guard case .failure(.conflictingState) = sim.execute(.requestVehicleState, on: offline, flowID: "f") else {
            Issue.record("an offline vehicle executed a command")
            return
        }
    }
}

struct SimulationTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
