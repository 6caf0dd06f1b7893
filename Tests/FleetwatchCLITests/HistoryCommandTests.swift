import AMQP
import FleetCore
import Foundation
import TestSupport
import Testing

/// `fleetwatch history VEHICLE`, the built binary against a stream on the test broker.
@Suite(.serialized) struct HistoryCommandTests {
    var environment: [String: String] {
        let b = TestBroker.amqpURL
        return ["FLEETWATCH_AMQP_URL": "amqp://\(b.user):\(b.password)@\(b.host):\(b.port)/%2f"]
    }

    func ids(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
    }

    @Test func printsOneVehiclesEventsInOrderThenExits() async throws {
        let queues = try TestQueues("history-test", arguments: TestQueues.stream)
        defer { queues.cleanUp() }
        let stream = queues.name
        let vehicles = ["A", "B", "C"]
        try queues.publisher.publish((0..<60).map { i in
            AMQPMessage(routingKey: stream, body: TestEvents.lockReading(
                id: "h-\(i)", vehicle: vehicles[i % 3], at: "2026-12-06T10:00:\(String(format: "%02d", i))Z",
                lock: i % 2 == 0 ? "LOCKED" : "UNLOCKED"), messageID: "h-\(i)")
        })
        // The broker counts a stream's newest writes a moment after confirming them; history reads what it counts.
        #expect(await eventually(timeout: 10) { (try? TestBroker.messageCount(stream)) == 60 })

        let run = try await fleetwatch(["history", "B", "--stream", stream, "--since", "first", "--json"],
                                       environment: environment, timeout: .seconds(60))
        #expect(run.status == 0 && !run.signalled, "\(run.stderr)")
        #expect(ids(run.stdout) == (0..<60).filter { $0 % 3 == 1 }.map { "h-\($0)" })

        // A vehicle with no events: it still stops at the stream's end.
        let none = try await fleetwatch(["history", "Z", "--stream", stream, "--since", "first"], environment: environment,
                                        timeout: .seconds(60))
        #expect(none.status == 0 && !none.signalled && none.stdout.isEmpty, "\(none.stderr)")

        // Nothing newer than --since: it stops after its idle limit.
        let later = try await fleetwatch(["history", "B", "--stream", stream, "--since", "2099-01-01T00:00:00Z"],
                                         environment: environment, timeout: .seconds(60))
        #expect(later.status == 0 && !later.signalled && later.stdout.isEmpty, "\(later.stderr)")
    }

    @Test func anEmptyStreamPrintsNothingAndNextIsRefused() async throws {
        let queues = try TestQueues("history-test.empty", arguments: TestQueues.stream)
        defer { queues.cleanUp() }
        let stream = queues.name
        let run = try await fleetwatch(["history", "B", "--stream", stream], environment: environment, timeout: .seconds(30))
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stderr)")
        let next = try await fleetwatch(["history", "B", "--stream", stream, "--since", "next"], environment: environment)
        #expect(next.status == 64 && next.stderr.contains("no history"))
        let noStream = try await fleetwatch(["history", "B", "--queue", "q"], environment: environment)
        #expect(noStream.status == 64 && noStream.stderr.contains("history reads a stream"))
    }
}
