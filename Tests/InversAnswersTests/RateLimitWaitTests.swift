import FleetCore
import InversAnswers
import Testing

/// `Retry-After` and `X-Rate-Limit-Reset` are read with bounds: an absurd value is ignored or taken as a day,
/// with a note, and never traps.
@Suite struct RateLimitWaitTests {
    func answer(retryAfter: String? = nil, reset: String? = nil) -> APIAnswer {
        APIAnswer(status: 429, reasonPhrase: "Too Many Requests", flowID: nil, retryAfter: retryAfter,
                  rateLimitReset: reset, body: [])
    }

    @Test func rateLimitWaitComesFromRetryAfterOrTheResetTime() {
        #expect(answer(retryAfter: " 3 ").rateLimitWait(now: 1000) == RateLimitWait(duration: .seconds(3)))
        #expect(answer(retryAfter: "\t0\t").rateLimitWait(now: 1000) == RateLimitWait(duration: .zero))
        #expect(answer(reset: "1004.5").rateLimitWait(now: 1000) == RateLimitWait(duration: .milliseconds(4500)))
        #expect(answer(reset: "900").rateLimitWait(now: 1000) == RateLimitWait(duration: .zero))
        #expect(answer().rateLimitWait(now: 1000) == RateLimitWait(duration: nil))
        #expect(answer(retryAfter: "86400").rateLimitWait(now: 1000).duration == .seconds(86_400))
        #expect(answer(retryAfter: "0000000000000000000000007").rateLimitWait(now: 0).duration == .seconds(7))
    }

    /// Values that are not delta-seconds are ignored with a note, and the reset header (if any) decides.
    @Test func retryAfterThatIsNotDeltaSecondsIsIgnored() {
        for text in ["1e16", "-1", "1e400", "NaN", "nan", "inf", "3.5", "+3", "0x10", "soon", "", "３", "1 2",
                     "\u{1B}[2J"] {
            let wait = answer(retryAfter: text).rateLimitWait(now: 1000)
            #expect(wait.duration == nil, "\(text)")
            #expect(wait.notes.count == 1, "\(text)")
            #expect(wait.notes.first?.contains("neither whole seconds nor an HTTP date: ignored") == true, "\(text)")
            #expect(wait.notes.first?.contains("\u{1B}") == false)
            #expect(answer(retryAfter: text, reset: "1002").rateLimitWait(now: 1000).duration == .seconds(2))
        }
    }

    /// Whole seconds beyond a day (however many digits) are taken as a day, with a note.
    @Test func hugeDeltaSecondsAreTakenAsTheMaximum() {
        for text in ["86401", "10000000000000000", "99999999999999999999", "9223372036854775807",
                     "9223372036854775808", String(repeating: "9", count: 5000)] {
            let wait = answer(retryAfter: text).rateLimitWait(now: 1000)
            #expect(wait.duration == RateLimitWait.maximum, "\(text.prefix(30))")
            #expect(wait.notes.first?.contains("more than a day: taken as a day") == true)
            #expect((wait.notes.first?.count ?? 0) < 120, "the value shown is cut")
        }
    }

    /// `Retry-After` may also be an HTTP date, in any of the three forms RFC 9110 has a recipient accept.
    @Test func retryAfterAsAnHTTPDateIsTheTimeLeftUntilThen() {
        let now = 1_792_567_680.0  // Wed, 21 Oct 2026 07:28:00 GMT
        #expect(answer(retryAfter: "Wed, 21 Oct 2026 07:28:05 GMT", reset: "\(now + 99)").rateLimitWait(now: now)
                == RateLimitWait(duration: .seconds(5)))
        #expect(answer(retryAfter: "Wednesday, 21-Oct-26 07:28:30 GMT").rateLimitWait(now: now).duration == .seconds(30))
        #expect(answer(retryAfter: "Wed Oct 21 07:29:00 2026").rateLimitWait(now: now).duration == .seconds(60))
        // asctime pads the day with a space; in the past: no wait.
        #expect(answer(retryAfter: "Wed Oct  1 07:28:00 2026").rateLimitWait(now: now).duration == .zero)
        #expect(answer(retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT").rateLimitWait(now: now + 0.25).duration == .zero)
        #expect(answer(retryAfter: "Wed, 21 Oct 2026 07:28:01 GMT").rateLimitWait(now: now + 0.25).duration
                == .milliseconds(750))
    }

    /// A date far ahead (a broken clock, a hostile server) is taken as a day, with a note.
    @Test func aFarFutureDateIsTakenAsTheMaximum() {
        let now = 1_792_567_680.0
        for text in ["Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 22 Oct 2026 07:28:01 GMT", "Fri Dec 31 23:59:59 9999"] {
            let wait = answer(retryAfter: text).rateLimitWait(now: now)
            #expect(wait.duration == RateLimitWait.maximum, "\(text)")
            #expect(wait.notes.first?.contains("more than a day away: taken as a day") == true, "\(text)")
        }
        #expect(answer(retryAfter: "Thu, 22 Oct 2026 07:28:00 GMT").rateLimitWait(now: now).duration == .seconds(86_400))
    }

    /// A clock that is not finite cannot turn a date into a trap.
    @Test func aNonFiniteClockIsSurvived() {
        for now in [Double.infinity, -Double.infinity, Double.nan, -1e300, 1e300] {
            let wait = answer(retryAfter: "Wed, 21 Oct 2026 07:28:05 GMT").rateLimitWait(now: now)
            #expect(wait.duration.map { $0 >= .zero && $0 <= RateLimitWait.maximum } == true, "\(now)")
            let reset = answer(reset: "1004.5").rateLimitWait(now: now)
            #expect(reset.duration.map { $0 >= .zero && $0 <= RateLimitWait.maximum } == true, "\(now)")
        }
    }

    /// `X-Rate-Limit-Reset` is epoch seconds: exponents, signs and words are ignored, far times are a day.
    @Test func absurdResetTimesAreIgnoredOrTakenAsTheMaximum() {
        for text in ["1e300", "-5", "NaN", "inf", "1e400", "12:00", "1.", ".5", "1.2.3", "-1e300"] {
            let wait = answer(reset: text).rateLimitWait(now: 1000)
            #expect(wait.duration == nil, "\(text)")
            #expect(wait.notes.first?.contains("not a time in epoch seconds: ignored") == true, "\(text)")
        }
        for text in ["99999999999999999999", "88401", String(repeating: "9", count: 60)] {
            let wait = answer(reset: text).rateLimitWait(now: 1000)
            #expect(wait.duration == RateLimitWait.maximum, "\(text)")
            #expect(wait.notes.first?.contains("more than a day away") == true, "\(text)")
        }
        #expect(answer(reset: String(repeating: "9", count: 65)).rateLimitWait(now: 1000).duration == nil)
    }

    /// A 429 that is not retried says how long to wait and what was wrong with its headers.
    @Test func theRateLimitFailureSaysTheWaitAndTheNotes() {
        let body = Array(#"{"type":"/problems/too-many-requests","title":"Too many requests.","flow_id":"f-9"}"#.utf8)
        let plain = APIAnswer(status: 429, reasonPhrase: "Too Many Requests", flowID: nil, retryAfter: "30",
                              rateLimitReset: nil, body: body)
        let failure = plain.rateLimitFailure(plain.rateLimitWait(now: 0))
        #expect(failure.status == 429)
        #expect(failure.description == "429 Too many requests.: the API asks to wait 30 s before retrying (flow f-9)")
        let absurd = APIAnswer(status: 429, reasonPhrase: "Too Many Requests", flowID: nil, retryAfter: "1e16",
                               rateLimitReset: nil, body: body)
        #expect(absurd.rateLimitFailure(absurd.rateLimitWait(now: 0)).description
                == "429 Too many requests.: Retry-After \"1e16\" is neither whole seconds nor an HTTP date: ignored (flow f-9)")
        let huge = APIAnswer(status: 429, reasonPhrase: "Too Many Requests", flowID: nil, retryAfter: "99999999999",
                             rateLimitReset: nil, body: [])
        #expect(huge.rateLimitFailure(huge.rateLimitWait(now: 0)).description
                == "429 HTTP 429 Too Many Requests: the API asks to wait a day or more before retrying; Retry-After \"99999999999\" is more than a day: taken as a day")
    }
}
