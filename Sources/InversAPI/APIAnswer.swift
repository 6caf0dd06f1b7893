import FleetCore
import Foundation

/// One HTTP answer of the API, read whole: status, the headers the client acts on, and the body.
struct APIAnswer: Sendable {
    var status: Int
    var reasonPhrase: String
    var flowID: String?
    var retryAfter: String?
    var rateLimitReset: String?
    var body: [UInt8]

    var isSuccess: Bool { (200..<300).contains(status) }

    /// The parsed JSON body, or nil when it is not JSON.
    var json: JSONValue? { (try? JSONDocument(bytes: body))?.root }

    /// The `application/problem+json` fields, when the body has them.
    var problemType: String? { json?["type"]?.string }

    /// The failure this answer stands for: the problem's type, title and detail, and the flow id (the header's,
    /// else the body's). An answer without a problem body still says its status. All text is sanitised here,
    /// because it came from the network and ends up on a terminal.
    func failure(context: String? = nil) -> CommandFailure {
        let problem = json
        let title = problem?["title"]?.string ?? "HTTP \(status) \(reasonPhrase)"
        let flow = flowID ?? problem?["flow_id"]?.string
        return CommandFailure(
            kind: .problem, status: status, problemType: problem?["type"]?.string.map(SafeText.sanitize),
            title: SafeText.sanitize(context.map { "\($0): \(title)" } ?? title),
            detail: problem?["detail"]?.string.map(SafeText.sanitize), flowID: flow.map(SafeText.sanitize))
    }

    /// A failure for a 2xx answer whose body could not be understood.
    func badResponse(_ what: String) -> CommandFailure {
        CommandFailure(kind: .badResponse, status: status, title: SafeText.sanitize(what),
                       flowID: (flowID ?? json?["flow_id"]?.string).map(SafeText.sanitize))
    }

    /// How long a 429 asks to wait: `Retry-After` in seconds or as an HTTP date, else `X-Rate-Limit-Reset` as
    /// epoch seconds. A time already past means no wait.
    func rateLimitWait(now epochSeconds: Double) -> Duration? {
        if let text = retryAfter?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(text), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
            if let date = APIAnswer.httpDate(text) { return .milliseconds(Int64(max(0, date - epochSeconds) * 1000)) }
        }
        if let text = rateLimitReset?.trimmingCharacters(in: .whitespaces), let reset = Double(text) {
            return .milliseconds(Int64(max(0, reset - epochSeconds) * 1000))
        }
        return nil
    }

    /// An HTTP date (RFC 9110 5.6.7) as epoch seconds: the IMF-fixdate servers send, and the two obsolete forms
    /// a recipient must still accept (RFC 850, asctime). Always GMT.
    static func httpDate(_ text: String) -> Double? {
        // asctime pads a one-digit day with a space ("Wed Oct  1"): single spaces suit every form.
        let text = text.split(separator: " ").joined(separator: " ")
        for format in ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        }
        return nil
    }
}
