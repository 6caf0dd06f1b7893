import CRabbitMQ

/// What went wrong talking to the broker, in words a user can act on. Texts from the broker (`reply_text`) are
/// included as received: sanitise before showing them on a terminal. No case ever carries a password.
public enum AMQPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The TCP connection could not be made (refused, unreachable, name not resolved, timed out).
    case unreachable(endpoint: String, reason: String)
    /// The TLS handshake failed; `hint` says what to change.
    case tlsFailed(endpoint: String, reason: String, hint: String)
    /// The TLS setup could not start (for example, the CA file cannot be read).
    case tlsSetup(String)
    /// The broker refused the credentials, or the user may not use the vhost.
    case accessRefused(user: String, vhost: String, detail: String)
    /// The broker closed the connection (`connection.close`), for example 320 when an operator closed it or the
    /// broker is shutting down. Already answered with `close-ok`.
    case connectionClosed(code: Int, text: String)
    /// The broker closed a channel (`channel.close`), for example 404 for a queue that does not exist or 406 for
    /// an unknown delivery tag. Already answered with `close-ok`; the connection stays usable.
    case channelClosed(channel: UInt16, code: Int, text: String)
    /// The transport failed mid-way (socket error, missed heartbeats, closed socket): the connection is dead.
    case transport(operation: String, status: Int32, reason: String)
    /// The broker answered a publish with `basic.nack` (it could not take the message).
    case publishRejected(count: Int)
    /// Publisher confirms did not arrive in time.
    case confirmTimeout
    /// The broker sent something the protocol does not allow here.
    case unexpected(String)

    public var description: String {
        switch self {
        case let .unreachable(endpoint, reason):
            "cannot reach the broker at \(endpoint) (\(reason)): check the AMQP URL's host and port, and that the broker is up"
        case let .tlsFailed(endpoint, reason, hint):
            "TLS with \(endpoint) failed (\(reason)): \(hint)"
        case let .tlsSetup(reason):
            "cannot set up TLS: \(reason)"
        case let .accessRefused(user, vhost, detail):
            "access refused for user \(user) on vhost \(vhost) (\(detail)): check the event consumer's credentials"
        case let .connectionClosed(code, text):
            "the broker closed the connection (\(code) \(text))"
        case let .channelClosed(_, code, text):
            "the broker closed the channel (\(code) \(text))"
        case let .transport(operation, _, reason):
            "the connection to the broker failed during \(operation) (\(reason))"
        case let .publishRejected(count):
            "the broker rejected \(count) published message\(count == 1 ? "" : "s") (basic.nack)"
        case .confirmTimeout:
            "the broker did not confirm the published messages in time"
        case let .unexpected(what):
            "unexpected reply from the broker: \(what)"
        }
    }

    /// True when the connection is gone and must be rebuilt (as opposed to a closed channel).
    public var isConnectionLevel: Bool {
        if case .channelClosed = self { return false }
        return true
    }

    /// True for refused credentials or vhost access: retry slowly, never hammer.
    public var isAccessRefused: Bool {
        if case .accessRefused = self { return true }
        return false
    }
}

/// The text of a rabbitmq-c status code (`AMQP_STATUS_*`).
func statusText(_ status: Int32) -> String {
    guard let text = amqp_error_string2(status) else { return "status \(status)" }
    return String(cString: text)
}
