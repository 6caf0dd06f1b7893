import TestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16 end to end: the built `fleetwatch` in tmux, consuming three queues of the test broker, gets trip
/// metrics, smoke data and vehicle-state readings with `1e400`, `1e19` and `-1e300` in them. It stays up, every
/// pane draws, the header counts the values dropped, a later ordinary event appears, and the queues end empty
/// (every message acknowledged, none rejected back into a loop).
@Suite(.serialized) struct ExtremeNumbersEndToEndTests {
    static let environment = ProcessInfo.processInfo.environment
    static let amqpURL = environment["FLEETWATCH_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/%2f"
    static let managementURL = environment["FLEETWATCH_TEST_MGMT_URL"] ?? "http://127.0.0.1:15672"

    /// The management API through curl (as `DashboardEndToEndTests` deletes its queues): answers the body.
    @discardableResult
    static func management(_ method: String, _ path: String, json: Any? = nil, in dir: String) -> String {
        var arguments = ["curl", "-s", "-u", "guest:guest", "-X", method, "\(managementURL)/api/\(path)"]
        if let json, let data = try? JSONSerialization.data(withJSONObject: json) {
            let file = "\(dir)/request-\(UUID().uuidString).json"
            _ = FileManager.default.createFile(atPath: file, contents: data)
            arguments += ["-H", "content-type: application/json", "--data-binary", "@\(file)"]
        }
        let output = "\(dir)/answer-\(UUID().uuidString)"
        guard let pid = spawn(arguments, stdout: output) else { return "" }
        reap(pid)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Publishes `body` to `queue` through the default exchange; true when the broker routed it.
    static func publish(_ body: [UInt8], to queue: String, messageID: String, in dir: String) -> Bool {
        let request: [String: Any] = [
            "properties": ["message_id": messageID, "delivery_mode": 2, "content_type": "application/json"],
            "routing_key": queue, "payload": String(decoding: body, as: UTF8.self), "payload_encoding": "string",
        ]
        return management("POST", "exchanges/%2f/amq.default/publish", json: request, in: dir)
            .contains("\"routed\":true")
    }

    /// Messages in `queue`, ready plus unacknowledged, from the broker itself (`scripts/broker ctl`, not the
    /// management statistics, which lag); nil when it cannot be read.
    static func messages(in queue: String, dir: String) -> Int? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let output = "\(dir)/list-\(UUID().uuidString)"
        guard let pid = spawn([root.appendingPathComponent("scripts/broker").path, "ctl", "list_queues", "-q",
                               "--no-table-headers", "name", "messages"], stdout: output) else { return nil }
        reap(pid)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, fields[0] == queue { return Int(fields[1]) }
        }
        return nil
    }

    @Test func extremeNumbersThroughTheBrokerLeaveTheDashboardUp() async throws {
        let binary = try EndToEnd.fleetwatch()
        try EndToEnd.requireBroker(at: Self.amqpURL)
        let dir = try EndToEnd.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let prefix = "fw-extreme-e2e-\(UInt32.random(in: 0...UInt32.max))"
        let trips = "\(prefix).trip", smoke = "\(prefix).smoke-detection"
        let readings = "\(prefix).vehicle-state-recorded", changes = "\(prefix).vehicle-change"
        let queues = [trips, smoke, readings, changes]
        for queue in queues {
            Self.management("PUT", "queues/%2f/\(queue)", json: ["durable": true, "auto_delete": false], in: dir)
        }
        defer { for queue in queues { Self.management("DELETE", "queues/%2f/\(queue)", in: dir) } }
        for queue in queues {
            try #require(Self.messages(in: queue, dir: dir) == 0, "queue \(queue) was not declared")
        }

        let script = """
            export FLEETWATCH_AMQP_URL='\(Self.amqpURL)' FLEETWATCH_QUEUES='\(queues.joined(separator: ","))' \\
              XDG_CONFIG_HOME='\(dir)'
            unset INVERS_CLIENT_ID INVERS_CLIENT_SECRET FLEETWATCH_CONFIG

            """ + EndToEnd.ttyChecked(binary, in: dir)
        let tmux = try TmuxSession(width: 160, height: 40, script: script, in: dir)
        guard await tmux.waitFor("the dashboard, connected", { $0.contains("● connected") }) != nil else { return }

        // Each of the three twice over (two vehicles each), so a crash on the second of a kind shows too.
        var published = 0
        for round in 0..<2 {
            let bodies: [(String, [UInt8])] = [
                (trips, ExtremeEvents.tripMetrics(id: "x-trip-\(round)", vehicle: "XTRIP\(round)")),
                (smoke, ExtremeEvents.smokeData(id: "x-smoke-\(round)", vehicle: "XSMOKE\(round)")),
                (readings, ExtremeEvents.vehicleState(id: "x-state-\(round)", vehicle: "XSTATE\(round)")),
            ]
            for (queue, body) in bodies {
                #expect(Self.publish(body, to: queue, messageID: "m-\(published)", in: dir), "publish to \(queue)")
                published += 1
            }
        }
        let dropped = 2 * (ExtremeEvents.tripMetricsOutOfRange + ExtremeEvents.smokeDataOutOfRange
            + ExtremeEvents.vehicleStateOutOfRange)
        await tmux.waitFor("the six events applied and their dropped values counted") { screen in
            screen.contains("values out of range \(dropped)") && screen.contains("Vehicles 6/6")
        }
        // Every pane draws: the titles, and the entries the extreme events made.
        await tmux.waitFor("every pane") { screen in
            ["Vehicles", "Rentals", "Online/Offline", "Trips", "Smoke"].allSatisfy(screen.contains)
                && screen.contains("XTRIP1 metrics") && screen.contains("XSMOKE1 smoke over")
                && screen.split(separator: "\n").contains { $0.contains("XSTATE0") && $0.contains("LOCKED") }
        }

        // A later ordinary event appears.
        let ordinary = TestEvents.vehicleChanged(id: "ordinary-1", vehicle: "PLAIN1", at: "2026-11-28T13:00:00Z",
                                                 reasons: ["LIFE_STATUS_CHANGED", "MASTER_DATA_CHANGED"],
                                                 life: "ONLINE", plate: "OK-123")
        #expect(Self.publish(ordinary, to: changes, messageID: "m-ordinary", in: dir))
        await tmux.waitFor("the ordinary event") { screen in
            screen.split(separator: "\n").contains { $0.contains("PLAIN1") && $0.contains("OK-123") }
                && screen.contains("Vehicles 7/7")
        }

        // The queues end empty: every message was acknowledged, none went back.
        let empty = await eventually(timeout: 20) { queues.allSatisfy { Self.messages(in: $0, dir: dir) == 0 } }
        #expect(empty, "\(queues.map { "\($0): \(Self.messages(in: $0, dir: dir).map(String.init) ?? "?")" })")

        // Still up: q quits cleanly and the terminal is as before.
        tmux.keys("q")
        await tmux.waitFor("a clean exit") { $0.contains("FLEETWATCH-EXIT=0") && $0.contains("TTY-RESTORED") }
    }
}
