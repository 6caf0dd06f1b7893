import AsyncHTTPClient
import FleetCore
import FleetSim
import FleetSimREST
import Foundation
import NIOCore
import NIOHTTP1
import TestSupport

/// A stand-in server on an ephemeral loopback port plus a plain HTTP client to talk to it, stopped and shut down
/// whatever the test body does.
struct StandInHarness {
    static let clientID = "EXFL29#dashboard"
    static let clientSecret = "s3cret:with%odd+chars"

    let server: InversStandInServer
    let running: RunningStandIn
    let http: HTTPClient

    static func with<R>(backend: any FleetBackend = StaticFleetBackend.numbered(7),
                        configure: (inout StandInConfiguration) -> Void = { _ in },
                        _ body: (StandInHarness) async throws -> R) async throws -> R {
        var configuration = StandInConfiguration(clientID: clientID, clientSecret: clientSecret,
                                                 commandLatency: .milliseconds(5))
        configure(&configuration)
        let server = InversStandInServer(backend: backend, configuration: configuration)
        let running = try await server.start()
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let harness = StandInHarness(server: server, running: running, http: http)
        do {
            let result = try await body(harness)
            try await http.shutdown()
            await running.stop()
            return result
        } catch {
            try? await http.shutdown()
            await running.stop()
            throw error
        }
    }

    /// One request; the answer read whole.
    func send(_ method: HTTPMethod, _ path: String, authorization: String? = nil,
              timeout: TimeAmount = .seconds(5)) async throws -> Answer {
        var request = HTTPClientRequest(url: running.baseURL + path)
        request.method = method
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        let response = try await http.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 1 << 22)
        return Answer(status: Int(response.status.code), headers: response.headers,
                      body: Array(body.readableBytesView))
    }

    /// A valid bearer token from the token endpoint.
    func bearer() async throws -> String {
        let answer = try await send(.POST, "/auth/oauth/token?grant_type=client_credentials",
                                    authorization: Self.basic(Self.clientID, Self.clientSecret))
        guard answer.status == 200, let token = answer.json?["access_token"]?.string else {
            throw HarnessError.noToken(answer.status)
        }
        return "Bearer " + token
    }

    /// HTTP Basic the RFC 6749 way: each part form-encoded first.
    static func basic(_ id: String, _ secret: String) -> String {
        let encode = { (s: String) in
            s.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"))!
        }
        return "Basic " + Data("\(encode(id)):\(encode(secret))".utf8).base64EncodedString()
    }
}

enum HarnessError: Error { case noToken(Int) }

/// An answer of the stand-in.
struct Answer {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    /// The body as Foundation reads it: the stand-in's JSON checked by a parser that is not fleetwatch's.
    var json: ParsedJSON? { ParsedJSON(bytes: body) }
    var flowID: String? { headers.first(name: "X-INVERS-Flow-ID") }
    var contentType: String? { headers.first(name: "Content-Type") }
    var problemType: String? { json?["type"]?.string }
}

