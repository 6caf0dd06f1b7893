import FleetCore

/// One HTTP answer of the INVERS REST API, read whole: the status, the headers the client acts on, and the body.
///
/// Everything that reads an answer lives here, apart from the HTTP client, so that it can be tested and fuzzed
/// from raw bytes: `token()`, `vehiclePage()`, `vehicleResource()`, `commandState()`, `failure()` and
/// `rateLimitWait(now:)`. None of them traps on any input; text that reaches the user is sanitised.
///
/// The body is JSON read with FleetCore's one-pass reader (`BodyReader.document`), the one the event decoder uses:
/// the vehicle shapes an answer shares with the events are decoded by the same code, within the same limits
/// (`JSONLimits.default`: 1 MiB, 64 levels). Each reader reads the body once as what it expects; the problem
/// members are read once, when the answer is made.
public struct APIAnswer: Sendable {
    public var status: Int
    public var reasonPhrase: String
    /// `X-INVERS-Flow-ID`: the id to quote to INVERS support.
    public var flowID: String?
    /// `Retry-After`, as sent: delta-seconds or an HTTP date (RFC 9110 10.2.3).
    public var retryAfter: String?
    /// `X-Rate-Limit-Reset`, as sent: when the rate-limit window ends, in epoch seconds.
    public var rateLimitReset: String?
    public let body: [UInt8]
    /// The body's problem members; nil when the body is not a JSON object.
    let problem: ProblemDetails?

    /// The answer from its parts, the headers as they arrived: only the first of each header the client acts
    /// on counts (names compare case-insensitively); the others are ignored.
    public init(status: Int, reasonPhrase: String, headers: [(name: String, value: String)], body: [UInt8]) {
        func first(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value
        }
        self.init(status: status, reasonPhrase: reasonPhrase, flowID: first("x-invers-flow-id"),
                  retryAfter: first("retry-after"), rateLimitReset: first("x-rate-limit-reset"), body: body)
    }

    public init(status: Int, reasonPhrase: String, flowID: String?, retryAfter: String?, rateLimitReset: String?,
                body: [UInt8]) {
        self.status = status
        self.reasonPhrase = reasonPhrase
        self.flowID = flowID
        self.retryAfter = retryAfter
        self.rateLimitReset = rateLimitReset
        self.body = body
        problem = ProblemDetails(body: body)
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The `application/problem+json` type, when the body has one.
    public var problemType: String? { problem?.type }

    /// The failure this answer stands for: the problem's type, title and detail, and the flow id (the header's,
    /// else the body's). An answer without a problem body still says its status. All text is sanitised here,
    /// because it came from the network and ends up on a terminal.
    public func failure(context: String? = nil) -> CommandFailure {
        let title = problem?.title ?? "HTTP \(status) \(reasonPhrase)"
        let flow = flowID ?? problem?.flowID
        return CommandFailure(
            kind: .problem, status: status, problemType: problem?.type.map(SafeText.sanitize),
            title: SafeText.sanitize(context.map { "\($0): \(title)" } ?? title),
            detail: problem?.detail.map(SafeText.sanitize), flowID: flow.map(SafeText.sanitize))
    }

    /// A failure for a 2xx answer whose body could not be understood.
    public func badResponse(_ what: String) -> CommandFailure {
        CommandFailure(kind: .badResponse, status: status, title: SafeText.sanitize(what),
                       flowID: (flowID ?? problem?.flowID).map(SafeText.sanitize))
    }
}
