import AMQP
import FleetCore

/// What the AMQP event source consumes and how.
public struct StreamConfiguration: Sendable, Hashable {
    /// How the source treats the queues it consumes. INVERS provisions them, and the consumer user may lack the
    /// *configure* permission, so the source never creates one.
    public enum QueueDeclaration: Sendable, Hashable {
        /// Check each queue with a passive declare (on a side channel) before consuming it; a missing queue is
        /// reported and checked again later, while the others are consumed.
        case passive
        /// Consume directly; a missing queue closes the channel, which is reported and retried with backoff.
        case none
    }

    public var url: AMQPURL
    /// The queues to consume, one per topic. All on one connection and one channel.
    public var queues: [String]
    /// `basic.qos` prefetch per queue: unacknowledged deliveries in flight.
    public var prefetch: Int
    /// An extra CA bundle (PEM) for `amqps://`.
    public var tlsCAFile: String?
    public var heartbeatSeconds: Int
    public var declaration: QueueDeclaration
    public var reconnect: ReconnectPolicy
    /// Acknowledge (with `multiple`) once this many deliveries are ready; also whenever the stream goes quiet, and
    /// before each `readCoalescing` wait.
    /// Kept at most prefetch / 2, or the broker would stall waiting for acks.
    public var ackBatch: Int
    /// Event ids remembered to drop redeliveries of events already delivered.
    public var dedupCapacity: Int
    /// How often a missing queue is checked again, in seconds.
    public var missingQueueRecheck: Double
    /// The connection's name in the broker's management UI.
    public var connectionName: String
    /// Mid-stream, when everything received has been handled, wait this long (seconds) before reading the socket
    /// again, so that a read brings a few dozen deliveries instead of a few: on the 2-core benchmark machine
    /// this cut the consumer's CPU by about a third (fewer sleeps and wake-ups in `poll`) and raised its rate a
    /// little. Whatever is ready is acknowledged before the wait, so that the broker's window stays open meanwhile;
    /// 0 turns it off (acks then go out in full batches, and when the stream goes quiet).
    public var readCoalescing: Double
    /// Where to start when the queues are RabbitMQ streams (`x-stream-offset`); nil for classic queues. After a
    /// reconnect the source goes on after the last offset it received instead.
    public var start: StreamStart?

    public init(url: AMQPURL, queues: [String], start: StreamStart? = nil, prefetch: Int = 200, tlsCAFile: String? = nil,
                heartbeatSeconds: Int = 15, declaration: QueueDeclaration = .passive,
                reconnect: ReconnectPolicy = ReconnectPolicy(), ackBatch: Int = 100, dedupCapacity: Int = 262_144,
                missingQueueRecheck: Double = 2, connectionName: String = "fleetwatch", readCoalescing: Double = 0.0003) {
        self.url = url
        self.queues = queues
        self.start = start
        self.prefetch = max(1, min(prefetch, 65_535))
        self.tlsCAFile = tlsCAFile
        self.heartbeatSeconds = heartbeatSeconds
        self.declaration = declaration
        self.reconnect = reconnect
        self.ackBatch = max(1, min(ackBatch, self.prefetch / 2))
        self.dedupCapacity = dedupCapacity
        self.missingQueueRecheck = missingQueueRecheck
        self.connectionName = connectionName
        self.readCoalescing = max(0, min(readCoalescing, 0.01))
    }

    /// The connection options this configuration implies (heartbeat, CA, name).
    public var connectionOptions: AMQPConnectionOptions {
        AMQPConnectionOptions(heartbeatSeconds: heartbeatSeconds, tlsCAFile: tlsCAFile, connectionName: connectionName)
    }
}
