import FleetCore

/// Writes each message as one JSON line (`{"queue", "message_id", "headers", "body"}`) instead of publishing it:
/// `fleetsim` without `--amqp-url`, to look at the stream or pipe it somewhere.
public final class LinePublisher: MessagePublisher {
    private let write: (String) -> Void

    /// - Parameter write: receives each line, without the newline.
    public init(write: @escaping (String) -> Void) { self.write = write }

    public func declareQueue(_ name: String) throws {}

    public func publish(_ message: OutgoingMessage, toQueue queue: String) throws {
        write(StandInJSON.text(Line(queue: queue, message: message)))
    }

    public func waitForConfirms() throws {}
}

/// One line of `LinePublisher`: the headers an object (its keys sorted, as all the stand-in's keys are), the body
/// as text, so that a malformed body stays visible (and safely escaped) rather than breaking the line.
private struct Line: Encodable {
    let queue: String
    let message: OutgoingMessage

    private enum Key: String, CodingKey { case queue, headers, body, messageID = "message_id" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(queue, forKey: .queue)
        try c.encode(message.messageID, forKey: .messageID)
        try c.encode(message.headers, forKey: .headers)
        try c.encode(String(decoding: message.body, as: UTF8.self), forKey: .body)
    }
}
