import FleetCore
import FleetSim
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// The stand-in for the INVERS REST API, over any `FleetBackend`: the token endpoint (client credentials, expiring
/// tokens), cursor-paged vehicles, one vehicle, and vehicle commands that answer with the new state after a
/// vehicle-like latency. Every answer carries `X-INVERS-Flow-ID`; errors are `application/problem+json`.
///
/// Tests start it in-process on an ephemeral port and steer it: inject faults, revoke tokens, count requests.
///
/// ```swift
/// let server = InversStandInServer(backend: StaticFleetBackend.numbered(10),
///                                  configuration: .init(clientID: "fleet#1", clientSecret: "s3cret"))
/// let running = try await server.start()        // running.baseURL == "http://127.0.0.1:54321"
/// server.inject(.telematicsUnitError, on: .command, times: 2)
/// …
/// await running.stop()
/// ```
/// `fleetsim` can do the same (`start()`, then `stop()` on SIGINT/SIGTERM), or call `run(onRunning:)` in a task of
/// its own and cancel that task to stop.
public struct InversStandInServer: Sendable {
    public let configuration: StandInConfiguration
    private let backend: any FleetBackend
    private let ledger = StandInLedger()
    private let logger: Logger

    public init(backend: any FleetBackend, configuration: StandInConfiguration,
                logger: Logger = InversStandInServer.quietLogger) {
        self.backend = backend
        self.configuration = configuration
        self.logger = logger
    }

    /// A logger that reports only problems of the server itself, not every start and request.
    public static var quietLogger: Logger {
        var logger = Logger(label: "fleetsim.rest")
        logger.logLevel = .warning
        return logger
    }

    // MARK: Running

    /// Serves until the calling task is cancelled. `onRunning` gets the listening channel once the server listens;
    /// closing that channel stops the server gracefully (`RunningStandIn.stop()` does).
    public func run(onRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) async throws {
        let address = ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port))
        if let tls = configuration.tls {
            let identity = try TLSConfiguration.makeServerConfiguration(
                certificateChain: NIOSSLCertificate.fromPEMFile(tls.certificateChainFile).map { .certificate($0) },
                privateKey: .privateKey(NIOSSLPrivateKey(file: tls.privateKeyFile, format: .pem)))
            try await Application(router: makeRouter(), server: .tls(.http1(), tlsConfiguration: identity),
                                  configuration: address, onServerRunning: onRunning, logger: logger).run()
        } else {
            try await Application(router: makeRouter(), configuration: address, onServerRunning: onRunning,
                                  logger: logger).run()
        }
    }

    /// Starts serving in the background and returns once the server listens (or throws if it cannot bind).
    public func start() async throws -> RunningStandIn {
        let (started, continuation) = AsyncStream<Result<any Channel, any Error>>.makeStream()
        let task = Task {
            do {
                try await run { channel in continuation.yield(.success(channel)) }
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await result in started {
            switch result {
            case .success(let channel):
                return RunningStandIn(scheme: configuration.tls == nil ? "http" : "https", host: configuration.host,
                                      port: channel.localAddress?.port ?? 0, listener: channel, task: task)
            case .failure(let error): throw error
            }
        }
        throw CancellationError()
    }

    // MARK: Steering (tests)

    /// Makes the next `times` requests to `route` misbehave as `fault` (queued after faults already injected).
    public func inject(_ fault: StandInFault, on route: StandInRoute = .command, times: Int = 1) {
        ledger.inject(fault, on: route, times: times)
    }

    /// Forgets every issued token, as if they had all expired: their next use answers 401 invalid-credentials.
    public func revokeAllTokens() { ledger.revokeAllTokens() }

    /// How many requests `route` received (every request counts, including those answered with an error).
    package func requestCount(_ route: StandInRoute) -> Int { ledger.requests(route) }

    /// How many responses had this HTTP status.
    package func responseCount(status: Int) -> Int { ledger.responses(status: status) }

    /// Zeroes the request and response counts.
    public func resetCounts() { ledger.resetCounts() }

    // MARK: Routes

    func makeRouter() -> Router<StandInRequestContext> {
        let router = Router(context: StandInRequestContext.self)
        router.add(middleware: FlowIDMiddleware(ledger: ledger))
        router.post("/auth/oauth/token") { request, context in try await self.token(request, context) }
        router.get("/vehicles") { request, context in try await self.vehicleList(request, context) }
        router.get("/vehicles/:id") { request, context in try await self.vehicle(request, context) }
        router.post("/vehicles/:id/commands/:command") { request, context in
            try await self.command(request, context)
        }
        return router
    }

    /// `POST /auth/oauth/token?grant_type=client_credentials` with HTTP Basic client credentials.
    private func token(_ request: Request, _ context: StandInRequestContext) async throws -> Response {
        var rawExpiresIn: String?
        if let fault = ledger.nextFault(on: .token) {
            if case .tokenExpiresIn(let raw) = fault {
                rawExpiresIn = raw
            } else if let early = try await show(fault) {
                return early
            }
        }
        var grantType = request.uri.queryParameters["grant_type"].map(String.init)
        if grantType == nil {
            // Standard OAuth clients send it as a form body instead.
            let body = try await request.body.collect(upTo: 4096)
            let form = String(buffer: body)
            for pair in form.split(separator: "&") where pair.hasPrefix("grant_type=") {
                grantType = BasicCredentials.formDecode(pair.dropFirst("grant_type=".count))
            }
        }
        guard grantType == "client_credentials" else {
            throw Problem.badRequest("grant_type must be client_credentials.")
        }
        guard let authorization = request.headers[.authorization] else {
            throw Problem.missingCredentials("The token request has no Authorization header with client credentials.")
        }
        guard let credentials = BasicCredentials(authorization: authorization) else {
            throw Problem.invalidCredentials("The Authorization header is not HTTP Basic client credentials.")
        }
        guard let secret = configuration.clients[credentials.clientID], secret == credentials.secret else {
            throw Problem.invalidCredentials("Unknown client or wrong secret.")
        }
        let token = ledger.issueToken(ttl: configuration.tokenTTL)
        let expiresIn = max(1, Int(configuration.tokenTTL.components.seconds))
        var body = StandInJSON.text(TokenAnswer(accessToken: token, expiresIn: rawExpiresIn == nil ? expiresIn : nil))
        if let rawExpiresIn {
            // JSONEncoder writes only valid numbers; the fault's point is a value it would never write.
            body = String(body.dropLast()) + ",\"expires_in\":" + rawExpiresIn + "}"
        }
        return json(body, headers: [.cacheControl: "no-store"])
    }

    /// `GET /vehicles?limit=N[&cursor=…]`: `{"items": […], "next_cursor": "…"}`, no `next_cursor` on the last page.
    private func vehicleList(_ request: Request, _ context: StandInRequestContext) async throws -> Response {
        if let early = try await admit(request, route: .vehicleList) { return early }
        let query = request.uri.queryParameters
        var limit = configuration.defaultPageSize
        if let text = query["limit"] {
            guard let n = Int(text), n > 0 else { throw Problem.badRequest("limit must be a positive whole number.") }
            limit = min(n, configuration.maxPageSize)
        }
        var offset = 0
        if let cursor = query["cursor"] {
            guard let o = Self.offset(fromCursor: String(cursor)) else {
                throw Problem.badRequest("The cursor is not one this API issued.")
            }
            offset = o
        }
        let all = await backend.vehicles()
        let page = all.dropFirst(offset).prefix(limit)
        let next = offset + page.count < all.count ? Self.cursor(forOffset: offset + page.count) : nil
        return json(StandInJSON.text(VehiclePageAnswer(vehicles: Array(page), nextCursor: next)))
    }

    /// `GET /vehicles/{id}`.
    private func vehicle(_ request: Request, _ context: StandInRequestContext) async throws -> Response {
        if let early = try await admit(request, route: .vehicle) { return early }
        let id = try context.parameters.require("id")
        guard let vehicle = await backend.vehicle(id: id) else { throw Self.unknownVehicle(id) }
        return json(VehicleJSON.resource(vehicle))
    }

    /// `POST /vehicles/{id}/commands/{command}`: 200 with the new vehicle state, after the vehicle's latency.
    private func command(_ request: Request, _ context: StandInRequestContext) async throws -> Response {
        if let early = try await admit(request, route: .command) { return early }
        let id = try context.parameters.require("id")
        let name = try context.parameters.require("command")
        guard let command = VehicleCommand(rawValue: name) else {
            throw Problem.notFound("There is no vehicle command '\(name)'.")
        }
        guard await backend.vehicle(id: id) != nil else { throw Self.unknownVehicle(id) }
        try await Task.sleep(for: configuration.commandLatency)
        switch await backend.execute(command, vehicleID: id, flowID: context.flowID) {
        case .done(let state): return json(VehicleJSON.state(state))
        case .unknownVehicle: throw Self.unknownVehicle(id)
        case .conflictingState(let detail): throw Problem.conflictingState(detail)
        case .notSupported:
            throw Problem.commandNotSupported("The vehicle '\(id)' does not support \(command.rawValue).")
        }
    }

    // MARK: Gates

    /// Authenticates the bearer token, applies the rate limit, then any injected fault. Returns an answer to send
    /// instead of the route's own, or nil to go on.
    private func admit(_ request: Request, route: StandInRoute) async throws -> Response? {
        guard let authorization = request.headers[.authorization] else {
            throw Problem.missingCredentials("The request has no Authorization header.")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.missingCredentials("The Authorization header is not a bearer token.")
        }
        guard ledger.isValid(token: String(parts[1])) else {
            throw Problem.invalidCredentials("The access token is unknown or has expired.")
        }
        if let limit = configuration.rateLimit, let wait = ledger.admit(under: limit) {
            throw Problem.tooManyRequests(retryAfterSeconds: wait)
        }
        return try await showFault(on: route)
    }

    /// Shows the next injected fault of `route`: throws its problem, answers a broken body, or waits and goes on.
    private func showFault(on route: StandInRoute) async throws -> Response? {
        guard let fault = ledger.nextFault(on: route) else { return nil }
        return try await show(fault)
    }

    private func show(_ fault: StandInFault) async throws -> Response? {
        switch fault {
        case .telematicsUnitError: throw Problem.telematicsUnitError()
        case .internalServerError: throw Problem.internalServerError()
        case .tooManyRequests(let seconds): throw Problem.tooManyRequests(retryAfterSeconds: seconds)
        case .invalidCredentials: throw Problem.invalidCredentials("The access token has been revoked.")
        case .delay(let duration):
            try await Task.sleep(for: duration)
            return nil
        case .malformedBody: return json("{\"items\": [ this is not JSON")
        case .tooManyRequestsWithHeaders(let retryAfter, let reset):
            throw Problem.tooManyRequests(retryAfter: retryAfter, rateLimitReset: reset)
        case .tokenExpiresIn: return nil  // only the token route acts on it
        }
    }

    // MARK: Helpers

    private func json(_ text: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func unknownVehicle(_ id: String) -> Problem {
        Problem.notFound("There is no vehicle '\(id)'.")
    }

    /// Cursors are opaque to clients; here `base64("cursor:<offset>")`, like the contract's sample `Y3Vyc29yOjE=`.
    static func cursor(forOffset offset: Int) -> String {
        Data("cursor:\(offset)".utf8).base64EncodedString()
    }

    static func offset(fromCursor cursor: String) -> Int? {
        // A `+` that arrived unescaped in the query reads as a space.
        guard let data = Data(base64Encoded: cursor.replacingOccurrences(of: " ", with: "+")),
              let text = String(data: data, encoding: .utf8), text.hasPrefix("cursor:"),
              let offset = Int(text.dropFirst("cursor:".count)), offset >= 0
        else { return nil }
        return offset
    }
}

/// A stand-in server running in the background.
public struct RunningStandIn: Sendable {
    /// `http`, or `https` when configured with TLS.
    public let scheme: String
    public let host: String
    /// The port it listens on (the system's pick when configured with port 0).
    public let port: Int
    let listener: any Channel
    let task: Task<Void, Never>

    /// `http://127.0.0.1:<port>`: the API base URL to give a client.
    public var baseURL: String { "\(scheme)://\(host):\(port)" }

    /// Stops listening, lets requests in progress finish for up to `grace`, then cancels what is left, and
    /// returns once the server is down.
    public func stop(grace: Duration = .seconds(2)) async {
        try? await listener.close()
        let task = self.task
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await task.value }
            group.addTask {
                try? await Task.sleep(for: grace)
                task.cancel()
            }
            await group.next()
            group.cancelAll()
        }
        await task.value
    }
}
