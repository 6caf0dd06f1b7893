import FleetSim

/// How the stand-in's REST server behaves: where it listens, which API clients it accepts, how long tokens live,
/// how slow vehicles are, and how hard it rate-limits. Faults for tests are injected at run time
/// (`InversStandInServer.inject(_:on:times:)`), not configured here.
public struct StandInConfiguration: Sendable {
    /// Address to bind; loopback by default.
    public var host: String
    /// Port to bind; 0 lets the system pick one (read it from `RunningStandIn.port`).
    public var port: Int
    /// API clients accepted by the token endpoint: client id (may contain `#`) → client secret.
    public var clients: [String: String]
    /// How long an access token is valid (`expires_in`); a token used after that answers 401 invalid-credentials.
    public var tokenTTL: Duration
    /// How long a command takes on the "vehicle" before the 200 answer (seconds on a real vehicle).
    public var commandLatency: Duration
    /// At most this many authenticated requests per window; more answer 429 with `Retry-After`. Nil: unlimited.
    public var rateLimit: RateLimit?
    /// `GET /vehicles` page size when the request gives no `limit`.
    public var defaultPageSize: Int
    /// The largest `limit` honoured; larger ones are clamped, as paging APIs do.
    public var maxPageSize: Int
    /// Serve HTTPS with this certificate instead of plain HTTP.
    public var tls: StandInTLS?

    public init(host: String = "127.0.0.1", port: Int = 0, clients: [String: String],
                tokenTTL: Duration = .seconds(900), commandLatency: Duration = .milliseconds(300),
                rateLimit: RateLimit? = nil, defaultPageSize: Int = 100, maxPageSize: Int = 1000) {
        self.host = host
        self.port = port
        self.clients = clients
        self.tokenTTL = tokenTTL
        self.commandLatency = commandLatency
        self.rateLimit = rateLimit
        self.defaultPageSize = defaultPageSize
        self.maxPageSize = maxPageSize
    }

    /// One accepted API client.
    public init(host: String = "127.0.0.1", port: Int = 0, clientID: String, clientSecret: String,
                tokenTTL: Duration = .seconds(900), commandLatency: Duration = .milliseconds(300),
                rateLimit: RateLimit? = nil, defaultPageSize: Int = 100, maxPageSize: Int = 1000) {
        self.init(host: host, port: port, clients: [clientID: clientSecret], tokenTTL: tokenTTL,
                  commandLatency: commandLatency, rateLimit: rateLimit, defaultPageSize: defaultPageSize,
                  maxPageSize: maxPageSize)
    }
}

/// A fixed-window rate limit over all authenticated requests (the token endpoint is not limited).
public struct RateLimit: Sendable, Hashable {
    public var requests: Int
    public var window: Duration
    public init(requests: Int, per window: Duration) {
        self.requests = requests
        self.window = window
    }
}

/// The stand-in's HTTPS identity: PEM files for the certificate chain and its private key.
public struct StandInTLS: Sendable, Hashable {
    public var certificateChainFile: String
    public var privateKeyFile: String
    public init(certificateChainFile: String, privateKeyFile: String) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
    }
}
