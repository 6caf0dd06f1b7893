import CRabbitMQ
#if canImport(Glibc)
import Glibc
#endif

/// One AMQP 0-9-1 connection over rabbitmq-c, with its channels.
///
/// rabbitmq-c is not thread-safe: a connection belongs to the thread that opened it, and every call on it must
/// come from that thread. The type is deliberately not `Sendable`, so the compiler keeps it where it was made.
/// Errors are `AMQPError`s; once one with `isConnectionLevel` is thrown the connection is dead, and only
/// `close()` (which then just frees it) makes sense.
public final class AMQPConnection {
    public let url: AMQPURL
    public let options: AMQPConnectionOptions
    /// The heartbeat the broker and client agreed on, in seconds.
    public private(set) var heartbeatSeconds: Int = 0
    /// False once the transport failed or the connection was closed.
    public private(set) var isAlive = false

    let state: amqp_connection_state_t
    private var openChannels: Set<UInt16> = []
    private var destroyed = false
    /// Where a body that arrived in several frames is gathered (see `readContent`).
    private var bodyBuffer: [UInt8] = []

    /// Connects, logs in (advertising `consumer_cancel_notify`) and opens channel 1.
    public init(url: AMQPURL, options: AMQPConnectionOptions = AMQPConnectionOptions()) throws(AMQPError) {
        // OpenSSL writes can raise SIGPIPE on a dead peer (plain TCP uses MSG_NOSIGNAL); ignoring it is idempotent.
        signal(SIGPIPE, SIG_IGN)
        self.url = url
        self.options = options
        guard let state = amqp_new_connection() else { throw .unexpected("out of memory") }
        self.state = state
        do {
            try open()
        } catch {
            destroy()
            throw error
        }
    }

    deinit { close() }

    private var endpointText: String { "\(url.host):\(url.port)" }

    private func open() throws(AMQPError) {
        let socket: OpaquePointer?
        if url.tls {
            socket = amqp_ssl_socket_new(state)
            guard let socket else { throw .tlsSetup("cannot create a TLS socket") }
            amqp_ssl_socket_set_verify_peer(socket, 1)
            amqp_ssl_socket_set_verify_hostname(socket, 1)
            _ = amqp_ssl_socket_set_ssl_versions(socket, AMQP_TLSv1_2, AMQP_TLSvLATEST)
            // Each call adds to the trust store: the system's bundle first, then the user's extra CA.
            if let system = options.systemCAFile, access(system, R_OK) == 0 {
                _ = amqp_ssl_socket_set_cacert(socket, system)
            }
            if let extra = options.tlsCAFile {
                guard access(extra, R_OK) == 0 else { throw .tlsSetup("cannot read the CA file \(extra) (--tls-ca)") }
                guard amqp_ssl_socket_set_cacert(socket, extra) == AMQP_STATUS_OK.rawValue else {
                    throw .tlsSetup("the CA file \(extra) (--tls-ca) is not a PEM certificate bundle")
                }
            }
        } else {
            socket = amqp_tcp_socket_new(state)
            guard socket != nil else { throw .unexpected("cannot create a TCP socket") }
        }
        var connectTimeout = timeval(seconds: options.connectTimeoutSeconds)
        errno = 0
        let status = amqp_socket_open_noblock(socket, url.host, Int32(url.port), &connectTimeout)
        let socketErrno = errno
        guard status == AMQP_STATUS_OK.rawValue else { throw openError(status, errno: socketErrno) }
        var handshakeTimeout = timeval(seconds: options.handshakeTimeoutSeconds)
        _ = amqp_set_handshake_timeout(state, &handshakeTimeout)

        let arena = CArena()
        var capabilities: [(String, amqp_field_value_t)] = [("consumer_cancel_notify", .boolean(true))]
        capabilities.append(("connection.blocked", .boolean(true)))
        var properties: [(String, amqp_field_value_t)] = [("capabilities", .table(arena.table(capabilities)))]
        if let name = options.connectionName { properties.append(("connection_name", arena.stringField(name))) }
        var table = arena.table(properties)
        let reply = crmq_login_plain(state, url.vhost, 0, 131_072, Int32(options.heartbeatSeconds), &table,
                                     url.user, url.password)
        if reply.reply_type != AMQP_RESPONSE_NORMAL {
            isAlive = true  // so that a close method is answered
            throw loginError(reply)
        }
        heartbeatSeconds = Int(amqp_get_heartbeat(state))
        isAlive = true
        try openChannel(1)
    }

    private func openError(_ status: Int32, errno socketErrno: Int32) -> AMQPError {
        switch status {
        case AMQP_STATUS_SSL_PEER_VERIFY_FAILED.rawValue:
            .tlsFailed(endpoint: endpointText, reason: "the broker's certificate is not signed by a trusted CA",
                       hint: "pass the CA that signed it with --tls-ca FILE (or FLEETWATCH_TLS_CA)")
        case AMQP_STATUS_SSL_HOSTNAME_VERIFY_FAILED.rawValue:
            .tlsFailed(endpoint: endpointText, reason: "the broker's certificate does not name \(url.host)",
                       hint: "connect by a host name the certificate lists (IP addresses are not checked: use the DNS name)")
        case AMQP_STATUS_SSL_ERROR.rawValue, AMQP_STATUS_SSL_CONNECTION_FAILED.rawValue:
            .tlsFailed(endpoint: endpointText, reason: statusText(status),
                       hint: "check that the port speaks AMQPS (5671), not plain AMQP (5672)")
        case AMQP_STATUS_SOCKET_ERROR.rawValue:
            // "a socket error occurred" says nothing. The errno sometimes does (no route to host…); after a
            // non-blocking connect rabbitmq-c keeps the real cause to itself and errno is just EINPROGRESS.
            .unreachable(endpoint: endpointText,
                         reason: socketErrno == 0 || socketErrno == EINPROGRESS || socketErrno == EAGAIN
                             ? "connection refused or failed" : String(cString: strerror(socketErrno)).lowercased())
        default:
            .unreachable(endpoint: endpointText, reason: statusText(status))
        }
    }

    private func loginError(_ reply: amqp_rpc_reply_t) -> AMQPError {
        if reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION, reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD {
            let close = reply.reply.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            let code = Int(close.reply_code)
            let text = AMQPHeaders.string(close.reply_text)
            answerConnectionClose()
            if code == 403 || code == 530 {  // ACCESS_REFUSED, NOT_ALLOWED (vhost)
                return .accessRefused(user: url.shownUser, vhost: url.vhost, detail: "\(code) \(text)")
            }
            return .connectionClosed(code: code, text: text)
        }
        isAlive = false
        if reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION {
            // RabbitMQ without authentication_failure_close support just drops the socket on bad credentials.
            if reply.library_error == AMQP_STATUS_CONNECTION_CLOSED.rawValue
                || reply.library_error == AMQP_STATUS_SOCKET_CLOSED.rawValue {
                return .accessRefused(user: url.shownUser, vhost: url.vhost, detail: "the broker closed the connection during login")
            }
            return .transport(operation: "login", status: reply.library_error, reason: statusText(reply.library_error))
        }
        return .unexpected("login reply \(reply.reply_type)")
    }

    // MARK: Channels and topology

    /// Opens channel `number` (channel 1 is opened by `init`).
    public func openChannel(_ number: UInt16) throws(AMQPError) {
        try requireAlive("channel.open")
        amqp_channel_open(state, number)
        try check(amqp_get_rpc_reply(state), "channel.open", channel: number)
        openChannels.insert(number)
    }

    public func isChannelOpen(_ number: UInt16) -> Bool { openChannels.contains(number) }

    /// The broker's version as it announced itself (`3.10.8`), if it did.
    public var serverVersion: String? {
        guard let table = amqp_get_server_properties(state)?.pointee else { return nil }
        return AMQPHeaders.strings(table)["version"]
    }

    /// Declares a queue; with `passive`, only checks that it exists (a 404 closes the channel: `channelClosed`).
    /// Returns the number of ready messages and of consumers.
    @discardableResult
    public func declareQueue(_ name: String, passive: Bool = false, durable: Bool = true, exclusive: Bool = false,
                             autoDelete: Bool = false, arguments: [String: AMQPArgument] = [:],
                             channel: UInt16 = 1) throws(AMQPError) -> (messages: Int, consumers: Int) {
        try requireAlive("queue.declare")
        let arena = CArena()
        let ok = amqp_queue_declare(state, channel, arena.bytes(name), passive ? 1 : 0, durable ? 1 : 0,
                                    exclusive ? 1 : 0, autoDelete ? 1 : 0, arena.arguments(arguments))
        try check(amqp_get_rpc_reply(state), "queue.declare \(name)", channel: channel)
        guard let ok else { throw .unexpected("queue.declare-ok missing") }
        return (Int(ok.pointee.message_count), Int(ok.pointee.consumer_count))
    }

    public func declareExchange(_ name: String, type: String = "topic", durable: Bool = true, autoDelete: Bool = false,
                                passive: Bool = false, channel: UInt16 = 1) throws(AMQPError) {
        try requireAlive("exchange.declare")
        let arena = CArena()
        amqp_exchange_declare(state, channel, arena.bytes(name), arena.bytes(type), passive ? 1 : 0, durable ? 1 : 0,
                              autoDelete ? 1 : 0, 0, amqp_empty_table)
        try check(amqp_get_rpc_reply(state), "exchange.declare \(name)", channel: channel)
    }

    public func bindQueue(_ queue: String, exchange: String, routingKey: String, channel: UInt16 = 1) throws(AMQPError) {
        try requireAlive("queue.bind")
        let arena = CArena()
        amqp_queue_bind(state, channel, arena.bytes(queue), arena.bytes(exchange), arena.bytes(routingKey),
                        amqp_empty_table)
        try check(amqp_get_rpc_reply(state), "queue.bind \(queue)", channel: channel)
    }

    /// Deletes a queue; returns how many messages it held.
    @discardableResult
    public func deleteQueue(_ name: String, channel: UInt16 = 1) throws(AMQPError) -> Int {
        try requireAlive("queue.delete")
        let arena = CArena()
        let ok = amqp_queue_delete(state, channel, arena.bytes(name), 0, 0)
        try check(amqp_get_rpc_reply(state), "queue.delete \(name)", channel: channel)
        return Int(ok?.pointee.message_count ?? 0)
    }

    public func deleteExchange(_ name: String, channel: UInt16 = 1) throws(AMQPError) {
        try requireAlive("exchange.delete")
        let arena = CArena()
        amqp_exchange_delete(state, channel, arena.bytes(name), 0)
        try check(amqp_get_rpc_reply(state), "exchange.delete \(name)", channel: channel)
    }

    // MARK: Consuming

    /// `basic.qos`: at most `prefetch` unacknowledged deliveries per consumer on `channel`.
    public func setPrefetch(_ prefetch: Int, channel: UInt16 = 1) throws(AMQPError) {
        try requireAlive("basic.qos")
        amqp_basic_qos(state, channel, 0, UInt16(clamping: prefetch), 0)
        try check(amqp_get_rpc_reply(state), "basic.qos", channel: channel)
    }

    /// Starts a consumer with manual acknowledgements; returns its consumer tag. `arguments` are the consumer's
    /// (a stream's `x-stream-offset`).
    public func consume(queue: String, consumerTag: String = "", arguments: [String: AMQPArgument] = [:],
                        channel: UInt16 = 1) throws(AMQPError) -> String {
        try requireAlive("basic.consume")
        let arena = CArena()
        let ok = amqp_basic_consume(state, channel, arena.bytes(queue), arena.bytes(consumerTag), 0, 0, 0,
                                    arena.arguments(arguments))
        try check(amqp_get_rpc_reply(state), "basic.consume \(queue)", channel: channel)
        guard let ok else { throw .unexpected("basic.consume-ok missing") }
        return AMQPHeaders.string(ok.pointee.consumer_tag)
    }

    /// Acknowledges `deliveryTag` (and with `multiple`, every outstanding tag up to it). Sent is all it means:
    /// a broker-side problem arrives later as `channel.close`.
    public func ack(_ deliveryTag: UInt64, multiple: Bool, channel: UInt16 = 1) throws(AMQPError) {
        try requireAlive("basic.ack")
        try checkStatus(amqp_basic_ack(state, channel, deliveryTag, multiple ? 1 : 0), "basic.ack")
    }

    /// Negative acknowledgement; `requeue: false` sends the message to the queue's dead-letter exchange, if any,
    /// and otherwise drops it.
    public func nack(_ deliveryTag: UInt64, multiple: Bool = false, requeue: Bool, channel: UInt16 = 1) throws(AMQPError) {
        try requireAlive("basic.nack")
        try checkStatus(amqp_basic_nack(state, channel, deliveryTag, multiple ? 1 : 0, requeue ? 1 : 0), "basic.nack")
    }

    /// Waits up to `timeout` seconds for the next delivery and handles what else may arrive instead:
    /// `channel.close` and `connection.close` are answered with `close-ok`, `basic.cancel` is reported,
    /// returned messages are discarded. Connection-level failures throw. The delivery is copied out.
    public func nextDelivery(timeout: Double) throws(AMQPError) -> AMQPConsumeEvent {
        try nextDelivery(timeout: timeout, transform: { $0.copy() })
    }

    /// Like `nextDelivery(timeout:)`, but lends the delivery to `handle` in rabbitmq-c's buffers instead of
    /// copying it.
    public func nextDelivery(timeout: Double, lending handle: (AMQPBorrowedDelivery) throws(AMQPError) -> Void)
        throws(AMQPError) -> AMQPWait<Void> {
        // Not generic on purpose: a generic would run unspecialised in the consumer's module, with runtime
        // metadata lookups for every delivery. Here it is specialised for `Void`.
        try nextDelivery(timeout: timeout, transform: handle)
    }

    // Reads the frames itself rather than through `amqp_consume_message`, which copies every delivery into an
    // envelope: the consumer tag, exchange and routing key each into its own `malloc`, the properties and the
    // body into a fresh pool (six allocations and a copy of the body a message). Here the delivery is lent where
    // rabbitmq-c decoded its frames, valid until the next call releases them.
    private func nextDelivery<R>(timeout: Double, transform handle: (AMQPBorrowedDelivery) throws(AMQPError) -> R)
        throws(AMQPError) -> AMQPWait<R> {
        try requireAlive("consume")
        amqp_maybe_release_buffers(state)
        var wait = timeval(seconds: timeout)
        guard let frame = try nextFrame(waitingAtMost: &wait) else { return .timeout }
        // A stray content frame cannot start anything: skip it.
        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD), let decoded = frame.payload.method.decoded else { return .timeout }
        switch frame.payload.method.id {
        case AMQP_BASIC_DELIVER_METHOD:
            let deliver = decoded.assumingMemoryBound(to: amqp_basic_deliver_t.self).pointee
            var envelope = amqp_envelope_t()
            envelope.channel = frame.channel
            envelope.consumer_tag = deliver.consumer_tag
            envelope.delivery_tag = deliver.delivery_tag
            envelope.redelivered = deliver.redelivered
            envelope.exchange = deliver.exchange
            envelope.routing_key = deliver.routing_key
            try readContent(channel: frame.channel, into: &envelope.message)
            return try withUnsafePointer(to: &envelope) { (pointer) throws(AMQPError) in
                .delivery(try handle(AMQPBorrowedDelivery(envelope: pointer)))
            }
        case AMQP_BASIC_RETURN_METHOD:
            // Only mandatory publishes come back; read the returned message and drop it.
            var message = amqp_message_t()
            try readContent(channel: frame.channel, into: &message)
            return .timeout
        default:
            return try serverMethod(id: frame.payload.method.id, decoded: decoded, channel: frame.channel)
        }
    }

    /// Reads the content header and body frames that follow a `basic.deliver` or `basic.return` on `channel`, into
    /// `message` without copying: its properties and a one-frame body point into rabbitmq-c's frame buffers; a
    /// body of several frames is gathered into `bodyBuffer`. Valid until the next read.
    private func readContent(channel: UInt16, into message: inout amqp_message_t) throws(AMQPError) {
        var frame = try nextContentFrame(channel: channel)
        guard frame.frame_type == UInt8(AMQP_FRAME_HEADER),
              let properties = frame.payload.properties.decoded?.assumingMemoryBound(to: amqp_basic_properties_t.self)
        else { throw protocolViolation("a delivery without its content header") }
        message.properties = properties.pointee
        // The size is the peer's word: a 64-bit value that need not fit an Int.
        guard let size = Int(exactly: frame.payload.properties.body_size) else {
            throw protocolViolation("a delivery whose header gives an impossible body size")
        }
        guard size > 0 else { return }
        frame = try nextContentFrame(channel: channel)
        guard frame.frame_type == UInt8(AMQP_FRAME_BODY) else { throw protocolViolation("a delivery without its body") }
        if frame.payload.body_fragment.len == size {
            message.body = frame.payload.body_fragment
            return
        }
        bodyBuffer.removeAll(keepingCapacity: true)
        while true {
            let fragment = frame.payload.body_fragment
            if fragment.len > 0, let bytes = fragment.bytes {
                bodyBuffer.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: fragment.len))
            }
            guard bodyBuffer.count < size else { break }
            frame = try nextContentFrame(channel: channel)
            guard frame.frame_type == UInt8(AMQP_FRAME_BODY) else { throw protocolViolation("a delivery with its body cut short") }
        }
        guard bodyBuffer.count == size else { throw protocolViolation("a body longer than its header says") }
        bodyBuffer.withUnsafeMutableBytes { message.body = amqp_bytes_t(len: size, bytes: $0.baseAddress) }
    }

    /// The next frame, which must belong to `channel`'s content; a `connection.close` in its place is answered and
    /// thrown as such.
    private func nextContentFrame(channel: UInt16) throws(AMQPError) -> amqp_frame_t {
        guard let frame = try nextFrame(waitingAtMost: nil) else { throw .unexpected("a wait without a timeout timed out") }
        if frame.frame_type == UInt8(AMQP_FRAME_METHOD), frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD {
            let _: AMQPWait<Void> = try serverMethod(id: frame.payload.method.id, decoded: frame.payload.method.decoded,
                                                     channel: frame.channel)
        }
        guard frame.channel == channel else { throw protocolViolation("a frame of channel \(frame.channel) inside a delivery") }
        return frame
    }

    /// The next frame, or nil when `timeout` passed first (nil `timeout`: wait as long as it takes). A transport
    /// failure ends the connection.
    private func nextFrame(waitingAtMost timeout: UnsafePointer<timeval>?) throws(AMQPError) -> amqp_frame_t? {
        var frame = amqp_frame_t()
        let status = amqp_simple_wait_frame_noblock(state, &frame, timeout)
        if status == AMQP_STATUS_TIMEOUT.rawValue { return nil }
        guard status == AMQP_STATUS_OK.rawValue else {
            isAlive = false
            throw transportError("consume", status)
        }
        return frame
    }

    /// The frames of a message do not arrive as AMQP says they must (header, then body, on its channel; this
    /// connection's other channel only ever answers its own synchronous calls): the connection cannot be trusted
    /// any more.
    private func protocolViolation(_ what: String) -> AMQPError {
        isAlive = false
        return .unexpected(what)
    }

    /// True when rabbitmq-c already holds received bytes or frames: the next `nextDelivery` will not wait on the
    /// socket. A consumer can batch work until this turns false.
    public var hasBufferedInput: Bool {
        isAlive && (amqp_data_in_buffer(state) != 0 || amqp_frames_enqueued(state) != 0)
    }

    /// Acts on a method the broker sent unasked: close, cancel; anything else is ignored.
    func serverMethod<R>(id: amqp_method_number_t, decoded: UnsafeMutableRawPointer?, channel: UInt16) throws(AMQPError)
        -> AMQPWait<R> {
        guard let decoded else { return .timeout }
        switch id {
        case AMQP_CONNECTION_CLOSE_METHOD:
            let close = decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            let code = Int(close.reply_code)
            let text = AMQPHeaders.string(close.reply_text)  // copied before the frame's pool is released
            answerConnectionClose()
            throw .connectionClosed(code: code, text: text)
        case AMQP_CHANNEL_CLOSE_METHOD:
            let close = decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            let code = Int(close.reply_code)
            let text = AMQPHeaders.string(close.reply_text)
            answerChannelClose(channel)
            return .channelClosed(channel: channel, code: code, text: text)
        case AMQP_BASIC_CANCEL_METHOD:
            let cancel = decoded.assumingMemoryBound(to: amqp_basic_cancel_t.self).pointee
            return .cancelled(consumerTag: AMQPHeaders.string(cancel.consumer_tag))
        default:
            return .timeout
        }
    }

    // MARK: Closing

    /// Closes politely when the connection is alive, then frees it. Safe to call more than once.
    public func close() {
        if isAlive {
            isAlive = false
            _ = amqp_connection_close(state, Int32(AMQP_REPLY_SUCCESS))
        }
        destroy()
    }

    private func destroy() {
        guard !destroyed else { return }
        destroyed = true
        isAlive = false
        openChannels.removeAll()
        amqp_destroy_connection(state)
    }

    private func answerConnectionClose() {
        var ok = amqp_connection_close_ok_t(dummy: 0)
        _ = amqp_send_method(state, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok)
        isAlive = false
    }

    private func answerChannelClose(_ channel: UInt16) {
        var ok = amqp_channel_close_ok_t(dummy: 0)
        if amqp_send_method(state, channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok) != AMQP_STATUS_OK.rawValue {
            isAlive = false
        }
        openChannels.remove(channel)
    }

    // MARK: Checks

    func requireAlive(_ operation: String) throws(AMQPError) {
        guard isAlive else {
            throw .transport(operation: operation, status: AMQP_STATUS_CONNECTION_CLOSED.rawValue,
                             reason: "the connection is closed")
        }
    }

    func checkStatus(_ status: Int32, _ operation: String) throws(AMQPError) {
        guard status == AMQP_STATUS_OK.rawValue else {
            // A failed send means the socket is gone; buffered deliveries of this connection are worthless now.
            isAlive = false
            throw transportError(operation, status)
        }
    }

    func transportError(_ operation: String, _ status: Int32) -> AMQPError {
        .transport(operation: operation, status: status, reason: statusText(status))
    }

    /// Turns an RPC reply into success or the matching error (answering close methods).
    func check(_ reply: amqp_rpc_reply_t, _ operation: String, channel: UInt16) throws(AMQPError) {
        if reply.reply_type == AMQP_RESPONSE_NORMAL { return }
        if reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION {
            let event: AMQPWait<Never> = try serverMethod(id: reply.reply.id, decoded: reply.reply.decoded, channel: channel)
            if case let .channelClosed(channel, code, text) = event {
                throw .channelClosed(channel: channel, code: code, text: text)
            }
            throw .unexpected("\(operation): server method \(reply.reply.id)")
        }
        if reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION {
            isAlive = false
            throw transportError(operation, reply.library_error)
        }
        throw .unexpected("\(operation): no reply")
    }
}

extension timeval {
    init(seconds: Double) {
        let whole = seconds.rounded(.down)
        self.init(tv_sec: Int(whole), tv_usec: Int((seconds - whole) * 1_000_000))
    }
}
