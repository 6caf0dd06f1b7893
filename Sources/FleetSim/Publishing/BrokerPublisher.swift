import AMQP

/// Publishes to a real RabbitMQ broker through the project's `AMQPPublisher`: persistent messages with the
/// event's headers and `message_id`, through the default exchange to the queue of their topic, with publisher
/// confirms. Messages are sent in batches; a batch is resent after a connection failure (consumers deduplicate
/// by event id), so none is lost.
public final class BrokerPublisher: MessagePublisher {
    public let url: AMQPURL
    private let amqp: AMQPPublisher
    private var batch: [AMQPMessage] = []
    private var declared: [String] = []
    /// How often a failed batch is retried before the run gives up.
    public var attempts = 5
    /// How many batches were sent again after a connection failure.
    public private(set) var resentBatches = 0

    /// Connects at once, so a wrong URL or password fails here, with a message that never shows the password.
    public init(url: AMQPURL, options: AMQPConnectionOptions = AMQPConnectionOptions(connectionName: "fleetsim"))
        throws(AMQPError) {
        self.url = url
        amqp = try AMQPPublisher(url: url, options: options)
    }

    public func declareQueue(_ name: String) throws {
        try amqp.declareQueue(name, durable: true)
        if !declared.contains(name) { declared.append(name) }
    }

    public func publish(_ message: OutgoingMessage, toQueue queue: String) throws {
        batch.append(AMQPMessage(exchange: "", routingKey: queue, body: message.body, messageID: message.messageID,
                                 headers: message.headers, contentType: message.contentType, persistent: true))
    }

    public func waitForConfirms() throws {
        guard !batch.isEmpty else { return }
        var attempt = 1
        while true {
            let failure: AMQPError
            do {
                try amqp.publish(batch)
                batch.removeAll(keepingCapacity: true)
                return
            } catch {
                failure = error
            }
            guard failure.isConnectionLevel, attempt < attempts else { throw failure }
            // The next call reconnects; the queues are durable, but declare them again in case the broker lost
            // them (a publish to a missing queue through the default exchange would vanish silently).
            attempt += 1
            resentBatches += 1
            pause(seconds: min(5, 0.2 * Double(1 << attempt)))
            for queue in declared { _ = try? amqp.declareQueue(queue, durable: true) }
        }
    }

    public func close() { amqp.close() }

    private func pause(seconds: Double) {
        var pause = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        nanosleep(&pause, nil)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
