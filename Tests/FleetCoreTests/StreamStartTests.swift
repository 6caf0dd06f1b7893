import FleetCore
import Testing

@Suite struct StreamStartTests {
    @Test func readsEveryForm() {
        #expect(StreamStart("first") == .first)
        #expect(StreamStart("last") == .last)
        #expect(StreamStart("next") == .next)
        #expect(StreamStart("offset:0") == .offset(0))
        #expect(StreamStart("offset:41200") == .offset(41_200))
        #expect(StreamStart("90s") == .ago(seconds: 90))
        #expect(StreamStart("30m") == .ago(seconds: 1_800))
        #expect(StreamStart("1h") == .ago(seconds: 3_600))
        #expect(StreamStart("7d") == .ago(seconds: 604_800))
        #expect(StreamStart("2026-12-03T08:00:00Z") == .time(Timestamp(iso8601: "2026-12-03T08:00:00Z")!))
    }

    /// Extreme and malformed values are refused, never wrapped or trapped on.
    @Test(arguments: ["", "FIRST", "offset:", "offset:-1", "offset:+5", "offset:99999999999999999999", "0h", "-1h",
                      "1w", "h", "367d", "999999999999999999999s", "9223372036854775807s", "2026-13-03T08:00:00Z",
                      "1.5h", " 1h", "offset: 3"])
    func refuses(text: String) {
        #expect(StreamStart(text) == nil, "\(text.debugDescription)")
    }

    @Test func describesItselfAsItIsWritten() {
        for text in ["first", "last", "next", "offset:12", "90s", "30m", "25h", "7d", "2026-12-03T08:00:00Z"] {
            #expect(StreamStart(text)?.description == text)
        }
        let now = Timestamp(iso8601: "2026-12-06T12:00:00Z")!
        #expect(StreamStart("1h")?.startTime(now: now) == Timestamp(iso8601: "2026-12-06T11:00:00Z"))
        #expect(StreamStart.first.startTime(now: now) == nil)
    }
}
