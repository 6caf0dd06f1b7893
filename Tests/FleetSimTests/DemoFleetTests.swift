import FleetCore
import FleetSim
import FleetSimREST
import TestSupport
import Testing

/// Collects what a subscription delivers, so a test can poll it.
final class Collected: @unchecked Sendable {
    private let lock = NSLockBox()
    private var _messages: [StreamMessage] = []
    var messages: [StreamMessage] { lock.run { _messages } }
    func append(_ message: StreamMessage) { lock.run { _messages.append(message) } }
    var events: [Event] { messages.flatMap { message -> [Event] in if case let .events(batch) = message { batch.events } else { [] } } }
    var statuses: [StreamStatus] { messages.compactMap { if case let .status(s) = $0 { s } else { nil } } }
}

@Suite struct DemoFleetTests {
    func collect(_ demo: DemoFleet) -> (Collected, Task<Void, Never>) {
        let collected = Collected()
        let stream = demo.subscribe()
        let task = Task { for await message in stream { collected.append(message) } }
        return (collected, task)
    }

    @Test func demoStreamsEventsOfALivingFleetAndReportsItselfConnected() async throws {
        let demo = DemoFleet(options: .init(vehicles: 100, timeScale: 600, commandLatency: .zero), start: fixedStart)
        let (collected, task) = collect(demo)
        demo.start()
        #expect(await eventually { collected.events.count >= 50 })
        #expect(collected.statuses.contains { $0.state == .connected && $0.endpoint == "demo" })
        let snapshot = try await demo.allVehicles()
        #expect(snapshot.count == 100)
        let ids = Set(snapshot.map(\.id))
        #expect(collected.events.allSatisfy { ids.contains($0.vehicleID ?? "") })
        demo.stop()
        await task.value  // the stream finishes when the demo stops
        #expect(collected.statuses.last?.state == .stopped)
    }

    @Test func lockAndUnlockWorkAndTheReadingCarriesTheFlowID() async throws {
        let demo = DemoFleet(options: .init(vehicles: 60, timeScale: 1, commandLatency: .milliseconds(5)), start: fixedStart)
        let (collected, task) = collect(demo)
        demo.start()
        let car = try #require(demo.simulatedFleet.withSimulation { sim in
            sim.vehicleIDs.first {
                sim.commands(ofVehicle: $0)?.contains("UNLOCK_CENTRAL_LOCK") == true && sim.isOnline($0) == true
                    && sim.isMoving($0) == false
            }
        })
        let result = try await demo.send(.unlockCentralLock, to: car)
        #expect(result.state.centralLock?.value == .unlocked && result.httpStatus == 200)
        let flowID = try #require(result.flowID)
        #expect(await eventually {
            collected.events.contains { $0.flowID == flowID && $0.vehicleID == car && $0.type == .vehicleStateRecorded }
        })
        let relocked = try await demo.send(.lockCentralLock, to: car)
        #expect(relocked.state.centralLock?.value == .locked && relocked.flowID != flowID)
        demo.stop()
        await task.value
    }

    @Test func commandsTheVehicleCannotTakeFailWithTheContractsProblems() async throws {
        let demo = DemoFleet(options: .init(vehicles: 60, commandLatency: .zero), start: fixedStart)
        let moped = try #require(demo.simulatedFleet.withSimulation { sim in
            sim.vehicleIDs.first { sim.commands(ofVehicle: $0)?.contains("LOCK_CENTRAL_LOCK") == false }
        })
        do {
            _ = try await demo.send(.lockCentralLock, to: moped)
            Issue.record("a moped without a central lock was locked")
        } catch {
            #expect(error.status == 409 && error.problemType == "/problems/vehicle/command-not-supported")
            #expect(error.flowID != nil)
        }
        do {
            _ = try await demo.send(.lockCentralLock, to: "NOPE1")
            Issue.record("an unknown vehicle was locked")
        } catch {
            #expect(error.status == 404)
        }
        // The REST server's view of the same fleet agrees.
        #expect(await demo.execute(.lockCentralLock, vehicleID: moped, flowID: "f") == .notSupported)
        #expect(await demo.vehicle(id: moped)?.id == moped)
    }

    @Test func aMovingVehicleRefusesLockInTheDemo() async throws {
        let demo = DemoFleet(options: .init(vehicles: 60, commandLatency: .zero), start: fixedStart)
        // Drive the simulation forward by hand until a vehicle is on a trip.
        let moving = demo.simulatedFleet.withSimulation { sim -> String? in
            for minute in 1...240 {
                _ = sim.step(until: fixedStart.adding(seconds: Double(minute) * 60))
                if let id = sim.vehicleIDs.first(where: { sim.isMoving($0) == true }) { return id }
            }
            return nil
        }
        let id = try #require(moving)
        do {
            _ = try await demo.send(.lockCentralLock, to: id)
            Issue.record("a moving vehicle was locked")
        } catch {
            #expect(error.status == 409 && error.problemType == "/problems/vehicle/conflicting-state")
        }
    }
}
