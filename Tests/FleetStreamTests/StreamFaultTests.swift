import TestSupport
import AMQP
import FleetCore
import FleetStream
import Foundation
import Testing

@Suite(.serialized) struct StreamFaultTests {
    /// While 20,000 events are consumed, the broker closes every connection twice and its application is stopped
    /// and started once: every event is delivered exactly once and the queue ends empty.
    @Test func twentyThousandEventsSurviveClosedConnectionsAndABrokerRestartExactlyOnce() async throws {
        let total = 20_000
        let queues = try TestQueues("stream-test.faults", count: 1)
        defer { queues.cleanUp() }
        let queue = queues.names[0]
        try queues.publisher.publish((0..<total).map {
            EventBodies.message(type: "VehicleChanged", id: "fault-\($0)", vehicle: "V\($0 % 500)", queue: queue)
        })
        queues.publisher.close()  // its connection would be closed too; cleanUp reconnects

        let source = makeSource(queues: [queue])
        let collector = Collector(source.subscribe(), mode: .paced(every: 4))
        source.start()
        defer { source.stop() }
        var appStopped = false
        defer { if appStopped { try? TestBroker.ctl("start_app") } }  // leave the broker running, whatever happens

        #expect(await eventually(timeout: 20) { collector.eventCount >= 2_000 })
        try TestBroker.ctl("close_all_connections", "fleetwatch fault test 1")
        #expect(await eventually(timeout: 20) { collector.eventCount >= 6_000 })
        try TestBroker.ctl("close_all_connections", "fleetwatch fault test 2")
        #expect(await eventually(timeout: 20) { collector.eventCount >= 10_000 })
        appStopped = true
        try TestBroker.ctl("stop_app")
        #expect(collector.eventCount < total)  // the restart hit a stream in flight
        try TestBroker.ctl("start_app")
        appStopped = false

        #expect(await eventually(timeout: 40) { collector.eventCount >= total })
        #expect(try await eventually(timeout: 20) { try TestBroker.messageCount(queue) == 0 })
        let deliveries = collector.deliveries
        #expect(deliveries.count == total)
        #expect(deliveries.values.allSatisfy { $0 == 1 })
        #expect(collector.eventCount == total)
        let reasons = collector.statuses.compactMap(\.state.retryReason)
        #expect(reasons.contains { $0.contains("fleetwatch fault test") })
        // Settlements of deliveries from before each reconnect were dropped, never sent with a new connection's
        // tags: that would have closed the channel with 406 "unknown delivery tag".
        #expect(!reasons.contains { $0.contains("406") || $0.contains("unknown delivery tag") })
        #expect(collector.statuses.filter { $0.state.isConnected }.count >= 4)
        #expect(source.status.redelivered > 0)
    }
}
