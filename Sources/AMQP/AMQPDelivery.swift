/// One message delivered to a consumer, copied out of rabbitmq-c's envelope (which is freed at once).
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

/// What one wait for a delivery produced.
public enum AMQPConsumeEvent: Sendable {
    case delivery(AMQPDelivery)
    /// Nothing arrived in time (or only frames that need no action): a moment for housekeeping.
    case timeout
    /// The broker cancelled a consumer (`basic.cancel`): its queue was deleted or became unavailable.
    case cancelled(consumerTag: String)
    /// The broker closed a channel; already answered with `close-ok`. Reopen it and consume again.
    case channelClosed(channel: UInt16, code: Int, text: String)
}
