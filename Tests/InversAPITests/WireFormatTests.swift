@testable import InversAPI
import FleetCore
import Testing

/// The small pieces of wire format the client gets right by itself: Basic credentials, URLs, rate-limit waits.
@Suite struct WireFormatTests {
    @Test func basicCredentialsFormEncodeIDAndSecretBeforeBase64() throws {
        let credentials = ClientCredentials(clientID: "EXFL29#ops team", secret: Secret("a:b%c+d/é"))
        #expect(ClientCredentials.formEncode("EXFL29#ops team") == "EXFL29%23ops%20team")
        #expect(ClientCredentials.formEncode("a:b%c+d/é") == "a%3Ab%25c%2Bd%2F%C3%A9")
        let header = credentials.basicAuthorization.value
        #expect(header.hasPrefix("Basic "))
        #expect("\(credentials.basicAuthorization)" == "***")
    }

    @Test func vehicleIDsStayOnePathSegmentAndCursorsAreEncoded() throws {
        let api = try APIEndpoint("https://api.invers.com/")
        #expect(api.url(["vehicles", "JQ7RP", "commands", "lock-central-lock"])
                == "https://api.invers.com/vehicles/JQ7RP/commands/lock-central-lock")
        #expect(api.url(["vehicles", "../auth"]) == "https://api.invers.com/vehicles/..%2Fauth")
        #expect(api.url(["vehicles", ".."]) == "https://api.invers.com/vehicles/%2E%2E")
        #expect(api.url(["vehicles"], query: [("limit", "100"), ("cursor", "Y3Vy+c29y/OjE=")])
                == "https://api.invers.com/vehicles?limit=100&cursor=Y3Vy%2Bc29y%2FOjE%3D")
    }

    @Test func rateLimitWaitComesFromRetryAfterOrTheResetTime() {
        var answer = APIAnswer(status: 429, reasonPhrase: "Too Many Requests", flowID: nil, retryAfter: " 3 ",
                               rateLimitReset: nil, body: [])
        #expect(answer.rateLimitWait(now: 1000) == .seconds(3))
        answer.retryAfter = nil
        answer.rateLimitReset = "1004.5"
        #expect(answer.rateLimitWait(now: 1000) == .milliseconds(4500))
        answer.rateLimitReset = "900"
        #expect(answer.rateLimitWait(now: 1000) == .zero)
        answer.rateLimitReset = nil
        #expect(answer.rateLimitWait(now: 1000) == nil)
    }

    /// `Retry-After` may also be an HTTP date, in any of the three forms RFC 9110 has a recipient accept.
    @Test func retryAfterAsAnHTTPDateIsTheTimeLeftUntilThen() {
        let now = 1_792_567_680.0  // Wed, 21 Oct 2026 07:28:00 GMT
        var answer = APIAnswer(status: 429, reasonPhrase: "Too Many Requests", flowID: nil,
                               retryAfter: "Wed, 21 Oct 2026 07:28:05 GMT", rateLimitReset: "\(now + 99)", body: [])
        #expect(answer.rateLimitWait(now: now) == .seconds(5))
        answer.retryAfter = "Wednesday, 21-Oct-26 07:28:30 GMT"
        #expect(answer.rateLimitWait(now: now) == .seconds(30))
        answer.retryAfter = "Wed Oct 21 07:29:00 2026"
        #expect(answer.rateLimitWait(now: now) == .seconds(60))
        answer.retryAfter = "Wed Oct  1 07:28:00 2026"  // asctime pads the day with a space; in the past: no wait
        #expect(answer.rateLimitWait(now: now) == .zero)
        answer.retryAfter = "soon"  // neither a number nor a date: the reset header decides
        answer.rateLimitReset = "\(now + 2)"
        #expect(answer.rateLimitWait(now: now) == .seconds(2))
    }

    @Test func problemWithoutJSONStillSaysStatusAndFlowAndIsSanitised() {
        let plain = APIAnswer(status: 502, reasonPhrase: "Bad Gateway", flowID: "f-1\u{1B}[31m", retryAfter: nil,
                              rateLimitReset: nil, body: Array("<html>bad gateway</html>".utf8))
        let failure = plain.failure()
        #expect(failure.status == 502)
        #expect(failure.title == "HTTP 502 Bad Gateway")
        #expect(failure.flowID == "f-1?[31m")
        let hostile = APIAnswer(status: 409, reasonPhrase: "Conflict", flowID: nil, retryAfter: nil,
                                rateLimitReset: nil,
                                body: Array(#"{"type":"/x","title":"T\u001b[2J","detail":"d","flow_id":"from-body"}"#.utf8))
        #expect(hostile.failure().title == "T?[2J")
        #expect(hostile.failure().flowID == "from-body")
        #expect(hostile.failure().problemType == "/x")
    }
}
