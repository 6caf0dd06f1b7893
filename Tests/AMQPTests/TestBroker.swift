import AMQP
import Foundation

/// Where the test broker is: `scripts/test` exports these; the fallbacks are the default node of `scripts/broker`.
enum TestBroker {
    static var amqpURL: AMQPURL {
        let text = ProcessInfo.processInfo.environment["FLEETWATCH_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/%2f"
        return try! AMQPURL(text)
    }

    static var amqpsURL: AMQPURL {
        let text = ProcessInfo.processInfo.environment["FLEETWATCH_TEST_AMQPS_URL"] ?? "amqps://guest:guest@localhost:5671/%2f"
        return try! AMQPURL(text)
    }

    static var tlsCA: String {
        ProcessInfo.processInfo.environment["FLEETWATCH_TEST_TLS_CA"] ?? "/tmp/fleetwatch-broker/tls/ca.pem"
    }

    /// A queue name no other test (or other engineer's suite on the same node) uses.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix).\(UInt64.random(in: 0..<UInt64.max))"
    }
}
