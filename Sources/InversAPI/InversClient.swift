import AsyncHTTPClient
import FleetCore
import Foundation
import InversAnswers
import Logging
import NIOCore
import NIOSSL

/// The INVERS REST client: OAuth 2.0 client credentials, the vehicle snapshot, and vehicle commands.
///
/// - Tokens are cached until shortly before they expire; concurrent callers share one renewal; a 401
///   `invalid-credentials` renews the token once and retries once.
/// - A 429 is retried once when `Retry-After` is short. A command is never resent after a timeout or a 5xx: the
///   vehicle may have acted.
/// - HTTPS always verifies certificates (system CAs plus `tlsCAFile`). Plain HTTP is taken only from an `http://`
///   URL; to a host other than loopback it comes with a warning in `warnings`.
/// - The secret and tokens never reach a log or an error message.
///
/// Call `shutdown()` when done: the HTTP client behind it holds connections and threads.
public final class InversClient: VehicleCommands {
    public let configuration: InversClientConfiguration
    /// Warnings for the user about this setup (plain HTTP to another machine), to print once.
    public let warnings: [String]

    private let http: HTTPClient
    private let api: APIEndpoint
    private let tokenURL: String
    private let tokens: TokenCache
    private let logger: Logger

    public init(configuration: InversClientConfiguration, logger: Logger = Logger(label: "fleetwatch.invers"))
        throws(InversSetupError) {
        let api: APIEndpoint
        let tokenEndpoint: APIEndpoint?
        do {
            api = try APIEndpoint(configuration.apiURL)
            tokenEndpoint = try configuration.tokenURL.map { (url) throws(InvalidAPIURL) in try APIEndpoint(url) }
        } catch {
            throw .invalidURL(error.url, reason: error.reason)
        }
        var tls = TLSConfiguration.makeClientConfiguration()  // system trust roots, full verification
        if let path = configuration.tlsCAFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                throw .unusableCAFile(path: path, reason: "not a readable PEM certificate bundle (\(error))")
            }
            guard !certificates.isEmpty else { throw .unusableCAFile(path: path, reason: "it holds no certificate") }
            tls.additionalTrustRoots = [.certificates(certificates)]
        }
        self.configuration = configuration
        self.api = api
        self.tokenURL = tokenEndpoint?.url([], query: [("grant_type", "client_credentials")])
            ?? api.url(["auth", "oauth", "token"], query: [("grant_type", "client_credentials")])
        self.warnings = [api.plainHTTPWarning, tokenEndpoint?.plainHTTPWarning].compactMap { $0 }
        self.logger = logger
        var httpConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            // A redirect would carry the bearer token to wherever it points.
            redirectConfiguration: .disallow,
            timeout: .init(connect: configuration.connectTimeout.timeAmount, read: nil),
            decompression: .disabled)
        // A refused connection is reported at once rather than retried until the connect timeout: the user
        // (or the dashboard's status line) learns the API is unreachable in milliseconds, not seconds.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        self.http = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: httpConfiguration,
)
        let http = self.http
        let tokenURL = self.tokenURL
        let credentials = configuration.credentials
        let timeout = configuration.requestTimeout
        let margin = configuration.tokenRefreshMargin
        self.tokens = TokenCache {
            await Self.requestToken(http: http, url: tokenURL, credentials: credentials, timeout: timeout,
                                    margin: margin, logger: logger)
        }
    }

    /// What was wrong with the API's answers so far and was worked around (a token's `expires_in` out of bounds,
    /// taken as the default or a day), for the user to hear about once. A 429's rate-limit headers are reported in
    /// its `CommandFailure` instead.
    public func answerWarnings() async -> [String] {
        await tokens.notes.map { "INVERS token answer: \($0)" }
    }

    /// Closes connections and stops the HTTP client. Call it when done; waiting for it is the clean way out.
    public func shutdown() async {
        try? await http.shutdown()
    }

    deinit {
        // A safety net for a caller that forgot `shutdown()`: AsyncHTTPClient traps when a client that was not
        // shut down is released. A second shutdown only reports `alreadyShutdown`, which is ignored.
        http.shutdown { _ in }
    }

    // MARK: VehicleCommands

    /// Sends `command` to the vehicle and returns its new state. Throws a `CommandFailure` with the status,
    /// problem type, title and flow id; `.refused` in read-only mode for a command that changes the vehicle.
    public func send(_ command: VehicleCommand, to vehicleID: String) async throws(CommandFailure) -> CommandResult {
        // Defence in depth: the dashboard and `lock`/`unlock` refuse before they get here.
        guard ReadOnlyMode.permits(command, readOnly: configuration.readOnly) else {
            throw CommandFailure(kind: .refused, title: ReadOnlyMode.refusal(command))
        }
        let url = api.url(["vehicles", vehicleID, "commands", command.rawValue])
        return try await call(.post, url, timeout: configuration.commandTimeout).commandState()
    }

    /// Every vehicle of the fleet, following `next_cursor` through every page. A vehicle whose entry cannot be
    /// read is skipped with a warning in the log rather than failing the whole snapshot.
    public func allVehicles() async throws(CommandFailure) -> [VehicleResource] {
        var vehicles: [VehicleResource] = []
        var cursor: String?
        var seenCursors: Set<String> = []
        repeat {
            var query = [("limit", String(configuration.pageSize))]
            if let cursor { query.append(("cursor", cursor)) }
            let answer = try await call(.get, api.url(["vehicles"], query: query), timeout: configuration.requestTimeout)
            let page = try answer.vehiclePage()
            vehicles += page.vehicles
            for reason in page.skipped { logger.warning("skipped \(reason)") }
            cursor = page.nextCursor
            if let next = cursor, !seenCursors.insert(next).inserted {
                throw answer.badResponse("The vehicle list repeats a cursor: paging would never end")
            }
        } while cursor != nil
        return vehicles
    }

    /// One vehicle (`GET /vehicles/{id}`).
    public func vehicle(id: String) async throws(CommandFailure) -> VehicleResource {
        try await call(.get, api.url(["vehicles", id]), timeout: configuration.requestTimeout).vehicleResource()
    }

    // MARK: Requests

    /// The HTTP methods the API uses.
    private enum Verb { case get, post }

    /// An authorised request, with the contract's two permitted repeats: after a 401 `invalid-credentials` (with a
    /// renewed token) and after a short 429. Neither was executed by the API, so neither repeat can act twice.
    private func call(_ method: Verb, _ url: String, timeout: Duration) async throws(CommandFailure) -> APIAnswer {
        var renewedToken = false
        var waitedForRateLimit = false
        while true {
            let token = try await tokens.token()
            var request = HTTPClientRequest(url: url)
            request.method = method == .post ? .POST : .GET
            request.headers.add(name: "Authorization", value: "Bearer " + token.value.value)
            request.headers.add(name: "Accept", value: "application/json")
            let answer = try await Self.exchange(http, request, timeout: timeout, logger: logger)

            if answer.status == 401, answer.problemType == "/problems/invalid-credentials", !renewedToken {
                renewedToken = true
                await tokens.invalidate(token)
                continue
            }
            if answer.status == 429 {
                let wait = answer.rateLimitWait(now: Date().timeIntervalSince1970)
                // Debug only: the notes reach the user in the failure (or are moot once a retry succeeds).
                for note in wait.notes { logger.debug("rate limited: \(note)") }
                if !waitedForRateLimit, let duration = wait.duration, duration <= configuration.maxRetryAfterWait {
                    waitedForRateLimit = true
                    logger.debug("rate limited: retrying once after \(duration)")
                    do {
                        try await Task.sleep(for: duration)
                    } catch {
                        throw answer.failure()
                    }
                    continue
                }
                throw answer.rateLimitFailure(wait)
            }
            guard answer.isSuccess else { throw answer.failure() }
            return answer
        }
    }

    /// Asks the token endpoint for a token with the client credentials (HTTP Basic, RFC 6749 §2.3.1).
    private static func requestToken(http: HTTPClient, url: String, credentials: ClientCredentials,
                                     timeout: Duration, margin: Duration, logger: Logger) async
        -> Result<AccessToken, CommandFailure> {
        let started = ContinuousClock.now
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: credentials.basicAuthorization.value)
        request.headers.add(name: "Accept", value: "application/json")
        do {
            let answer = try await exchange(http, request, timeout: timeout, logger: logger)
            let grant = try answer.token()
            // Debug only: the user hears of it once through `answerWarnings()`.
            if let note = grant.note { logger.debug("token answer: \(note)") }
            let renewAt = started.advanced(by: grant.lifetime - min(margin, grant.lifetime / 2))
            logger.debug("got an access token for \(grant.lifetime)")
            return .success(AccessToken(value: grant.accessToken, renewAt: renewAt, note: grant.note))
        } catch {
            return .failure(error)
        }
    }

    /// Sends one request and reads the whole answer. Transport failures become `CommandFailure`s: a timeout is
    /// `.timeout` (the request may have been acted on), anything else `.transport`.
    private static func exchange(_ http: HTTPClient, _ request: HTTPClientRequest, timeout: Duration,
                                 logger: Logger) async throws(CommandFailure) -> APIAnswer {
        let path = Self.pathForLog(request.url)
        do {
            let response = try await http.execute(request, timeout: timeout.timeAmount)
            let body = try await response.body.collect(upTo: 4 << 20)
            let flowID = response.headers.first(name: "X-INVERS-Flow-ID")
            logger.debug("\(request.method.rawValue) \(path) → \(response.status.code) (flow \(flowID ?? "-"))")
            return APIAnswer(
                status: Int(response.status.code), reasonPhrase: response.status.reasonPhrase, flowID: flowID,
                retryAfter: response.headers.first(name: "Retry-After"),
                rateLimitReset: response.headers.first(name: "X-Rate-Limit-Reset"),
                body: Array(body.readableBytesView))
        } catch let error as HTTPClientError
                    where error == .deadlineExceeded || error == .readTimeout || error == .writeTimeout {
            logger.debug("\(request.method.rawValue) \(path): timed out")
            throw CommandFailure(kind: .timeout, title: "No answer within \(timeout): the outcome is unknown")
        } catch let error as HTTPClientError where error == .remoteConnectionClosed {
            // The request may have been received and acted on before the connection went away.
            throw CommandFailure(kind: .timeout, title: "The connection closed before an answer: the outcome is unknown")
        } catch is CancellationError {
            throw CommandFailure(kind: .transport, title: "The request was cancelled")
        } catch {
            logger.debug("\(request.method.rawValue) \(path): \(error)")
            throw CommandFailure(kind: .transport,
                                 title: SafeText.sanitize("Cannot reach \(Self.origin(request.url)): \(error)"))
        }
    }

    /// `scheme://host:port` of a URL: where a request went, without path or query.
    private static func origin(_ url: String) -> String {
        guard let u = URL(string: url), let scheme = u.scheme, let host = u.host else { return "the API" }
        return "\(scheme)://\(host)" + (u.port.map { ":\($0)" } ?? "")
    }

    /// The path of a URL without its query (which holds nothing secret, but keeps logs short).
    private static func pathForLog(_ url: String) -> String {
        URL(string: url).map { $0.path } ?? "?"
    }
}

extension Duration {
    /// The same span as NIO's `TimeAmount`.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
