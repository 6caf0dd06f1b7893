import AMQP
import FleetCore
import FleetSim
import FleetSimREST
import Foundation
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The publisher loses no message when the broker drops its connection mid-run: the unconfirmed batch is sent
/// again on a new connection (duplicates are allowed, consumers deduplicate by id). Only this test's own
/// connection is closed (found by its name through the management API), so other suites on the node are untouched.
@Suite(.serialized) struct PublisherRecoveryTests {
    static var managementURL: String {
        ProcessInfo.processInfo.environment["FLEETWATCH_TEST_MGMT_URL"] ?? "http://127.0.0.1:15672"
    }

    static func request(_ method: String, _ path: String) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: managementURL + path)!)
        request.httpMethod = method
        request.setValue("Basic " + Data("guest:guest".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        request.setValue("fleetsim recovery test", forHTTPHeaderField: "X-Reason")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// The broker's name for the connection whose client called itself `connectionName`, once the management
    /// API lists it.
    static func brokerName(of connectionName: String) async throws -> String? {
        let (status, data) = try await request("GET", "/api/connections?columns=name,client_properties")
        guard status == 200, let list = ParsedJSON(bytes: Array(data))?.elements else { return nil }
        for connection in list where connection["client_properties"]?["connection_name"]?.string == connectionName {
            return connection["name"]?.string
        }
        return nil
    }

    @Test func aDroppedConnectionLosesNoMessage() async throws {
        let prefix = BrokerPublishingTests.uniquePrefix()
        defer { BrokerPublishingTests.deleteQueues(prefix: prefix) }
        let connectionName = "fleetsim-recovery-\(UInt64.random(in: 0..<UInt64.max))"
        let total = 12_000
        let url = BrokerPublishingTests.url

        // Paced, so the run is still going when the management API shows the connection (its stats lag).
        let outcome = Task.detached { () -> Result<(published: Int, resent: Int), any Error> in
            await withCheckedContinuation { done in
                let thread = Thread {
                    do {
                        let queue = EventQueue()
                        let fleet = PublishingRun.makeFleet(Simulation(configuration: configuration(vehicles: 100)),
                                                            pacing: .rate(1500), queue: queue)
                        let publisher = try BrokerPublisher(
                            url: url, options: AMQPConnectionOptions(connectionName: connectionName))
                        defer { publisher.close() }
                        let run = PublishingRun(fleet: fleet, queue: queue, publisher: publisher,
                                                topology: Topology(prefix: prefix), pacing: .rate(1500),
                                                count: total, confirmBatch: 200)
                        try run.declareTopology()
                        try run.run(shouldStop: { false })
                        done.resume(returning: .success((run.statistics.published, publisher.resentBatches)))
                    } catch {
                        done.resume(returning: .failure(error))
                    }
                }
                thread.start()
            }
        }

        var name: String?
        #expect(await eventually(timeout: .seconds(6)) {
            name = try? await Self.brokerName(of: connectionName)
            return name != nil
        }, "the management API never listed the publisher's connection")
        let brokerName = try #require(name)
        let encoded = brokerName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? brokerName
        let (status, _) = try await Self.request("DELETE", "/api/connections/\(encoded)")
        #expect(status == 204, "closing the connection answered \(status)")

        let (published, resent) = try await outcome.value.get()
        #expect(published == total)
        #expect(resent >= 1, "the dropped connection was noticed and the batch sent again")
        var received = try BrokerPublishingTests.consume(prefix: prefix, expected: total)
        var ids = Set(received.compactMap(\.delivery.messageID))
        if ids.count < total {  // duplicates of the resent batch took some of the count: read the rest
            received += try BrokerPublishingTests.consume(prefix: prefix, expected: total - ids.count,
                                                          timeout: .seconds(5))
            ids = Set(received.compactMap(\.delivery.messageID))
        }
        #expect(ids.count == total, "\(total - ids.count) messages lost (\(received.count) received)")
    }
}
