/// How to open a connection: heartbeats, TLS trust, timeouts and the name the broker shows.
public struct AMQPConnectionOptions: Sendable, Hashable {
    /// Heartbeat interval in seconds (the broker may lower it). 0 would disable heartbeats: not allowed here,
    /// since a dead peer would then go unnoticed for as long as TCP keeps quiet.
    public var heartbeatSeconds: Int
    /// An extra CA bundle (PEM) to trust for `amqps://`, on top of the system's.
    public var tlsCAFile: String?
    /// The system's CA bundle; rabbitmq-c 0.11 has no default trust store. Ignored when the file is missing.
    public var systemCAFile: String?
    public var connectTimeoutSeconds: Double
    /// For the AMQP handshake (login); the broker's own limit is 10 s.
    public var handshakeTimeoutSeconds: Double
    /// Shown by the broker's management UI as the connection's name.
    public var connectionName: String?

    public init(heartbeatSeconds: Int = 15, tlsCAFile: String? = nil,
                systemCAFile: String? = "/etc/ssl/certs/ca-certificates.crt", connectTimeoutSeconds: Double = 5,
                handshakeTimeoutSeconds: Double = 12, connectionName: String? = "fleetwatch") {
        self.heartbeatSeconds = max(1, heartbeatSeconds)
        self.tlsCAFile = tlsCAFile
        self.systemCAFile = systemCAFile
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.handshakeTimeoutSeconds = handshakeTimeoutSeconds
        self.connectionName = connectionName
    }
}
