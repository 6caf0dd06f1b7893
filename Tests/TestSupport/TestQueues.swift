import AMQP

/// Queues (or streams) of the test broker declared for one test, each under a name no other test uses, and
/// deleted by `cleanUp()`: call it in a `defer` right after the declaration. (Not on `deinit`: Swift may end the
/// value's lifetime at its last use, before a later command that names a queue only by its string.)
public final class TestQueues {
    /// The queues' names, in the order declared.
    public let names: [String]
    /// The connection that declared them: publish with it.
    public let publisher: AMQPPublisher

    /// The arguments that make a queue a RabbitMQ stream.
    public static let stream: [String: AMQPArgument] = ["x-queue-type": .string("stream")]

    /// Declares `count` queues named `prefix.N.random` with `arguments` (`TestQueues.stream` for streams).
    public init(_ prefix: String, count: Int = 1, arguments: [String: AMQPArgument] = [:]) throws {
        names = (0..<count).map { TestBroker.uniqueName("\(prefix).\($0)") }
        publisher = try AMQPPublisher(url: TestBroker.amqpURL)
        for name in names { try publisher.declareQueue(name, arguments: arguments) }
    }

    /// The first queue's name.
    public var name: String { names[0] }

    /// Deletes the queues and closes the connection.
    public func cleanUp() {
        for name in names { _ = try? publisher.deleteQueue(name) }
        publisher.close()
    }
}
