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
}
