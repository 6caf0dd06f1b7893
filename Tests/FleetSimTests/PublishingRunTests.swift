import FleetCore
import FleetSim
import FleetSimREST
import Testing

/// A publisher that keeps what it is given, and counts the confirm waits (a unit-test stand-in for the broker).
final class CollectingPublisher: MessagePublisher {
    var declared: [String] = []
    var published: [(queue: String, message: OutgoingMessage)] = []
    var confirmed = 0

    func declareQueue(_ name: String) throws { declared.append(name) }
    func publish(_ message: OutgoingMessage, toQueue queue: String) throws { published.append((queue, message)) }
    func waitForConfirms() throws { confirmed = published.count }
}

@Suite struct PublishingRunTests {
    func run(pacing: PublishingRun.Pacing, count: Int?, stopAfter: Int? = nil,
             before: ((SimulatedFleet) -> Void)? = nil) throws -> (CollectingPublisher, PublishingRun) {
        let queue = EventQueue()
        let fleet = PublishingRun.makeFleet(Simulation(configuration: configuration(vehicles: 100)), pacing: pacing,
                                            queue: queue)
        before?(fleet)
        let publisher = CollectingPublisher()
        let run = PublishingRun(fleet: fleet, queue: queue, publisher: publisher, topology: Topology(prefix: "t"),
                                pacing: pacing, count: count, confirmBatch: 64)
        try run.declareTopology()
        try run.run(shouldStop: { stopAfter.map { publisher.published.count >= $0 } ?? false })
        return (publisher, run)
    }

    @Test func everyPacingPublishesExactlyTheCountAndConfirmsItAll() throws {
        for pacing in [PublishingRun.Pacing.burst, .rate(5000), .timeScale(7200)] {
            let (publisher, run) = try run(pacing: pacing, count: 150)
            #expect(publisher.published.count == 150, "\(pacing)")
            #expect(publisher.confirmed == 150, "\(pacing): every message confirmed before the run ends")
            #expect(run.statistics.published == 150)
            #expect(publisher.declared == ["t.vehicle-change", "t.trip", "t.smoke-detection", "t.vehicle-state-recorded"])
            for (queue, message) in publisher.published {
                #expect(queue == "t.\(message.topic.rawValue)")
            }
        }
    }

    @Test func aStopRequestEndsTheRunWithEverythingConfirmed() throws {
        let (publisher, _) = try run(pacing: .burst, count: nil, stopAfter: 300)
        #expect(publisher.published.count >= 300)
        #expect(publisher.confirmed == publisher.published.count)
    }

    @Test func aCommandsReadingIsPublishedInOrderWithTheSimulationsEvents() throws {
        var commanded: String?
        let (publisher, _) = try run(pacing: .burst, count: 40) { fleet in
            let car = fleet.withSimulation { sim in
                sim.vehicleIDs.first {
                    sim.commands(ofVehicle: $0)?.contains("UNLOCK_CENTRAL_LOCK") == true && sim.isOnline($0) == true
                        && sim.isMoving($0) == false
                }
            }
            if let car, case .success = fleet.execute(.unlockCentralLock, on: car, flowID: "flow-7") { commanded = car }
        }
        #expect(commanded != nil)
        let first = try #require(publisher.published.first)
        #expect(first.message.headers["Flow-ID"] == "flow-7", "the command happened first, so it is published first")
        #expect(try decode(first.message).vehicleID == commanded)
    }
}
