import AMQP
import FleetCore
import FleetSim
import FleetSimREST
import Foundation
import Testing

/// Against the real broker (`scripts/broker start`; `FLEETWATCH_TEST_AMQP_URL`): these fail, not skip, when it is
/// down. Each test uses its own queue prefix and deletes its queues.
@Suite(.serialized) struct BrokerPublishingTests {
    static var url: AMQPURL {
        let text = ProcessInfo.processInfo.environment["FLEETWATCH_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/%2f"
        return try! AMQPURL(text)
    }

    static func uniquePrefix() -> String { "fleetsim-test.\(UInt64.random(in: 0..<UInt64.max))" }

    struct Received {
        var queue: String
        var delivery: AMQPDelivery
    }

    /// Publishes `count` messages of a fleet with `seed` (burst pacing) to queues under `prefix`.
    static func publish(count: Int, seed: UInt64, prefix: String, malformedRate: Double = 0,
                        command: ((SimulatedFleet) -> Void)? = nil) throws -> PublishingRun.Statistics {
        let queue = EventQueue()
        let simulation = Simulation(configuration: configuration(vehicles: 100, seed: seed))
        let fleet = PublishingRun.makeFleet(simulation, pacing: .burst, queue: queue)
        command?(fleet)
        let publisher = try BrokerPublisher(url: url)
        defer { publisher.close() }
        let run = PublishingRun(fleet: fleet, queue: queue, publisher: publisher, topology: Topology(prefix: prefix),
                                pacing: .burst, count: count, malformedRate: malformedRate, confirmBatch: 128)
        try run.declareTopology()
        try run.run(shouldStop: { false })
        return run.statistics
    }

    /// Consumes every queue under `prefix` until `expected` messages arrived (or a deadline passed), acking each.
    static func consume(prefix: String, expected: Int, timeout: Duration = .seconds(20)) throws -> [Received] {
        let connection = try AMQPConnection(url: url)
        defer { connection.close() }
        let topology = Topology(prefix: prefix)
        var queueByTag: [String: String] = [:]
        for queue in topology.queues {
            queueByTag[try connection.consume(queue: queue)] = queue
        }
        var received: [Received] = []
        let deadline = ContinuousClock.now + timeout
        while received.count < expected, ContinuousClock.now < deadline {
            if case let .delivery(delivery) = try connection.nextDelivery(timeout: 0.5) {
                received.append(Received(queue: queueByTag[delivery.consumerTag] ?? "?", delivery: delivery))
                try connection.ack(delivery.deliveryTag, multiple: false)
            }
        }
        return received
    }

    static func deleteQueues(prefix: String) {
        guard let connection = try? AMQPConnection(url: url) else { return }
        defer { connection.close() }
        for queue in Topology(prefix: prefix).queues { _ = try? connection.deleteQueue(queue) }
    }

    @Test func publishedCountArrivesAndDecodesWithHeadersAndMessageIDs() throws {
        let prefix = Self.uniquePrefix()
        defer { Self.deleteQueues(prefix: prefix) }
        let statistics = try Self.publish(count: 600, seed: 3, prefix: prefix, malformedRate: 0.05)
        #expect(statistics.published == 600)
        #expect(statistics.malformed > 0)

        let received = try Self.consume(prefix: prefix, expected: 600)
        #expect(received.count == 600)
        var rejected = 0
        var types = Set<String>()
        for message in received {
            let delivery = message.delivery
            let messageID = try #require(delivery.messageID, "every message carries a message_id")
            #expect(delivery.headers["Message-Type"] != nil && delivery.headers["Message-Version"] != nil)
            do {
                let event = try EventDecoder().decode(body: delivery.body, headers: delivery.headers, messageID: messageID)
                #expect(event.id == messageID)
                #expect(event.type.name == delivery.headers["Message-Type"])
                #expect(message.queue == Topology(prefix: prefix).queue(for: Topic(event.type)),
                        "\(event.type) arrived on \(message.queue)")
                types.insert(event.type.name)
            } catch {
                rejected += 1
            }
        }
        #expect(rejected == statistics.malformed, "exactly the malformed messages are rejected by the decoder")
        #expect(types.contains("VehicleStateRecorded") && types.contains("VehicleChanged") && types.contains("TripStarted"))
        // Nothing more than was published.
        #expect(try Self.consume(prefix: prefix, expected: 1, timeout: .milliseconds(600)).isEmpty)
    }

    @Test func twoRunsWithOneSeedPublishTheSameEvents() throws {
        let first = Self.uniquePrefix(), second = Self.uniquePrefix()
        defer {
            Self.deleteQueues(prefix: first)
            Self.deleteQueues(prefix: second)
        }
        _ = try Self.publish(count: 300, seed: 9, prefix: first)
        _ = try Self.publish(count: 300, seed: 9, prefix: second)
        func perQueue(_ prefix: String) throws -> [String: [[UInt8]]] {
            var bodies: [String: [[UInt8]]] = [:]
            for message in try Self.consume(prefix: prefix, expected: 300) {
                let topic = String(message.queue.dropFirst(prefix.count + 1))
                bodies[topic, default: []].append(message.delivery.body)
            }
            return bodies
        }
        let a = try perQueue(first), b = try perQueue(second)
        #expect(a.values.reduce(0) { $0 + $1.count } == 300)
        #expect(a == b)
    }

    @Test func aCommandsReadingIsPublishedWithItsFlowID() throws {
        let prefix = Self.uniquePrefix()
        defer { Self.deleteQueues(prefix: prefix) }
        let flowID = "5e77e3e3-48ab-4955-8ab3-1c62339096ab"
        var locked: String?
        _ = try Self.publish(count: 50, seed: 4, prefix: prefix) { fleet in
            let car = fleet.withSimulation { sim in
                sim.vehicleIDs.first {
                    sim.commands(ofVehicle: $0)?.contains("LOCK_CENTRAL_LOCK") == true && sim.isOnline($0) == true
                        && sim.isMoving($0) == false
                }
            }
            if let car, case .success = fleet.execute(.lockCentralLock, on: car, flowID: flowID) { locked = car }
        }
        let car = try #require(locked)
        let received = try Self.consume(prefix: prefix, expected: 50)
        let reading = try #require(received.first { $0.delivery.headers["Flow-ID"] == flowID })
        let event = try EventDecoder().decode(body: reading.delivery.body, headers: reading.delivery.headers,
                                              messageID: reading.delivery.messageID)
        #expect(event.vehicleID == car && event.flowID == flowID)
        guard case let .vehicleStateRecorded(state) = event.payload else {
            Issue.record("the command's event is \(event.type)")
            return
        }
        #expect(state.centralLock?.value == .locked)
    }
}
