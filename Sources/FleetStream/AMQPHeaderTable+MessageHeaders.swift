import AMQP
import FleetCore

/// The decoder reads the two headers it needs straight from rabbitmq-c's table (see `MessageHeaders`).
extension AMQPHeaderTable: MessageHeaders {}
