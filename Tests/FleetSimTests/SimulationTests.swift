import FleetCore
@testable import FleetSim
import FleetSimREST
import Testing

@Suite struct SimulationTests {
    @Test func twoRunsWithOneSeedProduceTheSameEventBodies() {
        func run(seed: UInt64) -> [[UInt8]] {
            var sim = Simulation(configuration: configuration(vehicles: 80, seed: seed))
            let encoder = EventEncoder()
            var bodies: [[UInt8]] = []
            // Uneven steps on purpose: the result must not depend on how time is sliced.
            var t = fixedStart
            for k in 0..<200 {
                t = t.adding(seconds: Double(5 + k % 37))
                bodies += sim.step(until: t).map(encoder.body(for:))
            }
            return bodies
        }
        let first = run(seed: 42)
        #expect(first.count > 500)
        #expect(first == run(seed: 42))
        #expect(first != run(seed: 43))
    }

    @Test func steppingAndAdvancingByCountYieldTheSameSequence() {
        var stepped = Simulation(configuration: configuration(vehicles: 40))
        var counted = Simulation(configuration: configuration(vehicles: 40))
        let byTime = stepped.step(until: fixedStart.adding(seconds: 3600))
        var byCount: [SimEvent] = []
        while byCount.count < byTime.count { byCount += counted.advance(minimumEvents: 17) }
        #expect(Array(byCount.prefix(byTime.count)) == byTime)
    }

    @Test func fleetHasInversShapedIdsPlatesAndNames() {
        let sim = Simulation(configuration: configuration(vehicles: 300))
        let vehicles = sim.vehicles
        #expect(vehicles.count == 300)
        #expect(Set(vehicles.map(\.id)).count == 300)
        for vehicle in vehicles {
            #expect(vehicle.id.count == 5 && vehicle.id.allSatisfy { $0.isUppercase || $0.isNumber })
            let plate = vehicle.masterData?.licensePlate ?? ""
            #expect(plate.wholeMatch(of: /(B|M)-[A-Z]{1,2} [1-9][0-9]{0,3}/) != nil, "plate \(plate)")
            #expect(vehicle.masterData?.customName?.isEmpty == false)
            #expect(vehicle.masterData?.vin?.count == 17)
        }
        #expect(Set(vehicles.compactMap(\.masterData?.licensePlate)).count == 300)
    }

    /// A long run, checked against what INVERS guarantees and what the dashboard relies on.
    @Test func invariantsHoldOverALongRun() throws {
        var sim = Simulation(configuration: configuration(vehicles: 80, seed: 11))
        var online = Dictionary(uniqueKeysWithValues: sim.vehicles.map { ($0.id, $0.lifeStatus?.value == .online) })
        var tripStarts: [String: Timestamp] = [:]       // trip id → start time
        var tripEnds: [String: (vehicle: String, start: Timestamp, end: Timestamp)] = [:]
        var tripsReported = Set<String>()
        var openSmoke: [String: String] = [:]           // incident → vehicle
        var smokeReported = 0
        var lastPosition: [String: (Position, Timestamp)] = [:]
        var ids = Set<String>()
        var previous = fixedStart
        var counts: [String: Int] = [:]

        for hour in 1...10 {
            for event in sim.step(until: fixedStart.adding(seconds: Double(hour) * 3600)) {
                counts[event.type.name, default: 0] += 1
                check(event.occurredAt >= previous, "events come in time order")
                previous = event.occurredAt
                check(ids.insert(event.id).inserted, "event ids are unique")

                // Every event decodes with the project's decoder into exactly what the demo hands the dashboard.
                let message = EventEncoder().message(for: event)
                let decoded = try decode(message)
                check(decoded.type == event.type)
                check(decoded.type.name == message.headers["Message-Type"])
                check(decoded.id == event.id && decoded.vehicleID == event.vehicleID)
                check(decoded.occurredAt == event.occurredAt)
                check(decoded.payload == event.event.payload)

                switch event.body {
                case let .vehicleChanged(reasons, vehicle, _):
                    if reasons.contains(.lifeStatusChanged) { online[event.vehicleID] = vehicle.lifeStatus?.value == .online }
                case let .vehicleStateRecorded(state):
                    check(online[event.vehicleID] == true, "no reading from offline \(event.vehicleID)")
                    if let position = state.position?.value, let time = state.position?.timestamp {
                        if let (last, lastTime) = lastPosition[event.vehicleID], time > lastTime {
                            let speed = last.kilometers(to: position) / (time.seconds - lastTime.seconds) * 3600
                            check(speed < 150, "position moves plausibly (\(speed) km/h)")
                        }
                        lastPosition[event.vehicleID] = (position, time)
                    }
                case let .tripStarted(tripID, start):
                    check(online[event.vehicleID] == true)
                    tripStarts[tripID] = start.time
                case let .tripEnded(tripID, start, end):
                    let startedEntry = tripStarts.removeValue(forKey: tripID)
                    let started = try #require(startedEntry, "end of an unstarted trip")
                    check(start.time == started)
                    let (s, e) = (try #require(start.time), try #require(end.time))
                    check(e > s, "a trip ends after it starts")
                    check((end.mileageKilometers ?? 0) >= (start.mileageKilometers ?? 0))
                    tripEnds[tripID] = (event.vehicleID, s, e)
                case let .tripMetricsReady(tripID, _, duration, _):
                    let ended = try #require(tripEnds[tripID], "metrics before the trip ended")
                    check(ended.vehicle == event.vehicleID && event.occurredAt > ended.end)
                    check(duration >= 60)
                    check(tripsReported.insert(tripID).inserted)
                case let .tripDiscarded(tripID, reason):
                    let ended = try #require(tripEnds[tripID], "discard before the trip ended")
                    check(event.occurredAt > ended.end && reason == "TOO_SHORT")
                    check(ended.end.seconds - ended.start.seconds < 61)
                    check(tripsReported.insert(tripID).inserted)
                case let .smokeDetected(incident, _, _):
                    check(openSmoke[incident] == nil)
                    openSmoke[incident] = event.vehicleID
                case let .smokeDataReady(incident, startedAt, endedAt, _, samples):
                    let detectedOn = openSmoke.removeValue(forKey: incident)
                    check(detectedOn == event.vehicleID,
                            "SmokeDataReady only after SmokeDetected of the same vehicle")
                    check(endedAt > startedAt && samples.count >= 2)
                    smokeReported += 1
                }
            }
        }
        // The run was long enough to exercise every kind of event.
        for type in EventType.known { #expect((counts[type.name] ?? 0) > 0, "no \(type.name) in the run") }
        #expect(smokeReported > 0)
        #expect(tripsReported.count > 50)
    }
}

/// A cheap expectation for checks run on every event of a long run: records an issue only when it fails.
func check(_ condition: Bool, _ message: @autoclosure () -> String = "",
           sourceLocation: SourceLocation = #_sourceLocation) {
    if !condition { Issue.record(Comment(rawValue: message()), sourceLocation: sourceLocation) }
}
