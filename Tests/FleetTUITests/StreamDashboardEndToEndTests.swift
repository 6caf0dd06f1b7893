import AMQP
import FleetCore
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard on the test broker in a real terminal (tmux): on a stream it resumes across a restart; on a
/// classic queue a second dashboard says the queue is shared.
@Suite(.serialized) struct StreamDashboardEndToEndTests {
    var amqpURL: String {
        let b = TestBroker.amqpURL
        return "amqp://\(b.user):\(b.password)@\(b.host):\(b.port)/%2f"
    }

    func now(plus seconds: Int) -> String { Timestamp.now().adding(seconds: Double(seconds)).description }

    /// Three rentals and 27 lock readings before the restart, two rentals and 18 readings while it is down.
    func events(_ prefix: String, rentals: Int, readings: Int, from: Int) -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        for i in 0..<rentals {
            out.append(("\(prefix)-r\(i)", TestEvents.vehicleChanged(
                id: "\(prefix)-r\(i)", vehicle: "\(prefix.uppercased())-\(i)", at: now(plus: -600 + from + i),
                reasons: ["RENTAL_STATUS_CHANGED"], rental: "IN_RENTAL")))
        }
        for i in 0..<readings {
            out.append(("\(prefix)-l\(i)", TestEvents.lockReading(
                id: "\(prefix)-l\(i)", vehicle: "\(prefix.uppercased())-L\(i)", at: now(plus: -600 + from + rentals + i),
                lock: "LOCKED")))
        }
        return out
    }

    /// The dashboard's log lines (its file under XDG_STATE_HOME).
    func log(_ dir: String) -> String {
        (try? String(contentsOfFile: "\(dir)/fleetwatch/fleetwatch.log", encoding: .utf8)) ?? ""
    }

    func savedCheckpoint(_ dir: String) -> StreamCheckpoint? {
        let offsets = "\(dir)/fleetwatch/offsets"
        guard let name = (try? FileManager.default.contentsOfDirectory(atPath: offsets))?.first(where: { $0.hasSuffix(".json") }),
              let data = FileManager.default.contents(atPath: "\(offsets)/\(name)") else { return nil }
        return try? JSONDecoder().decode(StreamCheckpoint.self, from: data)
    }

    /// Quit and started again on the stream: it resumes from its saved offset (the events published while it was
    /// down appear), applies each event once, and its Rentals pane still shows the rentals from before.
    @Test func aRestartResumesWhereItLeftOffAndRebuildsThePanes() async throws {
        let binary = try EndToEnd.fleetwatch()
        let queues = try TestQueues("fw-e2e-resume", arguments: TestQueues.stream)
        defer { queues.cleanUp() }
        let stream = queues.name
        let publisher = queues.publisher
        let before = events("pre", rentals: 3, readings: 27, from: 0)
        try publisher.publish(before.map { AMQPMessage(routingKey: stream, body: $0.1, messageID: $0.0) })

        let dir = try EndToEnd.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The same dashboard twice; the second run waits for Enter, so that events can be published between.
        let script = """
            export FLEETWATCH_AMQP_URL='\(amqpURL)' XDG_CONFIG_HOME='\(dir)' XDG_STATE_HOME='\(dir)'
            \(binary) --stream '\(stream)'; echo FIRST-EXIT=$?
            read line
            \(binary) --stream '\(stream)'; echo SECOND-EXIT=$?
            sleep 60

            """
        let tmux = try TmuxSession(width: 160, height: 50, script: script, in: dir)

        guard await tmux.waitFor("the first run's vehicles", { $0.contains("Vehicles 30/30") && $0.contains("PRE-2") })
            != nil else { return }
        #expect(await eventually(timeout: 10) { savedCheckpoint(dir)?.offset == 29 }, "\(String(describing: savedCheckpoint(dir)))")
        tmux.keys("q")
        guard await tmux.waitFor("the first run's exit", { $0.contains("FIRST-EXIT=0") }) != nil else { return }
        #expect(log(dir).contains("first run on the stream"))

        // While it is down.
        let during = events("post", rentals: 2, readings: 18, from: 100)
        try publisher.publish(during.map { AMQPMessage(routingKey: stream, body: $0.1, messageID: $0.0) })
        #expect(await eventually(timeout: 10) { (try? TestBroker.messageCount(stream)) == 50 })

        tmux.keys("Enter")
        guard let screen = await tmux.waitFor("the second run with old and new", {
            $0.contains("Vehicles 50/50") && $0.contains("POST-1") && $0.contains("PRE-0")
        }) else { return }
        // The rentals from before the restart are in the Rentals pane, each once.
        for vehicle in ["PRE-0", "PRE-1", "PRE-2", "POST-0", "POST-1"] {
            #expect(screen.components(separatedBy: "\(vehicle) started").count == 2, "\(vehicle) once in Rentals:\n\(screen)")
        }
        // Caught up: the header stops counting and the stream is live.
        await tmux.waitFor("live after catching up") { !$0.contains("catching up") && $0.contains("● connected") }
        #expect(await eventually(timeout: 10) { savedCheckpoint(dir)?.offset == 49 },
                "\(String(describing: savedCheckpoint(dir)))\n\(log(dir))")
        tmux.keys("q")
        guard await tmux.waitFor("the second run's exit", { $0.contains("SECOND-EXIT=0") }) != nil else { return }
        let lines = log(dir).split(separator: "\n")
        #expect(lines.contains { $0.contains("resuming the stream") && $0.contains("after offset 29") }, "\(log(dir))")
        // Each event applied once: the 30 replayed to rebuild the panes and the 20 new ones.
        let stopped = lines.filter { $0.contains("dashboard stopped") }
        #expect(stopped.count == 2 && stopped.last?.contains("events applied=50") == true, "\(stopped)")
        #expect(savedCheckpoint(dir)?.replayFrom == 0)
    }

    /// Two dashboards on one classic queue: the broker would split its events between them, so the second one's
    /// header names the shared queue; the first one's does not.
    @Test func aSecondDashboardOnAQueueSaysItIsShared() async throws {
        let binary = try EndToEnd.fleetwatch()
        let queues = try TestQueues("fw-e2e-shared")
        defer { queues.cleanUp() }
        let queue = queues.name
        let dir = try EndToEnd.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = "FLEETWATCH_AMQP_URL='\(amqpURL)' FLEETWATCH_QUEUES='\(queue)' "
            + "XDG_CONFIG_HOME='\(dir)' XDG_STATE_HOME='\(dir)' sh -c '\(binary); sleep 60'"
        let first = TmuxSession(width: 200, height: 30, running: command)
        guard await first.waitFor("the first dashboard connected", { $0.contains("● connected") }) != nil else { return }
        let second = TmuxSession(width: 200, height: 30, running: command)
        await second.waitFor("the shared queue named") { $0.contains("SHARED QUEUE \(queue)") }
        #expect(!first.screen().contains("SHARED QUEUE"), "\(first.screen())")
        first.keys("q")
        second.keys("q")
    }
}
