import FleetCore

/// The members of an `application/problem+json` body (RFC 9457) that the client reports: read leniently, as the
/// contract's errors are not all problems: a member of another kind counts as absent, and a body that is not a
/// JSON object (HTML from a proxy, an empty 502) has none.
struct ProblemDetails: Sendable, Hashable {
    var type: String?
    var title: String?
    var detail: String?
    var flowID: String?

    /// The problem in `body`; nil when the body is not a JSON object within `JSONLimits.default`.
    init?(body: [UInt8]) {
        var problem = ProblemDetails()
        do {
            try BodyReader.members(in: body) { (r, key) throws(EventDecodingError) in
                switch key {
                case "type": problem.type = try r.readStringIfString()
                case "title": problem.title = try r.readStringIfString()
                case "detail": problem.detail = try r.readStringIfString()
                case "flow_id": problem.flowID = try r.readStringIfString()
                default: break
                }
            }
        } catch {
            return nil
        }
        self = problem
    }

    private init() {}
}
