import FleetCore
@testable import FleetSim
import FleetSimREST
import Testing
import TestSupport

@Suite struct EncodingTests {
    /// The first event of each type in a run (a command supplies the flow id of a `VehicleStateRecorded`).
    func oneEventOfEachType() throws -> [EventType: SimEvent] {
        var sim = Simulation(configuration: configuration(vehicles: 150, seed: 5))
        var found: [EventType: SimEvent] = [:]
        var hour = 0
        while found.count < EventType.known.count, hour < 48 {
            hour += 1
            for event in sim.step(until: fixedStart.adding(seconds: Double(hour) * 3600)) where found[event.type] == nil {
                if case let .vehicleChanged(reasons, _, _) = event.body, reasons != [.rentalStatusChanged] { continue }
                found[event.type] = event
            }
        }
        let car = try #require(sim.vehicleIDs.first {
            sim.commands(ofVehicle: $0)?.contains("LOCK_CENTRAL_LOCK") == true && sim.isOnline($0) == true
                && sim.isMoving($0) == false
        })
        found[.vehicleStateRecorded] = try sim.execute(.lockCentralLock, on: car, flowID: "8d3e2f10").get().events[0]
        return found
    }

    /// The bodies have exactly the shapes of the contract's samples: the same fields, nested the same way.
    @Test func bodiesHaveTheShapesOfTheContractSamples() throws {
        let events = try oneEventOfEachType()
        let samples: [(EventType, String, Set<String>)] = [
            // The rental sample is the full vehicle, but came from a command: ours (the simulation's own) has no flow id.
            (.vehicleChanged, "vehicle-changed.rental.json", ["metadata.flow_id"]),
            (.vehicleStateRecorded, "vehicle-state-recorded.json", []),
            (.tripStarted, "trip-started.json", []),
            (.tripEnded, "trip-ended.json", []),
            (.tripMetricsReady, "trip-metrics-ready.json", []),
            (.tripDiscarded, "trip-discarded.json", []),
            (.smokeDetected, "smoke-detected.json", []),
            (.smokeDataReady, "smoke-data-ready.json", []),
        ]
        for (type, file, absent) in samples {
            let event = try #require(events[type], "the run produced no \(type)")
            let ours = try keyPaths(EventEncoder().body(for: event))
            let theirs = try keyPaths(try fixture(file)).subtracting(absent)
            #expect(ours == theirs, "\(type): extra \(ours.subtracting(theirs)), missing \(theirs.subtracting(ours))")
        }
    }

    @Test func headersMirrorTheMetadataAndTheMessageIDIsTheEventID() throws {
        for event in try oneEventOfEachType().values {
            let message = EventEncoder().message(for: event)
            let metadata = try #require(ParsedJSON(bytes: message.body)?["metadata"])
            #expect(message.messageID == event.id && metadata["id"]?.string == event.id)
            #expect(message.headers["Message-Type"] == metadata["type"]?.string)
            #expect(message.headers["Message-Version"] == metadata["version"]?.int.map(String.init))
            #expect(message.headers["Flow-ID"] == metadata["flow_id"]?.string)
            #expect(message.contentType == "application/json")
        }
    }

    @Test func eachEventTravelsOnTheQueueOfItsTopic() {
        #expect(Topic(.vehicleChanged).queueName(prefix: "fleetwatch") == "fleetwatch.vehicle-change")
        #expect(Topic(.tripDiscarded).queueName(prefix: "fleetwatch") == "fleetwatch.trip")
        #expect(Topic(.smokeDataReady).queueName(prefix: "x") == "x.smoke-detection")
        #expect(Topic(.vehicleStateRecorded).queueName(prefix: "fleetwatch") == "fleetwatch.vehicle-state-recorded")
    }

    @Test func everyKindOfMalformedMessageIsRejectedByTheDecoder() throws {
        let event = try #require(try oneEventOfEachType()[.tripEnded])
        for kind in MalformedMessages.Kind.allCases {
            let message = MalformedMessages.message(kind, basedOn: event, messageID: "bad-1")
            #expect(throws: EventDecodingError.self, "\(kind) was accepted") { try decode(message) }
        }
    }

    @Test func malformedRateMixesInRoughlyThatShareDeterministically() {
        var sim = Simulation(configuration: configuration(vehicles: 100))
        let events = sim.advance(minimumEvents: 2000)
        func run() -> [OutgoingMessage] {
            var feed = MessageFeed(seed: 7, malformedRate: 0.1)
            return events.map { feed.message(for: $0) }
        }
        let messages = run()
        let bad = messages.filter { (try? decode($0)) == nil }.count
        #expect(bad > 100 && bad < 300, "\(bad) of \(messages.count) malformed")
        #expect(messages == run())
    }
}
