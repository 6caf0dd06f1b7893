import TestSupport
import AMQP
import FleetCore
import FleetStream
import Foundation
import Testing

@Suite(.serialized) struct AMQPEventSourceTests {
    /// Every event type, with the contract's headers, over three queues: each arrives decoded, once (a publisher
    /// retry of the same id is acknowledged but not delivered again), and every queue ends empty.
    @Test func everyEventTypeAcrossThreeQueuesArrivesDecodedOnceAndTheQueuesEndEmpty() async throws {
        let queues = try TestQueues("stream-test.types", count: 3)
        defer { queues.cleanUp() }
        var expected: [String: String] = [:]  // id → type
        var published = 0
        for (q, queue) in queues.names.enumerated() {
            var batch: [AMQPMessage] = []
            for n in 0..<20 {
                for type in EventBodies.allTypes {
                    let id = "evt-\(q)-\(n)-\(type)"
                    expected[id] = type
                    batch.append(EventBodies.message(type: type, id: id, vehicle: "V\(n)", queue: queue))
                }
            }
            batch.insert(batch[1], at: 2)  // a publisher retry at once: the same id twice in one burst
            batch += batch.prefix(10)  // and later ones: the same ids again, in a later burst
            try queues.publisher.publish(batch)
            published += batch.count
        }
        let source = makeSource(queues: queues.names)
        let collector = Collector(source.subscribe())
        source.start()
        defer { source.stop() }

        #expect(await eventually(timeout: 20) { collector.eventCount >= expected.count })
        #expect(try await eventually(timeout: 20) { try queues.names.allSatisfy { try TestBroker.messageCount($0) == 0 } })
        #expect(collector.eventCount == expected.count)
        #expect(collector.deliveries.values.allSatisfy { $0 == 1 })
        let events = collector.events
        #expect(Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0.type.name) }) == expected)
        #expect(events.allSatisfy { $0.vehicleID?.hasPrefix("V") == true })
        #expect(events.first { $0.type == .vehicleChanged }?.flowID != nil)
        #expect(source.status.state.isConnected)
        #expect(source.status.received == expected.count)
        #expect(collector.statuses.allSatisfy { $0.state.retryReason == nil })
        // The backlog: every message the queues held when subscribed (duplicates too), counted down to none.
        #expect(collector.statuses.first { $0.state.isConnected }?.queuedBehind == published,
                "\(collector.statuses.map(\.queuedBehind))")
        #expect(await eventually(timeout: 5) { source.status.queuedBehind == nil })
        source.stop()
        #expect(source.waitUntilStopped())
    }

    /// The hub acknowledges a delivery only once every subscriber settled it.
    @Test func aDeliveryIsAcknowledgedOnlyWhenEverySubscriberSettledIt() async throws {
        let queues = try TestQueues("stream-test.settle", count: 1)
        defer { queues.cleanUp() }
        let queue = try queues.publishTrips(50, idPrefix: "settle")
        let source = makeSource(queues: [queue])
        let quick = Collector(source.subscribe())
        let slow = Collector(source.subscribe(), mode: .hold)
        source.start()
        defer { source.stop() }

        #expect(await eventually(timeout: 10) { quick.eventCount == 50 && slow.eventCount == 50 })
        #expect(try TestBroker.messageCount(queue) == 50)  // delivered, not acknowledged: the slow one holds them
        slow.settleAll()
        #expect(try await eventually(timeout: 10) { try TestBroker.messageCount(queue) == 0 })
    }

    /// An inline subscriber runs on the consumer thread, next to a stream subscriber; acks wait for both, and a
    /// partial settlement acknowledges exactly that prefix.
    @Test func anInlineSubscriberRunsOnTheConsumerThreadAndItsSettlementsDecideTheAcks() async throws {
        let queues = try TestQueues("stream-test.inline", count: 1)
        defer { queues.cleanUp() }
        let queue = try queues.publishTrips(60, idPrefix: "inline")
        let source = makeSource(queues: [queue])
        let inline = Collector(inline: source, hold: true)
        let stream = Collector(source.subscribe())
        source.start()
        defer { source.stop() }

        #expect(await eventually(timeout: 10) { inline.eventCount == 60 && stream.eventCount == 60 })
        #expect(inline.threads == ["fleetwatch-amqp"])
        #expect(inline.events.map(\.id) == (0..<60).map { "inline-\($0)" })
        #expect(try TestBroker.messageCount(queue) == 60)  // the inline subscriber holds them all
        inline.settleFirst(25)
        #expect(try await eventually(timeout: 10) { try TestBroker.messageCount(queue) == 35 })
        inline.settleAll()
        #expect(try await eventually(timeout: 10) { try TestBroker.messageCount(queue) == 0 })
        #expect(inline.deliveries.values.allSatisfy { $0 == 1 })
    }

    /// 50 malformed bodies among 10,000 good ones: 10,000 delivered, 50 rejected without requeue (into the
    /// dead-letter queue), reported, and the stream never stops.
    @Test func malformedBodiesAreRejectedToTheDeadLetterQueueAndTheStreamGoesOn() async throws {
        let deadLetters = try TestQueues("stream-test.dlq", count: 1)
        defer { deadLetters.cleanUp() }
        let exchange = TestBroker.uniqueName("stream-test.dlx")
        try deadLetters.publisher.declareExchange(exchange, type: "fanout")
        defer { try? deadLetters.publisher.deleteExchange(exchange) }
        try deadLetters.publisher.bindQueue(deadLetters.names[0], exchange: exchange, routingKey: "")
        let queues = try TestQueues("stream-test.poison", count: 1, arguments: ["x-dead-letter-exchange": .string(exchange)])
        defer { queues.cleanUp() }
        let queue = queues.names[0]
        let poison = ["not json", "[1,2,3]", "{}", #"{"metadata":{"type":"TripStarted","id":"x"},"trip":{"id":5}}"#,
                      "{\"metadata\":{\"type\":\"\u{1b}[2J\",\"id\":\"esc\"},\"vehicle\":3}"]
        var batch: [AMQPMessage] = []
        for i in 0..<10_050 {
            if i % 201 == 100 {
                batch.append(AMQPMessage(routingKey: queue, body: Array(poison[i % poison.count].utf8), messageID: "bad-\(i)"))
            } else {
                batch.append(EventBodies.message(type: "VehicleStateRecorded", id: "good-\(i)", vehicle: "V\(i % 97)", queue: queue))
            }
        }
        #expect(batch.filter { $0.messageID!.hasPrefix("bad") }.count == 50)
        try queues.publisher.publish(batch)

        let source = makeSource(queues: [queue])
        let collector = Collector(source.subscribe())
        source.start()
        defer { source.stop() }
        #expect(await eventually(timeout: 30) { collector.eventCount == 10_000 && collector.rejections.count == 50 })
        #expect(try await eventually(timeout: 20) { try TestBroker.messageCount(queue) == 0 })
        #expect(try TestBroker.messageCount(deadLetters.names[0]) == 50)
        #expect(Set(collector.rejections.compactMap(\.messageID)).count == 50)
        #expect(await eventually(timeout: 3) { source.status.rejected == 50 })
        #expect(source.status.lastError?.contains("rejected message bad-") == true, "\(source.status.lastError ?? "nil")")
        #expect(source.status.lastError?.contains("\u{1b}") == false)
        // Rejections and batched acks never upset the broker (a 406 would close the channel and reconnect).
        #expect(collector.statuses.allSatisfy { $0.state.retryReason == nil })
        #expect(source.status.redelivered == 0)
    }

    /// A consumed queue is deleted: the source notices within seconds, says so, keeps consuming the other queue,
    /// and resumes the deleted one when it comes back.
    @Test func aDeletedQueueIsReportedAndResumedWhenItComesBack() async throws {
        let queues = try TestQueues("stream-test.gone", count: 2)
        defer { queues.cleanUp() }
        let (doomed, survivor) = (queues.names[0], queues.names[1])
        let source = makeSource(queues: queues.names)
        let collector = Collector(source.subscribe())
        source.start()
        defer { source.stop() }
        #expect(await eventually(timeout: 10) { source.status.state.isConnected })

        try TestBroker.ctl("delete_queue", doomed)
        #expect(await eventually(timeout: 5) { source.status.state == .queueGone(doomed) })
        #expect(source.status.lastError?.contains("\(doomed) was deleted") == true)
        #expect(collector.statuses.contains { $0.state == .queueGone(doomed) })

        try queues.publisher.publish(EventBodies.message(type: "SmokeDetected", id: "after-delete", vehicle: "V1", queue: survivor))
        #expect(await eventually(timeout: 10) { collector.deliveries["after-delete"] == 1 })

        try queues.publisher.declareQueue(doomed)
        try queues.publisher.publish(EventBodies.message(type: "TripEnded", id: "recreated", vehicle: "V2", queue: doomed))
        #expect(await eventually(timeout: 10) { collector.deliveries["recreated"] == 1 })
        #expect(source.status.state.isConnected)
    }

    /// A queue that does not exist at start is reported while the others are consumed.
    @Test func aMissingQueueAtStartIsReportedAndTheOthersAreConsumed() async throws {
        let queues = try TestQueues("stream-test.present", count: 1)
        defer { queues.cleanUp() }
        let absent = TestBroker.uniqueName("stream-test.absent")
        try queues.publisher.publish(EventBodies.message(type: "TripStarted", id: "present-1", vehicle: "V1", queue: queues.names[0]))
        let source = makeSource(queues: [absent, queues.names[0]])
        let collector = Collector(source.subscribe())
        source.start()
        defer { source.stop() }
        #expect(await eventually(timeout: 10) { collector.deliveries["present-1"] == 1 })
        #expect(source.status.state == .queueGone(absent))
        #expect(source.status.lastError?.contains("the queue \(absent) does not exist") == true)
    }

    /// Wrong credentials: the user is told, with the user and vhost and what to do, and the source waits long
    /// before trying again. The password never appears.
    @Test func refusedCredentialsAreReportedAndRetriedSlowly() async throws {
        var url = TestBroker.amqpURL
        url.password = "wrong-\(UInt32.random(in: 0..<UInt32.max))"
        let source = makeSource(queues: ["irrelevant"], url: url)
        let collector = Collector(source.subscribe())
        source.start()
        #expect(await eventually(timeout: 10) { collector.latestStatus?.state.retryReason != nil })
        let status = try #require(collector.latestStatus)
        guard case let .retrying(inSeconds, reason) = status.state else { Issue.record("not retrying"); return }
        #expect(inSeconds >= 30)
        #expect(reason.contains("access refused for user \(url.user) on vhost \(url.vhost)"))
        #expect(reason.contains("check the event consumer's credentials"))
        #expect(!reason.contains(url.password))
        source.stop()
        #expect(source.waitUntilStopped(timeout: 5))  // the long wait is interrupted by stop
        #expect(await eventually(timeout: 5) { collector.latestStatus?.state == .stopped })
    }

    /// TLS to `localhost` with the test CA works with `--tls-ca` and fails with a clear message without it.
    @Test func tlsNeedsTheBrokersCAAndSaysSo() async throws {
        let queues = try TestQueues("stream-test.tls", count: 1)
        defer { queues.cleanUp() }
        try queues.publisher.publish(EventBodies.message(type: "TripDiscarded", id: "over-tls", vehicle: "V9", queue: queues.names[0]))

        let trusted = makeSource(queues: queues.names, url: TestBroker.amqpsURL, tlsCAFile: TestBroker.tlsCA)
        let collector = Collector(trusted.subscribe())
        trusted.start()
        #expect(await eventually(timeout: 10) { collector.deliveries["over-tls"] == 1 })
        trusted.stop()
        #expect(trusted.waitUntilStopped())

        let untrusted = makeSource(queues: queues.names, url: TestBroker.amqpsURL)
        untrusted.start()
        defer { untrusted.stop() }
        #expect(await eventually(timeout: 10) { untrusted.status.state.retryReason != nil })
        let reason = try #require(untrusted.status.state.retryReason)
        #expect(reason.contains("not signed by a trusted CA"))
        #expect(reason.contains("--tls-ca"))
    }
}
