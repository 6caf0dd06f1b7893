import TestSupport
import AMQP
import Testing

@Suite struct AMQPPublisherTests {
    /// Publishing with confirms through an exchange binding delivers body, message_id, headers and persistence.
    @Test func publishedMessagesArriveWithIdAndHeaders() throws {
        let queue = TestBroker.uniqueName("amqp-test.publish")
        let exchange = TestBroker.uniqueName("amqp-test.exchange")
        let publisher = try AMQPPublisher(url: TestBroker.amqpURL)
        defer {
            _ = try? publisher.deleteQueue(queue)
            try? publisher.deleteExchange(exchange)
            publisher.close()
        }
        try publisher.declareExchange(exchange, type: "topic")
        try publisher.declareQueue(queue)
        try publisher.bindQueue(queue, exchange: exchange, routingKey: "vehicle.#")
        let messages = (0..<250).map { i in
            AMQPMessage(exchange: exchange, routingKey: "vehicle.changed", body: Array("{\"n\":\(i)}".utf8),
                        messageID: "id-\(i)", headers: ["Message-Type": "VehicleChanged", "Flow-ID": "flow-\(i)"])
        }
        try publisher.publish(messages)
        #expect(try publisher.declareQueue(queue, passive: true) == 250)

        let consumer = try AMQPConnection(url: TestBroker.amqpURL)
        defer { consumer.close() }
        try consumer.setPrefetch(300)
        _ = try consumer.consume(queue: queue)
        var received: [AMQPDelivery] = []
        var idleWaits = 0
        while received.count < 250, idleWaits < 10 {
            if case let .delivery(d) = try consumer.nextDelivery(timeout: 0.5) { received.append(d) } else { idleWaits += 1 }
        }
        try #require(received.count == 250)
        #expect(received.map(\.messageID) == (0..<250).map { "id-\($0)" })
        #expect(received[7].headers["Message-Type"] == "VehicleChanged")
        #expect(received[7].headers["Flow-ID"] == "flow-7")
        #expect(String(decoding: received[7].body, as: UTF8.self) == "{\"n\":7}")
        #expect(received.allSatisfy { !$0.redelivered })
        try consumer.ack(received.last!.deliveryTag, multiple: true)
        consumer.close()
        #expect(try publisher.declareQueue(queue, passive: true) == 0)
    }

    /// The consumer reads content frames itself: an empty body, a one-frame body, and bodies that span several
    /// frames (the broker cuts at 128 KiB) arrive whole, in order, with their envelope, copied or lent.
    @Test func bodiesOfEverySizeArriveWholeWithTheirEnvelope() throws {
        let queue = TestBroker.uniqueName("amqp-test.sizes")
        let publisher = try AMQPPublisher(url: TestBroker.amqpURL)
        defer {
            _ = try? publisher.deleteQueue(queue)
            publisher.close()
        }
        try publisher.declareQueue(queue)
        let sizes = [0, 1, 500, 131_064, 131_072, 300_000, 1_000_000, 7]
        let bodies = sizes.enumerated().map { n, size in (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n) } }
        try publisher.publish(bodies.enumerated().map { n, body in
            AMQPMessage(exchange: "", routingKey: queue, body: body, messageID: "size-\(n)", headers: ["N": "\(n)"])
        })

        let consumer = try AMQPConnection(url: TestBroker.amqpURL)
        defer { consumer.close() }
        try consumer.setPrefetch(10)
        let consumerTag = try consumer.consume(queue: queue)
        var copied: [AMQPDelivery] = []
        var lent: [(body: [UInt8], id: String?, header: String?, tag: String, key: String)] = []
        var idleWaits = 0
        while copied.count + lent.count < bodies.count, idleWaits < 10 {
            // Every other delivery through each API.
            if (copied.count + lent.count) % 2 == 0 {
                if case let .delivery(d) = try consumer.nextDelivery(timeout: 0.5) { copied.append(d) } else { idleWaits += 1 }
            } else {
                let wait = try consumer.nextDelivery(timeout: 0.5, lending: { d in
                    lent.append((Array(d.body), d.messageID, d.headers["N"], d.consumerTag, d.routingKey))
                })
                if case .delivery = wait {} else { idleWaits += 1 }
            }
        }
        try #require(copied.count + lent.count == bodies.count)
        for (i, d) in copied.enumerated() {
            let n = 2 * i
            #expect(d.body == bodies[n], "body \(n) of \(sizes[n]) bytes")
            #expect(d.messageID == "size-\(n)" && d.headers["N"] == "\(n)" && d.routingKey == queue && d.consumerTag == consumerTag)
        }
        for (i, d) in lent.enumerated() {
            let n = 2 * i + 1
            #expect(d.body == bodies[n], "body \(n) of \(sizes[n]) bytes")
            #expect(d.id == "size-\(n)" && d.header == "\(n)" && d.key == queue && d.tag == consumerTag)
        }
        try consumer.ack(UInt64(bodies.count), multiple: true)
        consumer.close()
        #expect(try publisher.declareQueue(queue, passive: true) == 0)
    }

    @Test func passiveDeclareOfAMissingQueueIsAChannelErrorAndThePublisherRecovers() throws {
        let publisher = try AMQPPublisher(url: TestBroker.amqpURL)
        defer { publisher.close() }
        let missing = TestBroker.uniqueName("amqp-test.missing")
        do {
            try publisher.declareQueue(missing, passive: true)
            Issue.record("a passive declare of a missing queue succeeded")
        } catch let AMQPError.channelClosed(_, code, _) {
            #expect(code == 404)
        }
        let queue = TestBroker.uniqueName("amqp-test.after")
        try publisher.declareQueue(queue)
        try publisher.publish(AMQPMessage(routingKey: queue, body: [1, 2, 3]))
        #expect(try publisher.deleteQueue(queue) == 1)
    }

    @Test func wrongPasswordIsAccessRefusedNamingUserAndVhost() throws {
        var url = TestBroker.amqpURL
        url.password = "definitely-wrong"
        do {
            _ = try AMQPConnection(url: url)
            Issue.record("login with a wrong password succeeded")
        } catch {
            #expect(error.isAccessRefused)
            #expect(error.description.contains("access refused for user \(url.user) on vhost \(url.vhost)"))
            #expect(!error.description.contains("definitely-wrong"))
        }
    }
}
