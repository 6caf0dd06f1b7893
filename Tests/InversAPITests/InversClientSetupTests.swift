import FleetCore
import FleetSim
import FleetSimREST
import Foundation
import InversAPI
import TestSupport
import Testing

/// How the client is set up: which URLs it takes, when it warns, and that HTTPS always verifies.
@Suite struct InversClientSetupTests {
    let credentials = ClientCredentials(clientID: "EXFL29#dashboard", secret: Secret("tls-s3cret"))

    @Test func plainHTTPToLoopbackIsSilentAndToAnotherHostWarns() async throws {
        for url in ["http://127.0.0.1:8080", "http://localhost:8080/", "http://[::1]:8080", "https://api.invers.com"] {
            let client = try InversClient(configuration: InversClientConfiguration(apiURL: url, credentials: credentials))
            #expect(client.warnings.isEmpty, "\(url)")
            await client.shutdown()
        }
        let remote = try InversClient(configuration: InversClientConfiguration(
            apiURL: "http://fleet.example.com", credentials: credentials))
        #expect(remote.warnings.count == 1)
        #expect(remote.warnings.first?.contains("plain HTTP") == true)
        await remote.shutdown()
        let remoteToken = try InversClient(configuration: InversClientConfiguration(
            apiURL: "https://api.invers.com", tokenURL: "http://auth.example.com/token", credentials: credentials))
        #expect(remoteToken.warnings.count == 1)
        await remoteToken.shutdown()
    }

    @Test func unusableURLsAreRefusedWithTheReason() {
        for url in ["ftp://api.invers.com", "api.invers.com", "https://", "https://user:pw@api.invers.com",
                    "https://api.invers.com/?x=1"] {
            #expect(throws: InversSetupError.self, "\(url)") {
                _ = try InversClient(configuration: InversClientConfiguration(apiURL: url, credentials: credentials))
            }
        }
        do {
            _ = try InversClient(configuration: InversClientConfiguration(
                apiURL: "https://user:pw@api.invers.com", credentials: credentials))
        } catch {
            #expect(!error.description.contains("pw"))  // a password in a URL is not echoed back
        }
    }

    @Test func missingOrBrokenCAFileIsRefused() throws {
        #expect(throws: InversSetupError.self) {
            _ = try InversClient(configuration: InversClientConfiguration(
                credentials: credentials, tlsCAFile: "/nonexistent/ca.pem"))
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fw-not-a-ca-\(UUID()).pem")
        try "not a certificate".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try InversClient(configuration: InversClientConfiguration(credentials: credentials, tlsCAFile: file.path))
            Issue.record("a file without a certificate was accepted as a CA bundle")
        } catch {
            #expect(error.description.contains(file.path))
        }
    }

    @Test func httpsVerifiesTheServerAgainstSystemCAsPlusTheGivenCA() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        var configuration = StandInConfiguration(clientID: credentials.clientID, clientSecret: "tls-s3cret",
                                                 commandLatency: .milliseconds(5))
        configuration.tls = StandInTLS(certificateChainFile: certificates.certificateFile,
                                       privateKeyFile: certificates.keyFile)
        let server = InversStandInServer(backend: StaticFleetBackend.numbered(3), configuration: configuration)
        let running = try await server.start()
        #expect(running.baseURL.hasPrefix("https://"))

        // Trusting the test CA: the whole exchange works over HTTPS, by IP and by name.
        for base in [running.baseURL, "https://localhost:\(running.port)"] {
            let trusting = try InversClient(configuration: InversClientConfiguration(
                apiURL: base, credentials: credentials, tlsCAFile: certificates.caFile))
            #expect(trusting.warnings.isEmpty)
            let result = await Result { try await trusting.send(.lockCentralLock, to: "V0001") }
            #expect((try? result.get())?.state.centralLock?.value == .locked, "\(base)")
            await trusting.shutdown()
        }

        // With only the system CAs, or another CA, the certificate is refused before any HTTP is spoken.
        let before = server.requestCount(.token)
        for ca in [nil, certificates.otherCAFile] {
            let strict = try InversClient(configuration: InversClientConfiguration(
                apiURL: running.baseURL, credentials: credentials, tlsCAFile: ca))
            let error = await failure { try await strict.send(.lockCentralLock, to: "V0001") }
            #expect(error?.kind == .transport)
            await strict.shutdown()
        }
        #expect(server.requestCount(.token) == before)
        await running.stop()
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
