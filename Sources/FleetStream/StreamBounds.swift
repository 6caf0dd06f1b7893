import AMQP
import Foundation

/// The offsets a stream holds now, first to last: where `history` stops reading.
public enum StreamBounds {
    /// Nil for an empty stream. The count comes from a passive declare (for a stream, the messages it holds; the
    /// broker counts the newest writes a moment after confirming them), the first offset from one delivery of a
    /// consumer attached at `first`.
    public static func current(of stream: String, url: AMQPURL,
                               options: AMQPConnectionOptions) throws(AMQPError) -> ClosedRange<Int64>? {
        let connection = try AMQPConnection(url: url, options: options)
        defer { connection.close() }
        let count = Int64(try connection.declareQueue(stream, passive: true).messages)
        guard count > 0 else { return nil }
        try connection.setPrefetch(1)
        _ = try connection.consume(queue: stream, arguments: ["x-stream-offset": .string("first")])
        let deadline = Date().addingTimeInterval(10)
        var first: Int64?
        while first == nil, Date() < deadline {
            let wait = try connection.nextDelivery(timeout: 0.5) { delivery throws(AMQPError) in
                first = delivery.headerTable.integer(named: "x-stream-offset")
            }
            if case let .channelClosed(_, code, text) = wait { throw .channelClosed(channel: 1, code: code, text: text) }
        }
        guard let first, first <= Int64.max - count else { return nil }
        return first...(first + count - 1)
    }
}
