import AMQP
import FleetCore
import Foundation

/// A team's stream on its own broker, filled from the INVERS queues by RabbitMQ's shovel plugin: what
/// `fleetwatch team init` declares and the shovel definitions it prints. No fleetwatch process sits between INVERS
/// and the stream: the shovel acks INVERS only once the team broker confirmed (`on-confirm`) and reconnects itself.
public struct TeamStream: Sendable, Hashable {
    public static let defaultName = "fleetwatch.events"
    /// Seven days: a weekend and a holiday, and what a dashboard replays at most.
    public static let defaultRetentionSeconds: Int64 = 7 * 86_400
    /// What stands for the INVERS password in the printed definitions: it never comes from fleetwatch.
    public static let passwordPlaceholder = "PASSWORD"

    public var name: String
    /// How long the stream keeps a message (`x-max-age`).
    public var retentionSeconds: Int64

    public init(name: String = TeamStream.defaultName, retentionSeconds: Int64 = TeamStream.defaultRetentionSeconds) {
        self.name = name
        self.retentionSeconds = retentionSeconds
    }

    /// The queue arguments that make it a stream with this retention.
    public var arguments: [String: AMQPArgument] {
        ["x-queue-type": .string("stream"), "x-max-age": .string("\(retentionSeconds)s")]
    }

    /// Declares the stream on the team broker (durable, as streams must be). An existing stream with other
    /// arguments is the broker's `PRECONDITION_FAILED`, passed on.
    public func declare(on connection: AMQPConnection) throws(AMQPError) {
        try connection.declareQueue(name, durable: true, arguments: arguments)
    }

    /// One shovel: its name, and the `rabbitmqctl` line that sets it up on the team broker.
    public struct Shovel: Sendable, Hashable {
        public var name: String
        public var vhost: String
        /// The definition's JSON (sorted keys), with the INVERS password as `passwordPlaceholder`.
        public var definition: String

        /// `rabbitmqctl set_parameter shovel …`, quoted for a POSIX shell.
        public var command: String {
            "rabbitmqctl set_parameter -p \(Self.shellQuoted(vhost)) shovel \(Self.shellQuoted(name)) "
                + Self.shellQuoted(definition)
        }

        static func shellQuoted(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }

    /// Whether a broker of this version knows `src-predeclared` and `dest-predeclared` (3.12 on). Before, a shovel
    /// declares both its queues itself: the source as a durable queue without arguments (which an INVERS queue with
    /// arguments refuses), the destination with `dest-queue-args`, which must then make it a stream (3.10 refuses
    /// `x-max-age` there, and does not compare it with the stream's).
    public static func shovelKnowsPredeclared(brokerVersion: String?) -> Bool {
        let parts = (brokerVersion ?? "").split(separator: ".").prefix(2).map { Int($0) ?? 0 }
        guard parts.count == 2 else { return false }
        return (parts[0], parts[1]) >= (3, 12)
    }

    /// The shovels that move each INVERS queue into this stream on the team broker `team` (its vhost; the shovel
    /// runs on that broker, so its destination is the local node). `invers` gives host, port, user and vhost;
    /// its password is never used. TLS to INVERS verifies the peer against `caFile` and checks the host name.
    public func shovels(from invers: AMQPURL, queues: [String], team: AMQPURL, predeclared: Bool,
                        caFile: String = "/etc/ssl/certs/ca-certificates.crt") -> [Shovel] {
        let user = PercentEncoding.encode(invers.user)
        var source = "\(invers.tls ? "amqps" : "amqp")://\(user):\(Self.passwordPlaceholder)@\(hostPart(invers)):"
            + "\(invers.port)/\(PercentEncoding.encode(invers.vhost))"
        if invers.tls {
            source += "?cacertfile=\(PercentEncoding.encode(caFile, keeping: [UInt8(ascii: "/")]))&verify=verify_peer"
                + "&server_name_indication=\(PercentEncoding.encode(invers.host))"
        }
        let destination = "amqp:///" + PercentEncoding.encode(team.vhost)
        return queues.map { queue in
            var definition: [String: Any] = [
                "src-protocol": "amqp091", "src-uri": source, "src-queue": queue,
                "dest-protocol": "amqp091", "dest-uri": destination, "dest-queue": name,
                "ack-mode": "on-confirm", "dest-add-forward-headers": true, "reconnect-delay": 5,
            ]
            if predeclared {
                definition["src-predeclared"] = true
                definition["dest-predeclared"] = true
            } else {
                definition["dest-queue-args"] = ["x-queue-type": "stream"]
            }
            let json = (try? JSONSerialization.data(withJSONObject: definition, options: [.sortedKeys, .withoutEscapingSlashes]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return Shovel(name: "fleetwatch-\(queue)", vhost: team.vhost, definition: json)
        }
    }

    private func hostPart(_ url: AMQPURL) -> String { url.host.contains(":") ? "[\(url.host)]" : url.host }
}
