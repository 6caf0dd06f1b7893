import FleetCore

/// Writes each message as one JSON line (`{"queue", "message_id", "headers", "body"}`) instead of publishing it:
/// `fleetsim` without `--amqp-url`, to look at the stream or pipe it somewhere.
public final class LinePublisher: MessagePublisher {
    private let write: (String) -> Void

    /// - Parameter write: receives each line, without the newline.
    public init(write: @escaping (String) -> Void) { self.write = write }

    public func declareQueue(_ name: String) throws {}

    public func publish(_ message: OutgoingMessage, toQueue queue: String) throws {
        var json = JSONWriter()
        json.beginObject()
        json.field("queue", queue)
        json.field("message_id", message.messageID)
        json.key("headers")
        json.beginObject()
        for (name, value) in message.headers.sorted(by: { $0.key < $1.key }) { json.field(name, value) }
        json.endObject()
        // The body as text: a malformed body stays visible (and safely escaped) rather than breaking the line.
        json.field("body", String(decoding: message.body, as: UTF8.self))
        json.endObject()
        write(json.text)
    }

    public func waitForConfirms() throws {}
}
