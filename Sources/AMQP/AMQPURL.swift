import FleetCore

/// An `amqp://` or `amqps://` URL, parsed the way RabbitMQ's URI spec reads it: user, password and vhost are
/// percent-decoded (`%2f` is `/`), the port defaults to 5672 (`amqp`) or 5671 (`amqps`), and a missing user and
/// password mean `guest`/`guest`.
///
/// `description` never shows the password: `amqps://USER:***@host:5671/vhost`, and `amqps://***@host:5671/vhost`
/// when there is no password (the user's place may then hold a token). Log and print that, never the URL text
/// the user gave.
public struct AMQPURL: Sendable, Hashable, CustomStringConvertible {
    /// True for `amqps://`: TLS with peer and hostname verification.
    public var tls: Bool
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    /// The virtual host, decoded (`/` for `%2f` or for no path at all).
    public var vhost: String

    public init(tls: Bool, host: String, port: Int? = nil, user: String = "guest", password: String = "guest",
                vhost: String = "/") {
        self.tls = tls
        self.host = host
        self.port = port ?? (tls ? 5671 : 5672)
        self.user = user
        self.password = password
        self.vhost = vhost
    }

    /// Parses `amqp[s]://[user[:password]@]host[:port][/vhost][?query]`. The query (`?heartbeat=…`) is ignored.
    public init(_ text: String) throws(AMQPURLError) {
        let scheme: Substring
        let rest: Substring
        guard let schemeEnd = text.range(of: "://") else { throw .notAnAMQPURL }
        scheme = text[text.startIndex..<schemeEnd.lowerBound]
        rest = text[schemeEnd.upperBound...]
        switch scheme.lowercased() {
        case "amqp": tls = false
        case "amqps": tls = true
        default: throw .unsupportedScheme(AMQPURL.isSchemeSyntax(scheme) ? String(scheme) : nil)
        }
        var authorityAndPath = rest
        if let query = authorityAndPath.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            authorityAndPath = authorityAndPath[..<query]
        }
        let authority: Substring
        let path: Substring?
        if let slash = authorityAndPath.firstIndex(of: "/") {
            authority = authorityAndPath[..<slash]
            path = authorityAndPath[authorityAndPath.index(after: slash)...]
        } else {
            authority = authorityAndPath
            path = nil
        }
        var hostPort = authority
        user = "guest"
        password = "guest"
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try AMQPURL.percentDecoded(userInfo[..<colon], part: "user")
                password = try AMQPURL.percentDecoded(userInfo[userInfo.index(after: colon)...], part: "password")
            } else {
                user = try AMQPURL.percentDecoded(userInfo, part: "user")
                password = ""
            }
        }
        var portText: Substring?
        if hostPort.hasPrefix("[") {  // IPv6 literal
            guard let close = hostPort.firstIndex(of: "]") else { throw .invalidHost }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { throw .invalidHost }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = try AMQPURL.percentDecoded(hostPort[..<colon], part: "host")
            portText = hostPort[hostPort.index(after: colon)...]
        } else {
            host = try AMQPURL.percentDecoded(hostPort, part: "host")
        }
        guard !host.isEmpty else { throw .invalidHost }
        if let portText, !portText.isEmpty {
            guard let port = Int(portText), (1...65535).contains(port) else { throw .invalidPort }
            self.port = port
        } else {
            port = tls ? 5671 : 5672
        }
        // An absent or empty path is the default vhost "/"; "%2f" decodes to "/" too.
        if let path, !path.isEmpty {
            vhost = try AMQPURL.percentDecoded(path, part: "vhost")
        } else {
            vhost = "/"
        }
    }

    /// `amqps://USER:***@host:port/vhost`, or `amqps://***@host:port/vhost` without a password: safe to print and
    /// log.
    public var description: String {
        let scheme = tls ? "amqps" : "amqp"
        // Encoded like the other parts, so that no control character in a mistyped host reaches a log or screen.
        let hostText = host.contains(":") ? "[\(PercentEncoding.encode(host, keeping: [UInt8(ascii: ":")]))]"
                                          : PercentEncoding.encode(host)
        let userinfo = password.isEmpty ? "***" : "\(PercentEncoding.encode(user)):***"  // shownUser, encoded
        return "\(scheme)://\(userinfo)@\(hostText):\(port)/\(PercentEncoding.encode(vhost))"
    }

    /// The user, fit to show: `***` when there is no password, since the user's place then may hold a token.
    public var shownUser: String { password.isEmpty ? "***" : user }

    /// `host/vhost` (just `host` for the default vhost `/`), for a header or a status line: no scheme, no user,
    /// no secret.
    public var endpoint: String {
        vhost == "/" ? host : "\(host)/\(vhost)"
    }

    static func percentDecoded(_ text: Substring, part: String) throws(AMQPURLError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(AMQPURL.hexValue), let low = iterator.next().flatMap(AMQPURL.hexValue)
                else { throw .invalidPercentEncoding(part) }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        // A NUL would cut the C string rabbitmq-c is given: the host or password it used would not be this one.
        guard !bytes.contains(0), let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .invalidPercentEncoding(part)
        }
        return decoded
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A URL scheme's syntax (RFC 3986 3.1), short: only such a text is repeated in an error, since anything else
    /// before `://` may be a mistyped password.
    static func isSchemeSyntax(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 16,
              (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }
}

/// Why a text is not an AMQP URL. The message never repeats the URL (it may hold a password).
public enum AMQPURLError: Error, Sendable, Hashable, CustomStringConvertible {
    case notAnAMQPURL
    /// The scheme, when it looks like one (otherwise nil: it is not repeated).
    case unsupportedScheme(String?)
    case invalidHost
    /// The port is not a number from 1 to 65535 (not repeated: in a mistyped URL it may be a password).
    case invalidPort
    case invalidPercentEncoding(String)

    public var description: String {
        switch self {
        case .notAnAMQPURL: "not an AMQP URL: expected amqps://USER:PASSWORD@HOST[:PORT]/VHOST"
        case let .unsupportedScheme(scheme?): "unsupported URL scheme \"\(scheme)\": use amqp:// or amqps://"
        case .unsupportedScheme(nil): "the AMQP URL's scheme is not amqp:// or amqps://"
        case .invalidHost: "the AMQP URL has no valid host"
        case .invalidPort: "the AMQP URL's port is not a number from 1 to 65535 (is a password missing its user, or an @?)"
        case let .invalidPercentEncoding(part): "the AMQP URL's \(part) has an invalid percent-encoding"
        }
    }
}
