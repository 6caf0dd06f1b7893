import TestSupport
import AMQP
import Testing

@Suite struct AMQPURLTests {
    @Test func parsesEveryPartAndPercentDecodes() throws {
        let url = try AMQPURL("amqps://f-FLT23-c-CNSM23A:p%40ss%3Aword@api.invers.com/fleet%2fvhost")
        #expect(url.tls)
        #expect(url.host == "api.invers.com")
        #expect(url.port == 5671)
        #expect(url.user == "f-FLT23-c-CNSM23A")
        #expect(url.password == "p@ss:word")
        #expect(url.vhost == "fleet/vhost")
    }

    @Test func defaultsPortsAndVhost() throws {
        #expect(try AMQPURL("amqp://u:p@localhost").port == 5672)
        #expect(try AMQPURL("amqp://u:p@localhost").vhost == "/")
        #expect(try AMQPURL("amqp://u:p@localhost/%2f").vhost == "/")
        #expect(try AMQPURL("amqps://u:p@localhost:5999/").port == 5999)
        #expect(try AMQPURL("amqp://localhost").user == "guest")
        #expect(try AMQPURL("amqp://[::1]:5673/v").host == "::1")
    }

    @Test func descriptionNeverShowsThePassword() throws {
        let url = try AMQPURL("amqps://alice:s3cret-pw@api.invers.com:5671/prod")
        #expect(url.description == "amqps://alice:***@api.invers.com:5671/prod")
        #expect(!"\(url)".contains("s3cret"))
        #expect(url.endpoint == "api.invers.com/prod")
        #expect(try AMQPURL("amqp://u:p@localhost/%2f").endpoint == "localhost")
    }

    @Test func rejectsBadURLsWithoutEchoingThem() {
        #expect(throws: AMQPURLError.unsupportedScheme("http")) { try AMQPURL("http://host") }
        #expect(throws: AMQPURLError.notAnAMQPURL) { try AMQPURL("host:5672") }
        #expect(throws: AMQPURLError.invalidPort) { try AMQPURL("amqp://user:s3cret") }
        #expect(throws: AMQPURLError.invalidPercentEncoding("password")) { try AMQPURL("amqp://u:%zz@h") }
        #expect(throws: AMQPURLError.invalidHost) { try AMQPURL("amqp://u:p@/v") }
        let error = (try? AMQPURL("amqp://user:s3cret")) == nil
        #expect(error)
        #expect(!AMQPURLError.invalidPort.description.contains("s3cret"))
    }

    /// Extreme ports are an error, never a trap, and the error never repeats them (they may be a password).
    @Test func extremePortsAreAClearError() throws {
        for port in ["0", "65536", "99999999999", "99999999999999999999999999", "-1", "1e3", "0x10", "５６７２"] {
            #expect(throws: AMQPURLError.invalidPort, "\(port)") { try AMQPURL("amqp://u:p@host:\(port)/v") }
        }
        #expect(try AMQPURL("amqp://u:p@host:65535/v").port == 65535)
    }

    /// Broken percent-escapes are an error naming the part, and a `%00` (which would cut the C string handed to
    /// rabbitmq-c) is refused in every part.
    @Test func brokenPercentEscapesAndNULsAreAClearError() throws {
        #expect(throws: AMQPURLError.invalidPercentEncoding("password")) { try AMQPURL("amqp://u:abc%@h") }
        #expect(throws: AMQPURLError.invalidPercentEncoding("password")) { try AMQPURL("amqp://u:abc%4@h") }
        #expect(throws: AMQPURLError.invalidPercentEncoding("user")) { try AMQPURL("amqp://%ff%fe:p@h") }
        #expect(throws: AMQPURLError.invalidPercentEncoding("password")) { try AMQPURL("amqp://u:pw%00x@h") }
        #expect(throws: AMQPURLError.invalidPercentEncoding("host")) { try AMQPURL("amqp://u:p@127.0.0.1%00.evil") }
        #expect(throws: AMQPURLError.invalidPercentEncoding("vhost")) { try AMQPURL("amqp://u:p@h/v%00") }
    }

    /// Userinfo without a colon may be a token in the user's place: it is hidden too.
    @Test func aUserWithoutAPasswordIsHiddenInTheDescription() throws {
        let url = try AMQPURL("amqps://t0ken-Zq9@api.invers.com/prod")
        #expect(url.description == "amqps://***@api.invers.com:5671/prod")
        #expect(!"\(url)".contains("t0ken"))
        #expect(url.shownUser == "***")
        #expect(try AMQPURL("amqp://alice:pw@h").shownUser == "alice")
        let hostile = AMQPURL(tls: false, host: "h\u{1B}[2J", user: "u", password: "p")
        #expect(hostile.description == "amqp://u:***@h%1B%5B2J:5672/%2F")
    }

    /// Text before `://` that is not a scheme may be a mistyped password: it is not repeated.
    @Test func aSchemeIsRepeatedOnlyWhenItLooksLikeOne() {
        #expect(throws: AMQPURLError.unsupportedScheme(nil)) { try AMQPURL("user:s3cret@host://x") }
        #expect(!AMQPURLError.unsupportedScheme(nil).description.contains("s3cret"))
        #expect(throws: AMQPURLError.unsupportedScheme("https")) { try AMQPURL("https://host") }
    }
}
