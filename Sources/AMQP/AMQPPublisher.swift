import CRabbitMQ
import Foundation

/// Publishes messages with publisher confirms: a `publish` call returns once the broker has taken every
/// message it was given (for persistent messages in durable queues: written to disk), and throws otherwise.
///
/// Thread-safe: calls are serialised by a lock, and the connection is only ever used by one call at a time.
/// After a connection-level failure the call throws; the next call reconnects first (the caller re-declares its
/// topology if it needs to; durable queues survive). Messages of a failed call may or may not have arrived:
/// publish again (consumers deduplicate by event id).
public final class AMQPPublisher: @unchecked Sendable {
    public let url: AMQPURL
    public let options: AMQPConnectionOptions
    /// How long to wait for the broker's confirms of one batch.
    private static let confirmTimeoutSeconds = 30.0
    /// Messages in flight before waiting for their confirms.
    private static let window = 1000

    // Everything below is guarded by `lock`.
    private let lock = NSLock()
    private var connection: AMQPConnection?
    private var nextSequence: UInt64 = 1
    private var unconfirmed = Set<UInt64>()
    private var rejected = 0

    /// Connects at once, so that a wrong URL or password shows up here rather than at the first publish.
    public init(url: AMQPURL, options: AMQPConnectionOptions = AMQPConnectionOptions(connectionName: "fleetwatch publisher"))
        throws(AMQPError) {
        self.url = url
        self.options = options
        try withConnection { _ throws(AMQPError) in }
    }

    deinit { connection?.close() }

    /// Declares a durable queue (or checks it with `passive`); returns its ready message count.
    @discardableResult
    public func declareQueue(_ name: String, durable: Bool = true, passive: Bool = false,
                             arguments: [String: AMQPArgument] = [:]) throws(AMQPError) -> Int {
        try withConnection { c throws(AMQPError) in
            try c.declareQueue(name, passive: passive, durable: durable, arguments: arguments).messages
        }
    }

    public func declareExchange(_ name: String, type: String = "topic", durable: Bool = true) throws(AMQPError) {
        try withConnection { c throws(AMQPError) in try c.declareExchange(name, type: type, durable: durable) }
    }

    public func bindQueue(_ queue: String, exchange: String, routingKey: String) throws(AMQPError) {
        try withConnection { c throws(AMQPError) in try c.bindQueue(queue, exchange: exchange, routingKey: routingKey) }
    }

    /// Deletes a queue with its messages; returns how many it held.
    @discardableResult
    public func deleteQueue(_ name: String) throws(AMQPError) -> Int {
        try withConnection { c throws(AMQPError) in try c.deleteQueue(name) }
    }

    public func deleteExchange(_ name: String) throws(AMQPError) {
        try withConnection { c throws(AMQPError) in try c.deleteExchange(name) }
    }

    /// Publishes one message and waits for its confirm.
    public func publish(_ message: AMQPMessage) throws(AMQPError) {
        try publish([message])
    }

    /// Publishes `messages` in order, pipelined (`window` in flight), and waits until the broker confirmed all.
    public func publish(_ messages: [AMQPMessage]) throws(AMQPError) {
        try withConnection { c throws(AMQPError) in
            var start = 0
            while start < messages.count {
                let end = min(messages.count, start + Self.window)
                for message in messages[start..<end] { try send(message, on: c) }
                try awaitConfirms(on: c)
                start = end
            }
        }
    }

    /// Closes the connection; a later call opens a new one.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        connection?.close()
        connection = nil
    }

    // MARK: Internals (under the lock)

    private func withConnection<T>(_ body: (AMQPConnection) throws(AMQPError) -> T) throws(AMQPError) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let existing = connection, !existing.isAlive {
            existing.close()
            connection = nil
        }
        if connection == nil {
            let fresh = try AMQPConnection(url: url, options: options)
            try selectConfirms(on: fresh)
            connection = fresh
        }
        let c = connection!
        if !c.isChannelOpen(1) {  // a channel error (404 on a missing exchange…) closed it: start a new one
            try c.openChannel(1)
            try selectConfirms(on: c)
        }
        return try body(c)
    }

    private func selectConfirms(on c: AMQPConnection) throws(AMQPError) {
        amqp_confirm_select(c.state, 1)
        try c.check(amqp_get_rpc_reply(c.state), "confirm.select", channel: 1)
        nextSequence = 1
        unconfirmed.removeAll()
    }

    private func send(_ message: AMQPMessage, on c: AMQPConnection) throws(AMQPError) {
        let arena = CArena()
        var properties = amqp_basic_properties_t()
        var flags: UInt32 = 0
        if let contentType = message.contentType {
            properties.content_type = arena.bytes(contentType)
            flags |= UInt32(AMQP_BASIC_CONTENT_TYPE_FLAG)
        }
        if message.persistent {
            properties.delivery_mode = 2
            flags |= UInt32(AMQP_BASIC_DELIVERY_MODE_FLAG)
        }
        if let id = message.messageID {
            properties.message_id = arena.bytes(id)
            flags |= UInt32(AMQP_BASIC_MESSAGE_ID_FLAG)
        }
        if !message.headers.isEmpty {
            properties.headers = arena.headers(message.headers)
            flags |= UInt32(AMQP_BASIC_HEADERS_FLAG)
        }
        properties._flags = amqp_flags_t(flags)
        let exchange = arena.bytes(message.exchange)
        let routingKey = arena.bytes(message.routingKey)
        let status = message.body.withUnsafeBytes { body in
            amqp_basic_publish(c.state, 1, exchange, routingKey, 0, 0, &properties,
                               amqp_bytes_t(len: body.count, bytes: UnsafeMutableRawPointer(mutating: body.baseAddress)))
        }
        try c.checkStatus(status, "basic.publish")
        unconfirmed.insert(nextSequence)
        nextSequence += 1
    }

    /// Reads `basic.ack` / `basic.nack` until nothing is unconfirmed.
    private func awaitConfirms(on c: AMQPConnection) throws(AMQPError) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.confirmTimeoutSeconds * 1e9)
        rejected = 0
        while !unconfirmed.isEmpty {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw .confirmTimeout }
            var frame = amqp_frame_t()
            var wait = timeval(seconds: min(1, Double(deadline - now) / 1e9))
            let status = amqp_simple_wait_frame_noblock(c.state, &frame, &wait)
            if status == AMQP_STATUS_TIMEOUT.rawValue { continue }
            try c.checkStatus(status, "waiting for publisher confirms")
            guard frame.frame_type == UInt8(AMQP_FRAME_METHOD), let decoded = frame.payload.method.decoded else { continue }
            switch frame.payload.method.id {
            case AMQP_BASIC_ACK_METHOD:
                let ack = decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
                settle(upTo: ack.delivery_tag, multiple: ack.multiple != 0)
            case AMQP_BASIC_NACK_METHOD:
                let nack = decoded.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
                rejected += settle(upTo: nack.delivery_tag, multiple: nack.multiple != 0)
            case AMQP_BASIC_RETURN_METHOD:
                var returned = amqp_message_t()
                let read = amqp_read_message(c.state, frame.channel, &returned, 0)
                if read.reply_type == AMQP_RESPONSE_NORMAL { amqp_destroy_message(&returned) }
            default:
                let event: AMQPWait<Never> = try c.serverMethod(id: frame.payload.method.id, decoded: decoded,
                                                                channel: frame.channel)
                if case let .channelClosed(channel, code, text) = event {
                    unconfirmed.removeAll()
                    throw .channelClosed(channel: channel, code: code, text: text)
                }
            }
        }
        if rejected > 0 { throw .publishRejected(count: rejected) }
    }

    /// Marks confirmed; returns how many sequence numbers it settled.
    @discardableResult
    private func settle(upTo tag: UInt64, multiple: Bool) -> Int {
        guard multiple else { return unconfirmed.remove(tag) == nil ? 0 : 1 }
        let settled = unconfirmed.filter { $0 <= tag }
        unconfirmed.subtract(settled)
        return settled.count
    }
}
