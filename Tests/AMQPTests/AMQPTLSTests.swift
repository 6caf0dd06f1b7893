import TestSupport
import AMQP
import Testing

/// TLS verifies the peer and the host name; rabbitmq-c 0.11 checks DNS names only, so IP addresses fail.
@Suite struct AMQPTLSTests {
    @Test func connectsToLocalhostWithTheTestCA() throws {
        let connection = try AMQPConnection(url: TestBroker.amqpsURL, options: AMQPConnectionOptions(tlsCAFile: TestBroker.tlsCA))
        defer { connection.close() }
        #expect(connection.isAlive)
        #expect(connection.heartbeatSeconds > 0)
    }

    @Test func withoutTheCATheErrorSaysWhichOptionToUse() {
        do {
            _ = try AMQPConnection(url: TestBroker.amqpsURL)
            Issue.record("TLS connected without trusting the test CA")
        } catch {
            #expect(error.description.contains("not signed by a trusted CA"))
            #expect(error.description.contains("--tls-ca"))
        }
    }

    @Test func anIPAddressFailsTheHostNameCheck() {
        var url = TestBroker.amqpsURL
        url.host = "127.0.0.1"
        do {
            _ = try AMQPConnection(url: url, options: AMQPConnectionOptions(tlsCAFile: TestBroker.tlsCA))
            Issue.record("TLS to an IP address passed the host name check")
        } catch {
            #expect(error.description.contains("does not name 127.0.0.1"))
        }
    }

    @Test func anUnreadableCAFileIsATLSSetupError() {
        #expect(throws: AMQPError.tlsSetup("cannot read the CA file /nonexistent/ca.pem (--tls-ca)")) {
            _ = try AMQPConnection(url: TestBroker.amqpsURL, options: AMQPConnectionOptions(tlsCAFile: "/nonexistent/ca.pem"))
        }
    }
}
