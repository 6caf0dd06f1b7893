import AMQP
import Foundation

/// Where the test broker is and how to injure it. `scripts/test` exports the variables; the fallbacks are the
/// default node of `scripts/broker`. Broker tests fail (never skip) when it is down.
public enum TestBroker {
    public static var environment: [String: String] { ProcessInfo.processInfo.environment }

    public static var amqpURL: AMQPURL {
        try! AMQPURL(environment["FLEETWATCH_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/%2f")
    }

    public static var amqpsURL: AMQPURL {
        try! AMQPURL(environment["FLEETWATCH_TEST_AMQPS_URL"] ?? "amqps://guest:guest@localhost:5671/%2f")
    }

    public static var tlsCA: String {
        environment["FLEETWATCH_TEST_TLS_CA"] ?? "/tmp/fleetwatch-broker/tls/ca.pem"
    }

    /// A queue name no other test (or other engineer's suite on the same node) uses.
    public static func uniqueName(_ prefix: String) -> String {
        "\(prefix).\(UInt64.random(in: 0..<UInt64.max))"
    }

    /// Messages in `queue`, ready plus unacknowledged (what a passive declare does not show), or nil when the
    /// queue does not exist.
    public static func messageCount(_ queue: String) throws -> Int? {
        let output = try ctlOutput(["list_queues", "-q", "--no-table-headers", "name", "messages"])
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, fields[0] == queue { return Int(fields[1]) }
        }
        return nil
    }

    /// `scripts/broker ctl ARGS…` (rabbitmqctl against the test node); throws when it fails.
    public static func ctl(_ arguments: String...) throws { _ = try ctlOutput(arguments) }

    public static func ctlOutput(_ arguments: [String]) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let ctl = try CommandOutput.run(root.appendingPathComponent("scripts/broker"), ["ctl"] + arguments)
        guard ctl.status == 0 else { throw CtlFailure(arguments: arguments, status: ctl.status) }
        return String(decoding: ctl.stdout, as: UTF8.self)
    }

    public struct CtlFailure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var status: Int32
        public var description: String { "scripts/broker ctl \(arguments.joined(separator: " ")) exited \(status)" }
    }
}

