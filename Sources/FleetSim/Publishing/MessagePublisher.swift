/// Where published messages go: the broker (through the project's AMQP module), or a collector in a test.
///
/// Confined to one thread, like the rabbitmq-c connection behind it: the publishing run owns it.
public protocol MessagePublisher: AnyObject {
    /// Declares a durable queue, if it does not exist yet.
    func declareQueue(_ name: String) throws
    /// Publishes one message to a queue (through the default exchange), persistent, with its headers and id.
    func publish(_ message: OutgoingMessage, toQueue queue: String) throws
    /// Returns once the broker has confirmed every message published so far; throws if it refused any.
    func waitForConfirms() throws
}

/// The queues of a simulated INVERS event consumer: one durable queue per topic, named `<prefix>.<topic>`.
public struct Topology: Sendable, Hashable {
    public var prefix: String

    public init(prefix: String = "fleetwatch") { self.prefix = prefix }

    /// The queue that carries `topic`.
    public func queue(for topic: Topic) -> String { topic.queueName(prefix: prefix) }

    /// Every queue, in topic order.
    public var queues: [String] { Topic.allCases.map(queue(for:)) }
}
