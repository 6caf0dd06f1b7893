import FleetCore
import FleetSim
import FleetSimREST
import InversAPI
import Logging
import Testing

/// The INVERS client against the project's stand-in on an ephemeral loopback port, over real HTTP.
struct ClientHarness {
    static let clientID = "EXFL29#dashboard"
    static let clientSecret = "s3cret-Zq9:with%odd+chars"

    let server: InversStandInServer
    let running: RunningStandIn
    let client: InversClient

    var configuration: InversClientConfiguration { client.configuration }

    static func with<R>(backend: any FleetBackend = StaticFleetBackend.numbered(10),
                        server configureServer: (inout StandInConfiguration) -> Void = { _ in },
                        client configureClient: (inout InversClientConfiguration) -> Void = { _ in },
                        logger: Logger = Logger(label: "test.invers"),
                        _ body: (ClientHarness) async throws -> R) async throws -> R {
        var serverConfiguration = StandInConfiguration(clientID: clientID, clientSecret: clientSecret,
                                                       commandLatency: .milliseconds(5))
        configureServer(&serverConfiguration)
        let server = InversStandInServer(backend: backend, configuration: serverConfiguration)
        let running = try await server.start()
        var clientConfiguration = InversClientConfiguration(
            apiURL: running.baseURL,
            credentials: ClientCredentials(clientID: clientID, secret: Secret(clientSecret)),
            commandTimeout: .seconds(5), requestTimeout: .seconds(5), connectTimeout: .seconds(2))
        configureClient(&clientConfiguration)
        let client: InversClient
        do {
            client = try InversClient(configuration: clientConfiguration, logger: logger)
        } catch {
            await running.stop()
            throw error
        }
        let harness = ClientHarness(server: server, running: running, client: client)
        do {
            let result = try await body(harness)
            await client.shutdown()
            await running.stop()
            return result
        } catch {
            await client.shutdown()
            await running.stop()
            throw error
        }
    }
}

/// The failure a call threw, or nil when it succeeded; any other error is a test failure.
func failure<T>(of call: () async throws -> T) async -> CommandFailure? {
    do {
        _ = try await call()
        return nil
    } catch let failure as CommandFailure {
        return failure
    } catch {
        Issue.record("expected a CommandFailure, got \(error)")
        return nil
    }
}

