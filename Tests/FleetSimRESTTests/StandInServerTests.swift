import AsyncHTTPClient
import FleetCore
import FleetSim
import FleetSimREST
import Foundation
import TestSupport
import Testing

/// The stand-in's REST server, over real HTTP on loopback: every route and every problem the contract lists.
@Suite struct StandInServerTests {
    // MARK: Token

    @Test func tokenIsIssuedForAClientIDWithHashSentPercentEncoded() async throws {
        try await StandInHarness.with { h in
            let answer = try await h.send(.POST, "/auth/oauth/token?grant_type=client_credentials",
                                          authorization: StandInHarness.basic(StandInHarness.clientID,
                                                                              StandInHarness.clientSecret))
            #expect(answer.status == 200)
            #expect(answer.contentType == "application/json")
            #expect(answer.json?["token_type"]?.string == "bearer")
            #expect(answer.json?["expires_in"]?.int == 900)
            #expect((answer.json?["access_token"]?.string?.count ?? 0) >= 32)
            #expect(answer.flowID != nil)
            #expect(h.server.requestCount(.token) == 1)
        }
    }

    @Test func tokenLifetimeIsConfigurable() async throws {
        try await StandInHarness.with(configure: { $0.tokenTTL = .seconds(42) }) { h in
            let answer = try await h.send(.POST, "/auth/oauth/token?grant_type=client_credentials",
                                          authorization: StandInHarness.basic(StandInHarness.clientID,
                                                                              StandInHarness.clientSecret))
            #expect(answer.json?["expires_in"]?.int == 42)
        }
    }

    @Test func tokenRequestWithoutCredentialsIsMissingCredentials() async throws {
        try await StandInHarness.with { h in
            let answer = try await h.send(.POST, "/auth/oauth/token?grant_type=client_credentials")
            #expect(answer.status == 401)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.problemType == "/problems/missing-credentials")
            #expect(answer.json?["status"]?.int == 401)
            #expect(answer.json?["title"]?.string != nil)
            #expect(answer.json?["flow_id"]?.string == answer.flowID)
        }
    }

    @Test func tokenRequestWithWrongSecretOrUnencodedIDIsInvalidCredentials() async throws {
        try await StandInHarness.with { h in
            let wrong = try await h.send(.POST, "/auth/oauth/token?grant_type=client_credentials",
                                         authorization: StandInHarness.basic(StandInHarness.clientID, "nope"))
            #expect(wrong.status == 401)
            #expect(wrong.problemType == "/problems/invalid-credentials")
            // The raw id with `#` but a secret whose `%` and `+` are not encoded decodes to something else.
            let raw = "Basic " + Data("\(StandInHarness.clientID):\(StandInHarness.clientSecret)".utf8)
                .base64EncodedString()
            let unencoded = try await h.send(.POST, "/auth/oauth/token?grant_type=client_credentials",
                                             authorization: raw)
            #expect(unencoded.status == 401)
            let garbage = try await h.send(.POST, "/auth/oauth/token?grant_type=client_credentials",
                                           authorization: "Basic !!!")
            #expect(garbage.problemType == "/problems/invalid-credentials")
        }
    }

    @Test func tokenRequestWithoutClientCredentialsGrantIsBadRequest() async throws {
        try await StandInHarness.with { h in
            let answer = try await h.send(.POST, "/auth/oauth/token",
                                          authorization: StandInHarness.basic(StandInHarness.clientID,
                                                                              StandInHarness.clientSecret))
            #expect(answer.status == 400)
            #expect(answer.contentType == "application/problem+json")
        }
    }

    // MARK: Bearer tokens

    @Test func requestsWithoutOrWithUnknownTokenAreRefused() async throws {
        try await StandInHarness.with { h in
            let missing = try await h.send(.GET, "/vehicles")
            #expect(missing.status == 401)
            #expect(missing.problemType == "/problems/missing-credentials")
            let unknown = try await h.send(.GET, "/vehicles", authorization: "Bearer forged")
            #expect(unknown.status == 401)
            #expect(unknown.problemType == "/problems/invalid-credentials")
            let basic = try await h.send(.POST, "/vehicles/V0001/commands/lock-central-lock",
                                         authorization: StandInHarness.basic("a", "b"))
            #expect(basic.problemType == "/problems/missing-credentials")
            #expect(h.server.requestCount(.vehicleList) == 2)
            #expect(h.server.requestCount(.command) == 1)
            #expect(h.server.responseCount(status: 401) == 3)
        }
    }

    @Test func expiredTokenIsInvalidCredentials() async throws {
        // Two seconds: long enough that the first use is within the lifetime even on a loaded machine.
        try await StandInHarness.with(configure: { $0.tokenTTL = .seconds(2) }) { h in
            let bearer = try await h.bearer()
            #expect(try await h.send(.GET, "/vehicles", authorization: bearer).status == 200)
            let expired = try await eventually(timeout: .seconds(10)) {
                try await h.send(.GET, "/vehicles/V0001", authorization: bearer).status == 401
            }
            #expect(expired)
            let answer = try await h.send(.GET, "/vehicles/V0001", authorization: bearer)
            #expect(answer.problemType == "/problems/invalid-credentials")
        }
    }

    @Test func revokedTokensAreInvalidCredentials() async throws {
        try await StandInHarness.with { h in
            let bearer = try await h.bearer()
            h.server.revokeAllTokens()
            let answer = try await h.send(.GET, "/vehicles", authorization: bearer)
            #expect(answer.status == 401)
            #expect(answer.problemType == "/problems/invalid-credentials")
        }
    }

    // MARK: Vehicles

    @Test func vehicleListPagesWithACursorAndOmitsItOnTheLastPage() async throws {
        try await StandInHarness.with { h in
            let bearer = try await h.bearer()
            var ids: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                var path = "/vehicles?limit=3"
                if let cursor {
                    path += "&cursor=" + cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                }
                let answer = try await h.send(.GET, path, authorization: bearer)
                #expect(answer.status == 200)
                let items = try #require(answer.json?["items"]?.elements)
                #expect(items.count <= 3)
                ids += try items.map { try VehicleResource(jsonBody: $0.bytes).id }
                cursor = answer.json?["next_cursor"]?.string
                #expect(answer.json?["next_cursor"] == nil || cursor != nil)
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(ids == (0..<7).map { "V000\($0)" })
            #expect(h.server.requestCount(.vehicleList) == 3)
        }
    }

    @Test func vehicleListUsesTheDefaultPageSizeAndClampsLargeLimits() async throws {
        try await StandInHarness.with(backend: StaticFleetBackend.numbered(30), configure: {
            $0.defaultPageSize = 10
            $0.maxPageSize = 20
        }) { h in
            let bearer = try await h.bearer()
            let first = try await h.send(.GET, "/vehicles", authorization: bearer)
            #expect(first.json?["items"]?.elements?.count == 10)
            let clamped = try await h.send(.GET, "/vehicles?limit=500", authorization: bearer)
            #expect(clamped.json?["items"]?.elements?.count == 20)
            #expect(clamped.json?["next_cursor"]?.string != nil)
        }
    }

    @Test func badLimitOrCursorIsBadRequest() async throws {
        try await StandInHarness.with { h in
            let bearer = try await h.bearer()
            for path in ["/vehicles?limit=0", "/vehicles?limit=ten", "/vehicles?cursor=bm9wZQ%3D%3D"] {
                let answer = try await h.send(.GET, path, authorization: bearer)
                #expect(answer.status == 400, "\(path)")
                #expect(answer.contentType == "application/problem+json")
                #expect(answer.flowID != nil)
            }
        }
    }

    @Test func oneVehicleHasTheContractShape() async throws {
        let vehicle = VehicleResource(
            id: "JQ7RP", fleetID: "EXFL29",
            masterData: MasterData(licensePlate: "B-FW 832", customName: "Golf \"7\"", brand: "Volkswagen"),
            lifeStatus: StatusValue(.online, modifiedAt: Timestamp(iso8601: "2026-11-28T08:00:11Z")),
            rentalStatus: StatusValue(.notInRental), operationStatus: "OPERATING", tags: ["north"],
            commands: ["LOCK_CENTRAL_LOCK", "UNLOCK_CENTRAL_LOCK"])
        try await StandInHarness.with(backend: StaticFleetBackend(vehicles: [vehicle])) { h in
            let answer = try await h.send(.GET, "/vehicles/JQ7RP", authorization: try await h.bearer())
            #expect(answer.status == 200)
            let json = try #require(answer.json)
            #expect(json["master_data"]?["license_plate"]?.string == "B-FW 832")
            #expect(json["life_status"]?["modified_at"]?.string == "2026-11-28T08:00:11Z")
            #expect(json["capabilities"]?["commands"]?.elements?.count == 2)
            #expect(try VehicleResource(jsonBody: answer.body) == vehicle)
        }
    }

    @Test func unknownVehicleIsNotFound() async throws {
        try await StandInHarness.with { h in
            let bearer = try await h.bearer()
            let get = try await h.send(.GET, "/vehicles/NOPE1", authorization: bearer)
            #expect(get.status == 404)
            #expect(get.contentType == "application/problem+json")
            #expect(get.json?["flow_id"]?.string == get.flowID)
            let command = try await h.send(.POST, "/vehicles/NOPE1/commands/lock-central-lock", authorization: bearer)
            #expect(command.status == 404)
        }
    }

    // MARK: Commands

    @Test func everyCommandAnswersWithTheNewStateAndPassesTheFlowID() async throws {
        let all = VehicleCommand.allCases.map(\.capability)
        let backend = StaticFleetBackend(vehicles: [VehicleResource(id: "JQ7RP", commands: all)])
        try await StandInHarness.with(backend: backend) { h in
            let bearer = try await h.bearer()
            for command in VehicleCommand.allCases {
                let answer = try await h.send(.POST, "/vehicles/JQ7RP/commands/\(command.rawValue)",
                                              authorization: bearer)
                #expect(answer.status == 200, "\(command)")
                #expect(answer.contentType == "application/json")
                let state = try VehicleState(jsonBody: answer.body)
                #expect(state == backend.state(of: "JQ7RP"))
                #expect(backend.executedCommands.last?.command == command)
                #expect(backend.executedCommands.last?.flowID == answer.flowID)
            }
            let lock = try await h.send(.POST, "/vehicles/JQ7RP/commands/lock-central-lock", authorization: bearer)
            let state = try VehicleState(jsonBody: lock.body)
            #expect(state.centralLock?.value == .locked)
            #expect(lock.json?["central_lock"]?["timestamp"]?.string != nil)
            #expect(h.server.requestCount(.command) == VehicleCommand.allCases.count + 1)
        }
    }

    @Test func commandOnAMovingVehicleIsConflictingState() async throws {
        try await StandInHarness.with(backend: StaticFleetBackend.numbered(3, moving: ["V0001"])) { h in
            let answer = try await h.send(.POST, "/vehicles/V0001/commands/unlock-central-lock",
                                          authorization: try await h.bearer())
            #expect(answer.status == 409)
            #expect(answer.problemType == "/problems/vehicle/conflicting-state")
            #expect(answer.json?["detail"]?.string?.contains("moving") == true)
            #expect(answer.json?["flow_id"]?.string == answer.flowID)
        }
    }

    @Test func commandTheVehicleLacksIsNotSupported() async throws {
        let backend = StaticFleetBackend(vehicles: [VehicleResource(id: "K2M9X", commands: ["LOCK_CENTRAL_LOCK"])])
        try await StandInHarness.with(backend: backend) { h in
            let answer = try await h.send(.POST, "/vehicles/K2M9X/commands/disable-driving",
                                          authorization: try await h.bearer())
            #expect(answer.status == 409)
            #expect(answer.problemType == "/problems/vehicle/command-not-supported")
            #expect(backend.executedCommands.isEmpty)
        }
    }

    @Test func unknownCommandAndUnknownRouteAreNotFoundProblems() async throws {
        try await StandInHarness.with { h in
            let bearer = try await h.bearer()
            let command = try await h.send(.POST, "/vehicles/V0001/commands/self-destruct", authorization: bearer)
            #expect(command.status == 404)
            #expect(command.contentType == "application/problem+json")
            let route = try await h.send(.GET, "/fleets")
            #expect(route.status == 404)
            #expect(route.flowID != nil)
            #expect(route.json?["flow_id"]?.string == route.flowID)
            #expect(h.server.requestCount(.other) == 1)
        }
    }

    // MARK: Rate limit and faults

    @Test func requestsPastTheRateLimitAreTooManyRequestsWithRetryAfter() async throws {
        try await StandInHarness.with(configure: { $0.rateLimit = RateLimit(requests: 2, per: .seconds(30)) }) { h in
            let bearer = try await h.bearer()
            #expect(try await h.send(.GET, "/vehicles", authorization: bearer).status == 200)
            #expect(try await h.send(.GET, "/vehicles/V0001", authorization: bearer).status == 200)
            let limited = try await h.send(.POST, "/vehicles/V0001/commands/lock-central-lock", authorization: bearer)
            #expect(limited.status == 429)
            #expect(limited.problemType == "/problems/too-many-requests")
            let retryAfter = try #require(limited.headers.first(name: "Retry-After").flatMap { Int($0) })
            #expect((1...30).contains(retryAfter))
            // The token endpoint is not limited.
            #expect(try await h.bearer().hasPrefix("Bearer "))
        }
    }

    @Test func injectedFaultsShowOnTheNextCallsOnly() async throws {
        let backend = StaticFleetBackend.numbered(3)
        try await StandInHarness.with(backend: backend) { h in
            let bearer = try await h.bearer()
            h.server.inject(.telematicsUnitError, on: .command, times: 2)
            h.server.inject(.tooManyRequests(retryAfterSeconds: 7), on: .command)
            h.server.inject(.internalServerError, on: .vehicleList)
            let path = "/vehicles/V0002/commands/lock-central-lock"
            let first = try await h.send(.POST, path, authorization: bearer)
            #expect(first.status == 500)
            #expect(first.problemType == "/problems/telematics-unit/error")
            #expect(try await h.send(.POST, path, authorization: bearer).status == 500)
            let limited = try await h.send(.POST, path, authorization: bearer)
            #expect(limited.status == 429)
            #expect(limited.headers.first(name: "Retry-After") == "7")
            #expect(try await h.send(.POST, path, authorization: bearer).status == 200)
            #expect(backend.executedCommands.count == 1)
            let list = try await h.send(.GET, "/vehicles", authorization: bearer)
            #expect(list.problemType == "/problems/internal-server-error")
            #expect(try await h.send(.GET, "/vehicles", authorization: bearer).status == 200)
            #expect(h.server.requestCount(.command) == 4)
            #expect(h.server.requestCount(.vehicleList) == 2)
        }
    }

    @Test func injectedInvalidCredentialsAndMalformedBody() async throws {
        try await StandInHarness.with { h in
            let bearer = try await h.bearer()
            h.server.inject(.invalidCredentials, on: .vehicle)
            h.server.inject(.malformedBody, on: .vehicle)
            #expect(try await h.send(.GET, "/vehicles/V0001", authorization: bearer).problemType
                    == "/problems/invalid-credentials")
            let broken = try await h.send(.GET, "/vehicles/V0001", authorization: bearer)
            #expect(broken.status == 200)
            #expect(broken.json == nil)
        }
    }

    @Test func delayedCommandStillRunsAfterTheClientGaveUp() async throws {
        let backend = StaticFleetBackend.numbered(3)
        try await StandInHarness.with(backend: backend) { h in
            let bearer = try await h.bearer()
            h.server.inject(.delay(.milliseconds(600)), on: .command)
            await #expect(throws: HTTPClientError.self) {
                _ = try await h.send(.POST, "/vehicles/V0000/commands/lock-central-lock", authorization: bearer,
                                     timeout: .milliseconds(150))
            }
            // The vehicle acted anyway: why a client must never resend after a timeout.
            #expect(await eventually { backend.executedCommands.count == 1 })
            #expect(h.server.requestCount(.command) == 1)
        }
    }

    @Test func commandLatencyIsApplied() async throws {
        // Not a timing assertion: a client timeout shorter than the configured latency must expire.
        try await StandInHarness.with(configure: { $0.commandLatency = .milliseconds(800) }) { h in
            let bearer = try await h.bearer()
            await #expect(throws: HTTPClientError.self) {
                _ = try await h.send(.POST, "/vehicles/V0000/commands/lock-central-lock", authorization: bearer,
                                     timeout: .milliseconds(100))
            }
        }
    }

    // MARK: Lifecycle

    @Test func stoppedServerNoLongerAnswers() async throws {
        let server = InversStandInServer(backend: StaticFleetBackend.numbered(1),
                                         configuration: StandInConfiguration(clientID: "a", clientSecret: "b"))
        let running = try await server.start()
        #expect(running.port > 0)
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let before = try await http.execute(HTTPClientRequest(url: running.baseURL + "/vehicles"), timeout: .seconds(5))
        #expect(before.status.code == 401)
        await running.stop()
        await #expect(throws: (any Error).self) {
            _ = try await http.execute(HTTPClientRequest(url: running.baseURL + "/vehicles"), timeout: .seconds(2))
        }
        try await http.shutdown()
    }

    @Test func twoServersRunSideBySideOnTheirOwnPorts() async throws {
        let configuration = StandInConfiguration(clientID: "a", clientSecret: "b")
        let one = try await InversStandInServer(backend: StaticFleetBackend.numbered(1), configuration: configuration).start()
        let two = try await InversStandInServer(backend: StaticFleetBackend.numbered(1), configuration: configuration).start()
        #expect(one.port != two.port)
        await one.stop()
        await two.stop()
    }
}
