import AMQP
import FleetCore
import Foundation
import TestSupport
import Testing

/// A team on one stream, end to end on the test broker: one vhost stands for INVERS, another for the team.
/// `fleetwatch team init` declares the stream and prints the shovel; the shovel (RabbitMQ's plugin, as printed,
/// with the password filled in) moves the INVERS queue into the stream while its source connection is closed
/// twice; three `tail --stream` processes each print every event exactly once.
@Suite(.serialized) struct TeamStreamTests {
    static let events = 20_000

    func url(vhost: String) -> AMQPURL {
        let base = TestBroker.amqpURL
        return AMQPURL(tls: false, host: base.host, port: base.port, user: base.user, password: base.password, vhost: vhost)
    }

    func vhost(_ prefix: String) throws -> String {
        let name = TestBroker.uniqueName(prefix)
        try TestBroker.ctl("add_vhost", name)
        try TestBroker.ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*")
        return name
    }

    /// Messages in `queue` of `vhost` (ready plus unacknowledged), nil when there is no such queue.
    func messages(_ queue: String, vhost: String) throws -> Int? {
        let output = try TestBroker.ctlOutput(["list_queues", "-p", vhost, "-q", "--no-table-headers", "name", "messages"])
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, fields[0] == queue { return Int(fields[1]) }
        }
        return nil
    }

    /// Closes the connections into `vhost`: the shovel's source, standing for INVERS dropping it.
    func closeConnections(vhost: String) throws -> Int {
        let output = try TestBroker.ctlOutput(["list_connections", "-q", "--no-table-headers", "vhost", "pid"])
        var closed = 0
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, fields[0] == vhost else { continue }
            // By pid (rabbitmqctl takes no name here). One that ended meanwhile cannot be closed; only those count.
            if (try? TestBroker.ctl("close_connection", String(fields[1]), "fleetwatch test: INVERS drops the shovel")) != nil {
                closed += 1
            }
        }
        return closed
    }

    /// The single-quoted words of a printed shell line.
    func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if quoted {
                if c == "'" { quoted = false } else { current.append(c) }
            } else if c == "'" {
                quoted = true
            } else if c == "\\", line.index(after: i) < line.endIndex {
                i = line.index(after: i)
                current.append(line[i])
            } else if c == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(c)
            }
            i = line.index(after: i)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func theShovelFillsTheStreamAndEveryTailSeesEveryEventOnce() async throws {
        let invers = try vhost("fw-invers")
        let team = try vhost("fw-team")
        defer {
            try? TestBroker.ctl("delete_vhost", invers)
            try? TestBroker.ctl("delete_vhost", team)
        }
        let queue = "vehicle-change"
        let source = try AMQPPublisher(url: url(vhost: invers))
        defer { source.close() }
        try source.declareQueue(queue)

        let broker = TestBroker.amqpURL
        let teamURL = "amqp://\(broker.user):\(broker.password)@\(broker.host):\(broker.port)/\(team)"
        let initRun = try await fleetwatch(
            ["team", "init", "--queue", queue, "--stream", "team.events",
             "--invers-url", "amqp://\(broker.user)@\(broker.host):\(broker.port)/\(invers)"],
            environment: ["FLEETWATCH_AMQP_URL": teamURL])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        #expect(!initRun.output.contains("\(broker.user):\(broker.password)@"))
        let commands = initRun.stdout.split(separator: "\n").filter { $0.hasPrefix("rabbitmqctl ") }.map(String.init)
        try #require(commands.count == 1, "\(initRun.stdout)")
        #expect(try messages("team.events", vhost: team) == 0)  // the stream is declared

        // As an operator runs it, with the password in place of the placeholder.
        var arguments = Array(words(commands[0]).dropFirst())
        arguments = arguments.map { $0.replacingOccurrences(of: ":PASSWORD@", with: ":\(TestBroker.amqpURL.password)@") }
        _ = try TestBroker.ctlOutput(arguments)

        try source.publish((0..<Self.events).map { i in
            AMQPMessage(routingKey: queue, body: TestEvents.vehicleChanged(
                id: "team-\(i)", vehicle: "V\(i % 50)", at: "2026-12-06T10:00:00Z", life: i % 2 == 0 ? "ONLINE" : "OFFLINE"),
                messageID: "team-\(i)")
        })
        source.close()  // from here on, the shovel's is the only connection into the INVERS vhost
        for threshold in [4_000, 11_000] {
            #expect(await eventually(timeout: 60) { ((try? messages("team.events", vhost: team)) ?? 0) >= threshold })
            #expect(try closeConnections(vhost: invers) >= 1)
        }
        #expect(await eventually(timeout: 120) {
            (try? messages(queue, vhost: invers)) == 0 && ((try? messages("team.events", vhost: team)) ?? 0) >= Self.events
        })

        let tail = ["tail", "--stream", "team.events", "--since", "first", "--count", "\(Self.events)", "--json"]
        let environment = ["FLEETWATCH_AMQP_URL": teamURL]
        async let a = fleetwatch(tail, environment: environment)
        async let b = fleetwatch(tail, environment: environment)
        async let c = fleetwatch(tail, environment: environment)
        let expected = Set((0..<Self.events).map { "team-\($0)" })
        for run in try await [a, b, c] {
            #expect(run.status == 0 && !run.signalled, "\(run.stderr)")
            let ids = run.stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
            }
            #expect(ids.count == Self.events)
            #expect(Set(ids) == expected)
        }
    }

    /// A bad `--since`, or one without a stream, is a usage error that says what it takes; nothing connects.
    @Test func aBadSinceIsAUsageError() async throws {
        let environment = ["FLEETWATCH_AMQP_URL": "amqp://guest:guest@127.0.0.1:1/"]
        let noStream = try await fleetwatch(["tail", "--queue", "q", "--since", "1h"], environment: environment)
        #expect(noStream.status == 64)
        #expect(noStream.stderr.contains("--since needs --stream"))
        for bad in ["1y", "offset:-1", "yesterday", "400d"] {
            let run = try await fleetwatch(["tail", "--stream", "s", "--since", bad], environment: environment)
            #expect(run.status == 64, "\(bad)")
            #expect(run.stderr.contains("--since takes first, last, next"), "\(bad): \(run.stderr)")
        }
    }
}
