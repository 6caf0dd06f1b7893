import TestSupport
import AMQP
import FleetCore
import FleetStream
import Foundation
import Testing

@Suite struct TailFormatTests {
    @Test func jsonLineCarriesTheContractFieldsAndParses() throws {
        let body = EventBodies.body(type: "VehicleChange", id: "e-1", vehicle: "JQ7RP")
        let event = try EventDecoder().decode(body: Array(body.utf8))
        let line = TailFormat.json(event)
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "e-1")
        #expect(object["type"] as? String == "VehicleChanged")
        #expect(object["vehicle_id"] as? String == "JQ7RP")
        #expect(object["occurred_at"] as? String == "2026-11-28T10:15:02.123Z")
        #expect(object["reasons"] as? [String] == ["RENTAL_STATUS_CHANGED"])
        #expect(object["rental_status"] as? String == "IN_RENTAL")
        #expect(object["life_status"] as? String == "ONLINE")
    }

    @Test func otherTypesHaveNoVehicleChangedFieldsAndKeepTheirRawType() throws {
        let event = try EventDecoder().decode(body: Array(EventBodies.body(type: "FuelCardUsed", id: "f", vehicle: "K2M9X").utf8))
        let object = try #require(JSONSerialization.jsonObject(with: Data(TailFormat.json(event).utf8)) as? [String: Any])
        #expect(object["type"] as? String == "FuelCardUsed")
        #expect(object["reasons"] == nil)
    }

    @Test func anEventWithValuesOutOfRangeSaysSoInBothFormats() throws {
        let event = try EventDecoder().decode(body: ExtremeEvents.tripMetrics(id: "x", vehicle: "V"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(TailFormat.json(event).utf8)) as? [String: Any])
        #expect(object["values_out_of_range"] as? Int == ExtremeEvents.tripMetricsOutOfRange)
        #expect(TailFormat.text(event).contains("out_of_range=\(ExtremeEvents.tripMetricsOutOfRange)"))
        let plain = try EventDecoder().decode(body: TestEvents.lockReading(id: "p", vehicle: "V", at: "2026-11-28T10:00:00Z",
                                                                          lock: "LOCKED"))
        #expect(!TailFormat.json(plain).contains("values_out_of_range"))
        #expect(!TailFormat.text(plain).contains("out_of_range"))
    }

    @Test func networkTextCannotDriveTheTerminal() throws {
        let hostile = "JQ7\u{1b}[2J\u{7}\u{9b}31m\u{202e}X\"\\\u{7f}\u{2028}"
        let event = Event(id: "i\u{1b}]0;pwned\u{7}", type: .other("T\u{1b}[1m"), occurredAt: nil, vehicleID: hostile, payload: .other)
        let text = TailFormat.text(event)
        #expect(!text.unicodeScalars.contains { SafeText.isUnsafe($0) })
        let json = TailFormat.json(event)
        #expect(!json.unicodeScalars.contains { SafeText.isUnsafe($0) })
        #expect(json.contains(#""vehicle_id":"JQ7\u001b[2J\u0007\u009b31m\u202eX\"\\\u007f\u2028""#))
        // Escaped, not replaced: a parser reads back the exact text.
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["vehicle_id"] as? String == hostile)
        #expect(object["id"] as? String == event.id)
    }

    /// The same event is the same line in every run: keys in a fixed (sorted) order, a missing value `null`.
    @Test func aLineIsTheSameTextEveryTime() throws {
        let event = Event(id: "e-1", type: .vehicleChanged, occurredAt: Timestamp(iso8601: "2026-11-28T10:15:02Z"),
                          vehicleID: "JQ7RP", payload: .vehicleChanged(VehicleChange(
                            reasons: [.rentalStatusChanged], vehicle: VehicleResource(id: "JQ7RP", rentalStatus: StatusValue(.inRental)))))
        #expect(TailFormat.json(event) == #"{"flow_id":null,"id":"e-1","life_status":null,"occurred_at":"2026-11-28T10:15:02Z","#
                + #""reasons":["RENTAL_STATUS_CHANGED"],"rental_status":"IN_RENTAL","type":"VehicleChanged","vehicle_id":"JQ7RP"}"#)
    }
}

@Suite(.serialized) struct EventTailTests {
    /// `tail --json --count N --vehicle ID` against the broker: N distinct events of that vehicle, each once
    /// (a republished id is not printed twice), rejected bodies on the diagnostics, exit after N.
    @Test func tailPrintsEachDistinctEventOfTheVehicleOnceAndStopsAfterCount() async throws {
        let queues = try TestQueues("stream-test.tail", count: 1)
        defer { queues.cleanUp() }
        let queue = queues.names[0]
        var batch: [AMQPMessage] = []
        for i in 0..<30 {
            batch.append(EventBodies.message(type: EventBodies.allTypes[i % 9], id: "tail-\(i)", vehicle: i % 2 == 0 ? "JQ7RP" : "OTHER", queue: queue))
            if i == 4 { batch.append(batch[0]); batch.append(AMQPMessage(routingKey: queue, body: Array("{oops".utf8), messageID: "broken")) }
        }
        try queues.publisher.publish(batch)

        let source = makeSource(queues: [queue])
        let lines = LineSink()
        let diagnostics = LineSink()
        let printed = await EventTail(format: .json, count: 10, vehicle: "jq7rp")
            .run(source: source, output: lines.append, diagnostics: diagnostics.append)
        #expect(printed == 10)
        let objects = try lines.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count == 10)
        #expect(objects.allSatisfy { $0["vehicle_id"] as? String == "JQ7RP" })
        #expect(Set(objects.compactMap { $0["id"] as? String }) == Set((0..<20).filter { $0 % 2 == 0 }.map { "tail-\($0)" }))
        #expect(diagnostics.lines.contains { $0.contains("rejected message broken") })
        #expect(diagnostics.lines.contains { $0.contains("connected to") })
        #expect(diagnostics.lines.allSatisfy { !$0.contains("guest:guest") })
        // Everything up to the 10th printed event (tail-18) was acknowledged; the 11 after it went back to the queue.
        #expect(try await eventually(timeout: 10) { try TestBroker.messageCount(queue) == 11 })
    }
}

final class LineSink: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []
    func append(_ line: String) { lock.withLock { _lines.append(line) } }
    var lines: [String] { lock.withLock { _lines } }
}
