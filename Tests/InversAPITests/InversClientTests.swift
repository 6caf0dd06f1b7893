import FleetCore
import FleetSim
import FleetSimREST
import Foundation
import InversAPI
import Logging
import Synchronization
import TestSupport
import Testing

/// The INVERS REST client against the stand-in over real HTTP: tokens, commands, problems, retries, snapshot.
@Suite struct InversClientTests {
    // MARK: Tokens

    @Test func oneTokenServesAHundredConcurrentCommands() async throws {
        let backend = StaticFleetBackend.numbered(100)
        try await ClientHarness.with(backend: backend, server: { $0.commandLatency = .milliseconds(20) }) { h in
            let results = try await withThrowingTaskGroup(of: CommandResult.self) { group in
                for i in 0..<100 {
                    let id = "V" + String(repeating: "0", count: 4 - String(i).count) + String(i)
                    group.addTask { try await h.client.send(.lockCentralLock, to: id) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count == 100)
            #expect(results.allSatisfy { $0.state.centralLock?.value == .locked && $0.flowID != nil })
            #expect(Set(results.compactMap(\.flowID)).count == 100)
            #expect(h.server.requestCount(.token) == 1)
            #expect(h.server.requestCount(.command) == 100)
            #expect(backend.executedCommands.count == 100)
        }
    }

    @Test func tokenIsRenewedBeforeItExpires() async throws {
        // A 4 s token is renewed after half its life (the margin is capped at half), so no request ever carries
        // an expired one; 2 s of slack keep that true on a loaded machine.
        try await ClientHarness.with(server: { $0.tokenTTL = .seconds(4) }) { h in
            _ = try await h.client.send(.requestVehicleState, to: "V0001")
            #expect(h.server.requestCount(.token) == 1)
            let renewed = try await eventually(timeout: .seconds(10)) {
                _ = try await h.client.send(.requestVehicleState, to: "V0001")
                return h.server.requestCount(.token) >= 2
            }
            #expect(renewed)
            #expect(h.server.responseCount(status: 401) == 0)
        }
    }

    @Test func refusedTokenLeadsToExactlyOneRenewalAndOneRetry() async throws {
        try await ClientHarness.with { h in
            _ = try await h.client.send(.lockCentralLock, to: "V0001")
            h.server.revokeAllTokens()  // the cached token is now refused, as an expired one would be
            let result = try await h.client.send(.unlockCentralLock, to: "V0001")
            #expect(result.state.centralLock?.value == .unlocked)
            #expect(h.server.requestCount(.token) == 2)
            #expect(h.server.requestCount(.command) == 3)
            #expect(h.server.responseCount(status: 401) == 1)
        }
    }

    @Test func concurrentRefusalsShareOneRenewal() async throws {
        try await ClientHarness.with(server: { $0.commandLatency = .milliseconds(20) }) { h in
            _ = try await h.client.send(.requestVehicleState, to: "V0001")
            h.server.revokeAllTokens()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<10 { group.addTask { _ = try await h.client.send(.lockCentralLock, to: "V000\(i)") } }
                try await group.waitForAll()
            }
            #expect(h.server.requestCount(.token) == 2)
            #expect(h.server.requestCount(.command) == 1 + 10 + 10)
        }
    }

    @Test func secondRefusalIsATypedErrorAfterOneRetry() async throws {
        try await ClientHarness.with { h in
            h.server.inject(.invalidCredentials, on: .command, times: 2)
            let error = try #require(await failure { try await h.client.send(.lockCentralLock, to: "V0001") })
            #expect(error.kind == .problem)
            #expect(error.status == 401)
            #expect(error.problemType == "/problems/invalid-credentials")
            #expect(error.flowID != nil)
            #expect(h.server.requestCount(.command) == 2)
            #expect(h.server.requestCount(.token) == 2)
        }
    }

    @Test func wrongSecretIsATypedTokenError() async throws {
        try await ClientHarness.with(client: {
            $0.credentials = ClientCredentials(clientID: ClientHarness.clientID, secret: Secret("wrong-secret"))
        }) { h in
            let error = try #require(await failure { try await h.client.send(.lockCentralLock, to: "V0001") })
            #expect(error.kind == .problem)
            #expect(error.status == 401)
            #expect(error.problemType == "/problems/invalid-credentials")
            #expect(error.title.hasPrefix("Token request failed"))
            #expect(error.flowID != nil)
            #expect(h.server.requestCount(.command) == 0)
            #expect(h.server.requestCount(.token) == 1)
        }
    }

    @Test func brokenSlowOrFailingTokenEndpointGivesTypedErrorsAndNoCommand() async throws {
        // 1.5 s: ample for a token on a loaded machine, well short of the 3 s delay injected below.
        try await ClientHarness.with(client: { $0.requestTimeout = .milliseconds(1500) }) { h in
            h.server.inject(.malformedBody, on: .token)
            let malformed = await failure { try await h.client.send(.lockCentralLock, to: "V0001") }
            #expect(malformed?.kind == .badResponse)
            h.server.inject(.internalServerError, on: .token)
            let failed = await failure { try await h.client.send(.lockCentralLock, to: "V0001") }
            #expect(failed?.kind == .problem)
            #expect(failed?.status == 500)
            #expect(failed?.title.hasPrefix("Token request failed") == true)
            h.server.inject(.delay(.seconds(3)), on: .token)
            let slow = await failure { try await h.client.send(.lockCentralLock, to: "V0001") }
            #expect(slow?.kind == .timeout)
            #expect(h.server.requestCount(.command) == 0)
            // The failures were not cached: the next call gets a token and goes through.
            _ = try await h.client.send(.lockCentralLock, to: "V0001")
            #expect(h.server.requestCount(.command) == 1)
        }
    }

    @Test func explicitTokenURLIsUsed() async throws {
        try await ClientHarness.with(client: { $0.apiURL += "/" }) { h in
            // A trailing slash on the base does not produce `//vehicles`.
            _ = try await h.client.allVehicles()
            #expect(h.server.requestCount(.vehicleList) == 1)
        }
        let server = InversStandInServer(backend: StaticFleetBackend.numbered(1),
                                         configuration: StandInConfiguration(clientID: "a", clientSecret: "b"))
        let running = try await server.start()
        let client = try InversClient(configuration: InversClientConfiguration(
            apiURL: "http://127.0.0.1:1", tokenURL: running.baseURL + "/auth/oauth/token",
            credentials: ClientCredentials(clientID: "a", secret: Secret("b")), connectTimeout: .seconds(2)))
        let error = await failure { try await client.allVehicles() }
        #expect(error?.kind == .transport)  // the token came from the token URL, the API itself is unreachable
        #expect(server.requestCount(.token) == 1)
        await client.shutdown()
        await running.stop()
    }

    // MARK: Commands

    @Test func commandReturnsTheNewStateAndFlowID() async throws {
        let backend = StaticFleetBackend.numbered(3)
        try await ClientHarness.with(backend: backend) { h in
            let result = try await h.client.send(.lockCentralLock, to: "V0002")
            #expect(result.httpStatus == 200)
            #expect(result.state.centralLock?.value == .locked)
            #expect(result.flowID == backend.executedCommands.last?.flowID)
            let state = try await h.client.send(.requestVehicleState, to: "V0002")
            #expect(state.state.centralLock?.value == .locked)
        }
    }

    @Test func conflictIsATypedProblemSentOnce() async throws {
        try await ClientHarness.with(backend: StaticFleetBackend.numbered(3, moving: ["V0001"])) { h in
            let error = try #require(await failure { try await h.client.send(.unlockCentralLock, to: "V0001") })
            #expect(error.kind == .problem)
            #expect(error.status == 409)
            #expect(error.problemType == "/problems/vehicle/conflicting-state")
            #expect(error.title == "The command cannot be executed due to the current state of the vehicle.")
            #expect(error.detail?.contains("moving") == true)
            #expect(error.flowID != nil)
            #expect(error.description.contains("409"))
            #expect(error.description.contains(error.flowID!))
            #expect(h.server.requestCount(.command) == 1)
        }
    }

    @Test func unsupportedCommandAndUnknownVehicleAreTypedProblems() async throws {
        let backend = StaticFleetBackend(vehicles: [VehicleResource(id: "K2M9X", commands: ["LOCK_CENTRAL_LOCK"])])
        try await ClientHarness.with(backend: backend) { h in
            let unsupported = await failure { try await h.client.send(.unlockCentralLock, to: "K2M9X") }
            #expect(unsupported?.problemType == "/problems/vehicle/command-not-supported")
            #expect(unsupported?.status == 409)
            let unknown = await failure { try await h.client.send(.lockCentralLock, to: "NOPE1") }
            #expect(unknown?.status == 404)
            #expect(unknown?.kind == .problem)
            let oddID = await failure { try await h.client.send(.lockCentralLock, to: "../../auth/oauth/token") }
            #expect(oddID?.status == 404)  // the id stays one path segment
            #expect(h.server.requestCount(.command) == 3)
        }
    }

    @Test func shortRateLimitIsWaitedForAndRetriedOnce() async throws {
        try await ClientHarness.with { h in
            h.server.inject(.tooManyRequests(retryAfterSeconds: 1), on: .command)
            let result = try await h.client.send(.lockCentralLock, to: "V0001")
            #expect(result.state.centralLock?.value == .locked)
            #expect(h.server.requestCount(.command) == 2)
        }
    }

    @Test func secondRateLimitIsATypedError() async throws {
        try await ClientHarness.with { h in
            h.server.inject(.tooManyRequests(retryAfterSeconds: 0), on: .command, times: 2)
            let error = try #require(await failure { try await h.client.send(.lockCentralLock, to: "V0001") })
            #expect(error.status == 429)
            #expect(error.problemType == "/problems/too-many-requests")
            #expect(error.flowID != nil)
            #expect(h.server.requestCount(.command) == 2)
        }
    }

    @Test func longRateLimitIsNotWaitedFor() async throws {
        try await ClientHarness.with { h in
            h.server.inject(.tooManyRequests(retryAfterSeconds: 120), on: .command)
            let error = try #require(await failure { try await h.client.send(.lockCentralLock, to: "V0001") })
            #expect(error.status == 429)
            #expect(h.server.requestCount(.command) == 1)
        }
    }

    @Test func serverErrorIsATypedProblemAndNeverResent() async throws {
        let backend = StaticFleetBackend.numbered(3)
        try await ClientHarness.with(backend: backend) { h in
            h.server.inject(.telematicsUnitError, on: .command)
            let error = try #require(await failure { try await h.client.send(.lockCentralLock, to: "V0001") })
            #expect(error.kind == .problem)
            #expect(error.status == 500)
            #expect(error.problemType == "/problems/telematics-unit/error")
            #expect(error.flowID != nil)
            #expect(h.server.requestCount(.command) == 1)
            h.server.inject(.internalServerError, on: .command)
            let other = await failure { try await h.client.send(.unlockCentralLock, to: "V0001") }
            #expect(other?.problemType == "/problems/internal-server-error")
            #expect(h.server.requestCount(.command) == 2)
            #expect(backend.executedCommands.isEmpty)
        }
    }

    @Test func timedOutCommandIsNotResent() async throws {
        let backend = StaticFleetBackend.numbered(3)
        try await ClientHarness.with(backend: backend, client: { $0.commandTimeout = .milliseconds(250) }) { h in
            h.server.inject(.delay(.milliseconds(800)), on: .command)
            let error = try #require(await failure { try await h.client.send(.lockCentralLock, to: "V0001") })
            #expect(error.kind == .timeout)
            // The vehicle acts after the client gave up; the client must not have sent it a second time.
            #expect(await eventually { backend.executedCommands.count == 1 })
            #expect(h.server.requestCount(.command) == 1)
        }
    }

    /// Read-only sends a vehicle nothing, a refresh included (see `ReadOnlyMode`); the vehicle list is still read.
    @Test func readOnlyRefusesEveryCommandWithoutARequest() async throws {
        try await ClientHarness.with(client: { $0.readOnly = true }) { h in
            let error = await failure { try await h.client.send(.unlockCentralLock, to: "V0001") }
            #expect(error?.kind == .refused)
            let refresh = await failure { try await h.client.send(.requestVehicleState, to: "V0001") }
            #expect(refresh?.kind == .refused)
            #expect(h.server.requestCount(.command) == 0)
            #expect(h.server.requestCount(.token) == 0)
            _ = try await h.client.allVehicles()
        }
    }

    @Test func malformedAnswerIsABadResponse() async throws {
        try await ClientHarness.with { h in
            h.server.inject(.malformedBody, on: .command)
            let error = await failure { try await h.client.send(.lockCentralLock, to: "V0001") }
            #expect(error?.kind == .badResponse)
            #expect(error?.flowID != nil)
        }
    }

    @Test func clientReleasedWithoutShutdownDoesNotTrap() async throws {
        try await ClientHarness.with { h in
            var client: InversClient? = try InversClient(configuration: h.configuration)
            _ = try await client?.send(.lockCentralLock, to: "V0001")
            client = nil  // forgot shutdown(): must not take the process down
            #expect(client == nil)
            #expect(h.server.requestCount(.command) == 1)
        }
    }

    @Test func unreachableAPIIsATransportFailure() async throws {
        let client = try InversClient(configuration: InversClientConfiguration(
            apiURL: "http://127.0.0.1:1", credentials: ClientCredentials(clientID: "a", secret: Secret("b")),
            connectTimeout: .seconds(2)))
        let error = await failure { try await client.send(.lockCentralLock, to: "V0001") }
        #expect(error?.kind == .transport)
        await client.shutdown()
    }

    // MARK: Snapshot

    @Test func snapshotFollowsTheCursorThroughEveryPage() async throws {
        let backend = StaticFleetBackend.numbered(250)
        try await ClientHarness.with(backend: backend, client: { $0.pageSize = 60 }) { h in
            let vehicles = try await h.client.allVehicles()
            #expect(vehicles.map(\.id) == (await backend.vehicles()).map(\.id))
            #expect(vehicles.first?.masterData?.licensePlate == "B-FW 0")
            #expect(h.server.requestCount(.vehicleList) == 5)
            #expect(h.server.requestCount(.token) == 1)
        }
    }

    @Test func snapshotIsCompleteWhenTheServerClampsThePageSize() async throws {
        try await ClientHarness.with(backend: StaticFleetBackend.numbered(95), server: { $0.maxPageSize = 20 },
                                     client: { $0.pageSize = 1000 }) { h in
            let vehicles = try await h.client.allVehicles()
            #expect(vehicles.count == 95)
            #expect(h.server.requestCount(.vehicleList) == 5)
        }
    }

    @Test func snapshotOfAnEmptyFleetIsEmpty() async throws {
        try await ClientHarness.with(backend: StaticFleetBackend(vehicles: [])) { h in
            let vehicles = try await h.client.allVehicles()
            #expect(vehicles.isEmpty)
            #expect(h.server.requestCount(.vehicleList) == 1)
        }
    }

    @Test func brokenPageIsABadResponse() async throws {
        try await ClientHarness.with(backend: StaticFleetBackend.numbered(30), client: { $0.pageSize = 10 }) { h in
            h.server.inject(.delay(.zero), on: .vehicleList)
            h.server.inject(.malformedBody, on: .vehicleList)
            let error = await failure { try await h.client.allVehicles() }
            #expect(error?.kind == .badResponse)
            #expect(h.server.requestCount(.vehicleList) == 2)
        }
    }

    @Test func oneVehicleIsRead() async throws {
        try await ClientHarness.with { h in
            let vehicle = try await h.client.vehicle(id: "V0003")
            #expect(vehicle.id == "V0003")
            #expect(vehicle.commands?.contains("LOCK_CENTRAL_LOCK") == true)
        }
    }
}

/// The secret and the tokens stay out of every log line, error and description.
@Suite struct SecretHandlingTests {
    @Test func secretAndTokenAppearInNoLogAndNoError() async throws {
        let lines = LogCapture()
        var logger = Logger(label: "test.secrets") { _ in lines }
        logger.logLevel = .trace
        let issued = Mutex<[String]>([])
        try await ClientHarness.with(logger: logger) { h in
            _ = try await h.client.send(.lockCentralLock, to: "V0001")
            h.server.revokeAllTokens()
            _ = try await h.client.allVehicles()
            h.server.inject(.telematicsUnitError, on: .command)
            let error = await failure { try await h.client.send(.lockCentralLock, to: "V0001") }
            issued.withLock { $0.append(String(describing: error)) }
            issued.withLock { $0.append("\(h.configuration.credentials) \(h.configuration)") }
        }
        let everything = lines.text + issued.withLock { $0.joined(separator: "\n") }
        #expect(!lines.text.isEmpty)  // the client did log (at debug), so the check below means something
        #expect(!everything.contains(ClientHarness.clientSecret))
        #expect(!everything.contains("Bearer"))
        #expect(!everything.contains("Basic "))
    }

    @Test func wrongSecretErrorDoesNotQuoteIt() async throws {
        let lines = LogCapture()
        var logger = Logger(label: "test.secrets") { _ in lines }
        logger.logLevel = .trace
        try await ClientHarness.with(client: {
            $0.credentials = ClientCredentials(clientID: "EXFL29#dashboard", secret: Secret("hunter2-wrong"))
        }, logger: logger) { h in
            let error = await failure { try await h.client.allVehicles() }
            #expect(error?.status == 401)
            #expect(!String(describing: error).contains("hunter2"))
            #expect(!lines.text.contains("hunter2"))
        }
    }

    @Test func credentialsDescribeThemselvesWithoutTheSecret() {
        let credentials = ClientCredentials(clientID: "EXFL29#x", secret: Secret("top-secret"))
        #expect("\(credentials)" == "EXFL29#x:***")
        #expect(!String(reflecting: credentials).contains("top-secret"))
        #expect("\(Secret("top-secret"))" == "***")
        var dumped = ""
        dump(credentials, to: &dumped)
        #expect(!dumped.contains("top-secret"))
    }
}

/// A log handler that keeps every message and its metadata, for checking what was logged.
final class LogCapture: LogHandler, Sendable {
    private let store = Mutex<[String]>([])
    var text: String { store.withLock { $0.joined(separator: "\n") } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        store.withLock { $0.append("\(event.level) \(event.message) \(event.metadata ?? [:])") }
    }
}
