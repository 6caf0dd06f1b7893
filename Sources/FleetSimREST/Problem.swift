import FleetCore
import FleetSim
import Hummingbird

/// An `application/problem+json` answer (RFC 9457) in the contract's shape: `{type, title, status, detail,
/// flow_id}`. Route handlers throw it; `FlowIDMiddleware` writes it with the request's flow id.
struct Problem: Error, Sendable {
    var status: HTTPResponse.Status
    var type: String
    var title: String
    var detail: String?
    var headers: HTTPFields = [:]

    static func missingCredentials(_ detail: String) -> Problem {
        var p = Problem(status: .unauthorized, type: "/problems/missing-credentials",
                        title: "Missing credentials.", detail: detail)
        p.headers[.wwwAuthenticate] = "Bearer"
        return p
    }

    static func invalidCredentials(_ detail: String) -> Problem {
        var p = Problem(status: .unauthorized, type: "/problems/invalid-credentials",
                        title: "Invalid credentials.", detail: detail)
        p.headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\""
        return p
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, type: "/problems/not-found", title: "The resource was not found.", detail: detail)
    }

    static func badRequest(_ detail: String) -> Problem {
        Problem(status: .badRequest, type: "/problems/bad-request", title: "Bad request.", detail: detail)
    }

    static func conflictingState(_ detail: String) -> Problem {
        Problem(status: .conflict, type: "/problems/vehicle/conflicting-state",
                title: "The command cannot be executed due to the current state of the vehicle.", detail: detail)
    }

    static func commandNotSupported(_ detail: String) -> Problem {
        Problem(status: .conflict, type: "/problems/vehicle/command-not-supported",
                title: "The vehicle does not support the command.", detail: detail)
    }

    static func tooManyRequests(retryAfterSeconds: Int) -> Problem {
        var p = Problem(status: .tooManyRequests, type: "/problems/too-many-requests", title: "Too many requests.",
                        detail: "Retry after \(retryAfterSeconds) seconds.")
        p.headers[.retryAfter] = String(retryAfterSeconds)
        return p
    }

    /// A 429 whose rate-limit headers are the given texts, unchecked: for driving clients through absurd values.
    static func tooManyRequests(retryAfter: String?, rateLimitReset: String?) -> Problem {
        var p = Problem(status: .tooManyRequests, type: "/problems/too-many-requests", title: "Too many requests.",
                        detail: nil)
        if let retryAfter { p.headers[.retryAfter] = retryAfter }
        if let rateLimitReset { p.headers[.init("X-Rate-Limit-Reset")!] = rateLimitReset }
        return p
    }

    static func telematicsUnitError() -> Problem {
        Problem(status: .internalServerError, type: "/problems/telematics-unit/error",
                title: "The telematics unit reported an error.", detail: "The vehicle did not confirm the command.")
    }

    static func internalServerError() -> Problem {
        Problem(status: .internalServerError, type: "/problems/internal-server-error",
                title: "Internal server error.", detail: nil)
    }

    /// The JSON body, with `flow_id`.
    func body(flowID: String) -> String {
        StandInJSON.text(Body(problem: self, flowID: flowID))
    }

    /// `{type, title, status, detail, flow_id}`, `detail` left out when there is none.
    private struct Body: Encodable {
        let problem: Problem
        let flowID: String

        private enum Key: String, CodingKey { case type, title, status, detail, flowID = "flow_id" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(problem.type, forKey: .type)
            try c.encode(problem.title, forKey: .title)
            try c.encode(problem.status.code, forKey: .status)
            try c.encodeIfPresent(problem.detail, forKey: .detail)
            try c.encode(flowID, forKey: .flowID)
        }
    }

    func response(flowID: String) -> Response {
        var headers = headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: body(flowID: flowID))))
    }
}
