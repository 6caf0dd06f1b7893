/// A message to publish: where it goes, its body, and the properties INVERS sets on its events.
public struct AMQPMessage: Sendable, Hashable {
    /// The exchange; "" is the default exchange, which routes by queue name.
    public var exchange: String
    public var routingKey: String
    public var body: [UInt8]
    /// The AMQP `message_id` property (INVERS puts the event id there).
    public var messageID: String?
    /// String headers (`Message-Type`, `Message-Version`, `Flow-ID`…).
    public var headers: [String: String]
    public var contentType: String?
    /// `delivery_mode` 2: the broker writes the message to disk in durable queues.
    public var persistent: Bool

    public init(exchange: String = "", routingKey: String, body: [UInt8], messageID: String? = nil,
                headers: [String: String] = [:], contentType: String? = "application/json", persistent: Bool = true) {
        self.exchange = exchange
        self.routingKey = routingKey
        self.body = body
        self.messageID = messageID
        self.headers = headers
        self.contentType = contentType
        self.persistent = persistent
    }
}
