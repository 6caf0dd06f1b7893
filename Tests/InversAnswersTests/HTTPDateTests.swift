import InversAnswers
import Testing

/// HTTP dates (RFC 9110 5.6.7) in the three forms a recipient accepts, read without Foundation.
@Suite struct HTTPDateTests {
    /// RFC 9110's own example, 784111777 in epoch seconds, in each form.
    @Test func theThreeFormsOfOneInstantAgree() {
        #expect(HTTPDate.epochSeconds("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.epochSeconds("Sunday, 06-Nov-94 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.epochSeconds("Sun Nov  6 08:49:37 1994") == 784_111_777)
        #expect(HTTPDate.epochSeconds("sun, 06 NOV 1994 08:49:37 gmt") == 784_111_777)
    }

    @Test func edgesOfTheCalendarAreExact() {
        #expect(HTTPDate.epochSeconds("Thu, 01 Jan 1970 00:00:00 GMT") == 0)
        #expect(HTTPDate.epochSeconds("Wed, 31 Dec 1969 23:59:59 GMT") == -1)
        #expect(HTTPDate.epochSeconds("Tue, 29 Feb 2000 12:00:00 GMT") == 951_825_600)
        #expect(HTTPDate.epochSeconds("Fri, 31 Dec 9999 23:59:59 GMT") == 253_402_300_799)
        #expect(HTTPDate.epochSeconds("Sat, 01 Jan 0000 00:00:00 GMT") == -62_167_219_200)
        #expect(HTTPDate.epochSeconds("Thursday, 01-Jan-70 00:00:00 GMT") == 0)
        #expect(HTTPDate.epochSeconds("Saturday, 01-Jan-00 00:00:00 GMT") == 946_684_800)
    }

    @Test func anythingElseIsNotADate() {
        for text in ["", "GMT", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 1994 08:49:37", "Sun, 6 Nov 1994 08:49:37 GMT",
                     "Sun, 30 Feb 1994 08:49:37 GMT", "Sun, 29 Feb 1900 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT",
                     "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 1994 08:49:61 GMT",
                     "Sun, 06 Nov 19945 08:49:37 GMT", "Sun, 06 Nov +994 08:49:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT",
                     "Sun 06 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 8:49:37 GMT",
                     "Sun, 06 Nov 1994 08:49 GMT", "Sun, 06 Nov 1994 08:49:37:00 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT",
                     "Sun Nov 123 08:49:37 1994", "1e16", "99999999999999999999", "Sun, ０６ Nov 1994 08:49:37 GMT"] {
            #expect(HTTPDate.epochSeconds(text) == nil, "\(text)")
        }
    }
}
