import CRabbitMQ

/// One message delivered to a consumer, copied out of rabbitmq-c's frame buffers (which are reused at once).
public struct AMQPDelivery: Sendable {
    /// The channel's delivery tag: valid only on the channel and connection that delivered it.
    public var deliveryTag: UInt64
    public var channel: UInt16
    public var consumerTag: String
    public var redelivered: Bool
    public var exchange: String
    public var routingKey: String
    public var messageID: String?
    public var headers: [String: String]
    public var body: [UInt8]
}

/// A delivery still inside rabbitmq-c's buffers, lent to a handler: nothing is copied until asked for. A
/// consumer that decodes the body in place saves an allocation and a copy of the body, and the strings it never
/// reads (consumer tag, exchange, routing key). Valid only during the call that lends it: never keep it, or
/// its `body`, beyond that.
public struct AMQPBorrowedDelivery {
    let envelope: UnsafePointer<amqp_envelope_t>

    /// The channel's delivery tag: valid only on the channel and connection that delivered it.
    public var deliveryTag: UInt64 { envelope.pointee.delivery_tag }
    public var channel: UInt16 { envelope.pointee.channel }
    public var redelivered: Bool { envelope.pointee.redelivered != 0 }
    /// The body, in rabbitmq-c's buffer.
    public var body: UnsafeBufferPointer<UInt8> {
        let bytes = envelope.pointee.message.body
        guard bytes.len > 0, let base = bytes.bytes else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: bytes.len)
    }
    public var consumerTag: String { AMQPHeaders.string(envelope.pointee.consumer_tag) }
    public var exchange: String { AMQPHeaders.string(envelope.pointee.exchange) }
    public var routingKey: String { AMQPHeaders.string(envelope.pointee.routing_key) }
    public var messageID: String? {
        let properties = envelope.pointee.message.properties
        guard properties._flags & amqp_flags_t(AMQP_BASIC_MESSAGE_ID_FLAG) != 0 else { return nil }
        return AMQPHeaders.string(properties.message_id)
    }
    /// The headers where they are, for looking one up without converting the others.
    public var headerTable: AMQPHeaderTable {
        let properties = envelope.pointee.message.properties
        guard properties._flags & amqp_flags_t(AMQP_BASIC_HEADERS_FLAG) != 0 else { return AMQPHeaderTable(table: amqp_table_t()) }
        return AMQPHeaderTable(table: properties.headers)
    }

    /// The headers as strings (see `AMQPHeaders`).
    public var headers: [String: String] { AMQPHeaders.strings(headerTable.table) }

    /// A copy that outlives the call.
    public func copy() -> AMQPDelivery {
        AMQPDelivery(deliveryTag: deliveryTag, channel: channel, consumerTag: consumerTag, redelivered: redelivered,
                     exchange: exchange, routingKey: routingKey, messageID: messageID, headers: headers,
                     body: Array(body))
    }
}

/// What one wait for a delivery produced; `Delivery` is what the consumer's handler made of a delivery.
public enum AMQPWait<Delivery> {
    case delivery(Delivery)
    /// Nothing arrived in time (or only frames that need no action): a moment for housekeeping.
    case timeout
    /// The broker cancelled a consumer (`basic.cancel`): its queue was deleted or became unavailable.
    case cancelled(consumerTag: String)
    /// The broker closed a channel; already answered with `close-ok`. Reopen it and consume again.
    case channelClosed(channel: UInt16, code: Int, text: String)
}

extension AMQPWait: Sendable where Delivery: Sendable {}

/// What `AMQPConnection.nextDelivery(timeout:)` produces: deliveries copied out.
public typealias AMQPConsumeEvent = AMQPWait<AMQPDelivery>
