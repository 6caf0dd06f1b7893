import FleetCore
import InversAnswers

/// What the INVERS REST client needs: where the API is, who it is, whom to trust, and how patient to be.
/// Plain values, so that `FleetConfig`'s settings, tests and the demo can all build one.
public struct InversClientConfiguration: Sendable {
    /// The REST base, `https://api.invers.com` by default. `http://` is the user asking for plain HTTP: silent
    /// for loopback (the stand-in), accepted with a warning for any other host.
    public var apiURL: String
    /// The token endpoint; nil means `<apiURL>/auth/oauth/token`.
    public var tokenURL: String?
    public var credentials: ClientCredentials
    /// An extra CA bundle (PEM) trusted for HTTPS in addition to the system's CAs.
    public var tlsCAFile: String?
    /// How long a command may take: a real vehicle can need tens of seconds. A command that times out is not
    /// resent (it may have run).
    public var commandTimeout: Duration
    /// How long a token or vehicle-list request may take.
    public var requestTimeout: Duration
    /// How long establishing a connection may take.
    public var connectTimeout: Duration
    /// A 429 is retried once when its `Retry-After` is at most this long; otherwise it is reported.
    public var maxRetryAfterWait: Duration
    /// Vehicles asked for per page of `GET /vehicles`.
    public var pageSize: Int
    /// A token is renewed this long before it expires (at most half its lifetime), so that no request carries a
    /// token that expires in flight.
    public var tokenRefreshMargin: Duration
    /// Refuse every command that changes a vehicle, without a request (`--read-only`).
    public var readOnly: Bool

    public init(apiURL: String = "https://api.invers.com", tokenURL: String? = nil, credentials: ClientCredentials,
                tlsCAFile: String? = nil, commandTimeout: Duration = .seconds(60),
                requestTimeout: Duration = .seconds(20), connectTimeout: Duration = .seconds(10),
                maxRetryAfterWait: Duration = .seconds(5), pageSize: Int = 100,
                tokenRefreshMargin: Duration = .seconds(60), readOnly: Bool = false) {
        self.apiURL = apiURL
        self.tokenURL = tokenURL
        self.credentials = credentials
        self.tlsCAFile = tlsCAFile
        self.commandTimeout = commandTimeout
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.maxRetryAfterWait = maxRetryAfterWait
        self.pageSize = pageSize
        self.tokenRefreshMargin = tokenRefreshMargin
        self.readOnly = readOnly
    }
}

/// Why an `InversClient` could not be set up: a URL or a CA file that cannot be used. The URL is shown
/// redacted (`redactedURL`): a mistyped one may hold a password or a token.
public enum InversSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidURL(String, reason: String)
    case unusableCAFile(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidURL(url, reason): InvalidAPIURL(url, reason: reason).description
        case let .unusableCAFile(path, reason): "the CA file \(SafeText.sanitize(path)) cannot be used: \(reason)"
        }
    }
}
