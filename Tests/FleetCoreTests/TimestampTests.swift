import Testing
import TestSupport

/// ISO-8601 parsing: every digit checked, fractions of any length, offsets.
@Suite struct TimestampTests {
    static let valid = "2026-11-28T10:15:02Z"

    @Test func aNonDigitInAnyDigitPositionIsRefused() {
        #expect(Timestamp(iso8601: Self.valid) != nil)
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        for position in digitPositions {
            for bad in ["/", ":", "a", " ", "\u{7F}"] {  // '/' and ':' are the neighbours of '0' and '9'
                var text = Array(Self.valid)
                text[position] = Character(bad)
                #expect(Timestamp(iso8601: String(text)) == nil, "\(String(text))")
            }
        }
    }

    @Test func fractionsOfAnyLengthKeepMicroseconds() {
        let base = Timestamp(iso8601: Self.valid)!.microseconds
        let cases: [(String, Int64)] = [("5", 500_000), ("25", 250_000), ("123", 123_000), ("123456", 123_456),
                                        ("1234567", 123_456), ("000001", 1), ("999999999", 999_999)]
        for (fraction, micros) in cases {
            #expect(Timestamp(iso8601: "2026-11-28T10:15:02.\(fraction)Z")?.microseconds == base + micros, "\(fraction)")
        }
        #expect(Timestamp(iso8601: "2026-11-28T10:15:02.Z") == nil)
    }

    @Test func outOfRangeFieldsAreRefused() {
        for text in ["2026-13-28T10:15:02Z", "2026-00-28T10:15:02Z", "2026-02-29T10:15:02Z", "2026-11-31T10:15:02Z",
                     "2026-11-28T24:15:02Z", "2026-11-28T10:60:02Z", "2026-11-28T10:15:61Z", "2026-11-28X10:15:02Z",
                     "2026-11-28T10:15:02", "2026-11-28T10:15:02+0100"] {
            #expect(Timestamp(iso8601: text) == nil, "\(text)")
        }
        #expect(Timestamp(iso8601: "2024-02-29T10:15:02Z") != nil)
        #expect(Timestamp(iso8601: "2026-11-28T10:15:02+01:00")?.microseconds
                    == Timestamp(iso8601: "2026-11-28T09:15:02Z")?.microseconds)
    }
}
