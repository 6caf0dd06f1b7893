import AMQP
import FleetCore
import FleetSim
import FleetSimREST
import Foundation
import Testing

/// The `fleetsim` executable against the real broker: `--count N` publishes N messages and exits 0, the same seed
/// and start publish the same messages, and the password never appears in what it prints.
@Suite(.serialized) struct FleetsimCommandTests {
    /// The built `fleetsim` next to the test bundle (`swift build --build-tests` builds it too).
    static func executable() throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("fleetsim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw SimulationTestFailure("fleetsim is not built next to the tests: run `swift build` first")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func fleetsim(_ arguments: [String], environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func countPublishesThatManyAndTheSameSeedPublishesTheSameMessages() throws {
        let url = BrokerPublishingTests.url
        let urlText = ProcessInfo.processInfo.environment["FLEETWATCH_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/%2f"
        let prefixes = [BrokerPublishingTests.uniquePrefix(), BrokerPublishingTests.uniquePrefix()]
        defer { for prefix in prefixes { BrokerPublishingTests.deleteQueues(prefix: prefix) } }

        var bodies: [[String: [[UInt8]]]] = []
        for prefix in prefixes {
            let run = try Self.fleetsim(
                ["--vehicles", "80", "--seed", "21", "--start", "2026-11-28T08:00:00Z", "--burst", "--count", "250",
                 "--malformed-rate", "0.04", "--queue-prefix", prefix],
                environment: ["FLEETSIM_AMQP_URL": urlText])
            #expect(run.status == 0, "fleetsim failed: \(run.stderr)")
            #expect(run.stderr.contains("published 250 messages"))
            #expect(!url.password.isEmpty && !run.stderr.contains(":\(url.password)@"), "the password is never printed")

            var perQueue: [String: [[UInt8]]] = [:]
            var rejected = 0
            for message in try BrokerPublishingTests.consume(prefix: prefix, expected: 250) {
                perQueue[String(message.queue.dropFirst(prefix.count + 1)), default: []].append(message.delivery.body)
                let delivery = message.delivery
                #expect(delivery.messageID != nil && delivery.headers["Message-Type"] != nil)
                if (try? EventDecoder().decode(body: delivery.body, headers: delivery.headers,
                                               messageID: delivery.messageID)) == nil { rejected += 1 }
            }
            #expect(perQueue.values.reduce(0) { $0 + $1.count } == 250)
            #expect(rejected > 0 && rejected < 40, "\(rejected) malformed of 250")
            bodies.append(perQueue)
        }
        #expect(bodies[0] == bodies[1], "two runs with one seed publish the same messages")
    }

    @Test func aBadURLIsRefusedWithoutEchoingIt() throws {
        let run = try Self.fleetsim(["--count", "1"], environment: ["FLEETSIM_AMQP_URL": "amqp://user:hunter2@host:notaport/v"])
        #expect(run.status != 0)
        #expect(!run.stderr.contains("hunter2"))
        #expect(run.stderr.contains("port"))
    }

    /// Absurd pacing values are a clear usage error (exit 64), never a trap in the publisher's arithmetic.
    @Test(arguments: [["--rate", "1e300"], ["--rate", "inf"], ["--rate", "nan"], ["--time-scale", "1e19"],
                      ["--token-ttl", "9223372036854775807"]])
    func absurdPacingIsAUsageError(arguments: [String]) throws {
        let run = try Self.fleetsim(arguments + ["--count", "1"], environment: [:])
        #expect(run.status == 64, "\(arguments): \(run.status) \(run.stderr)")
        #expect(run.stderr.contains("must be"), "\(run.stderr)")
    }
}
