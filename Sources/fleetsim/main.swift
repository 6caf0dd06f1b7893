// fleetsim: the INVERS stand-in. A simulated fleet that publishes INVERS events to RabbitMQ and (with
// --api-port) serves the INVERS REST API on the same fleet.
import AMQP
import ArgumentParser
import FleetCore
import FleetSim
import FleetSimREST
import Foundation

@main
struct FleetSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleetsim",
        abstract: "The INVERS stand-in: a simulated fleet that publishes events to RabbitMQ the way INVERS does.",
        discussion: """
        Events go to one durable queue per topic: <prefix>.vehicle-change, <prefix>.trip, \
        <prefix>.smoke-detection and <prefix>.vehicle-state-recorded, with the contract's JSON bodies, the \
        Message-Type, Message-Version and Flow-ID headers, message_id, persistent delivery and publisher confirms. \
        Without --amqp-url (or FLEETSIM_AMQP_URL), messages are printed as JSON lines instead.

        Give the broker password in the environment, not on the command line:
          FLEETSIM_AMQP_URL=amqp://USER:PASSWORD@127.0.0.1:5672/%2f fleetsim --count 1000 --burst

        The same --seed and --start publish the same events, byte for byte.
        """)

    @Option(help: "How many vehicles the fleet has.")
    var vehicles = 300

    @Option(help: "Publish this many events per second; the simulation advances as fast as needed. Excludes --time-scale and --burst.")
    var rate: Double?

    @Option(name: .customLong("time-scale"), help: "Simulated seconds per real second (default 1: real time). Excludes --rate and --burst.")
    var timeScale: Double?

    @Flag(help: "Publish as fast as the broker takes the messages (benchmarks).")
    var burst = false

    @Option(help: "The seed of the simulation: the same seed and --start give the same events.")
    var seed: UInt64 = 1

    @Option(help: "The simulated start time, ISO-8601 (default: now).")
    var start: String?

    @Option(name: .customLong("amqp-url"), help: ArgumentHelp(
        "The broker, amqp[s]://USER:PASSWORD@HOST[:PORT]/VHOST. Prefer the environment variable FLEETSIM_AMQP_URL.",
        valueName: "URL"))
    var amqpURL: String?

    @Option(name: .customLong("tls-ca"), help: ArgumentHelp(
        "An extra CA bundle (PEM) to trust for amqps:// (or set FLEETSIM_TLS_CA or FLEETWATCH_TLS_CA).",
        valueName: "FILE"))
    var tlsCA: String?

    @Option(name: .customLong("queue-prefix"), help: "The prefix of the queue names.")
    var queuePrefix = "fleetwatch"

    @Option(help: "Publish this many messages, then exit.")
    var count: Int?

    @Option(name: .customLong("malformed-rate"), help: "The share of messages (0 to 1) replaced by malformed bodies.")
    var malformedRate: Double = 0

    @Option(name: .customLong("api-port"), help: "Serve the INVERS REST API on this port of 127.0.0.1 (0: any free port), on the same fleet.")
    var apiPort: Int?

    @Option(name: .customLong("token-ttl"), help: "Lifetime in seconds of the REST API's access tokens.")
    var tokenTTL: Int = 900

    @Option(name: .customLong("client-id"), help: "The API client the REST API accepts.")
    var clientID = "fleetsim"

    @Option(name: .customLong("client-secret-file"), help: ArgumentHelp(
        "A file holding the API client's secret (or set FLEETSIM_CLIENT_SECRET). Required with --api-port.",
        valueName: "FILE"))
    var clientSecretFile: String?

    mutating func validate() throws {
        guard vehicles >= 1 else { throw ValidationError("--vehicles must be at least 1") }
        let pacings = [rate != nil, timeScale != nil, burst].filter { $0 }.count
        guard pacings <= 1 else { throw ValidationError("choose one of --rate, --time-scale and --burst") }
        // Bounded, so that the publisher's arithmetic on them (events due, pauses) stays in range.
        if let rate, !(rate > 0 && rate <= 1_000_000) { throw ValidationError("--rate must be above 0 and at most 1000000") }
        if let timeScale, !(timeScale > 0 && timeScale <= 1_000_000) {
            throw ValidationError("--time-scale must be above 0 and at most 1000000")
        }
        if let count, count < 0 { throw ValidationError("--count must not be negative") }
        guard (0...1).contains(malformedRate) else { throw ValidationError("--malformed-rate must be between 0 and 1") }
        if let start, Timestamp(iso8601: start) == nil {
            throw ValidationError("--start is not an ISO-8601 time such as 2026-11-28T08:00:00Z")
        }
        guard (1...31_536_000).contains(tokenTTL) else { throw ValidationError("--token-ttl must be 1 to 31536000 seconds") }
    }

    var pacing: PublishingRun.Pacing {
        if burst { return .burst }
        if let rate { return .rate(rate) }
        return .timeScale(timeScale ?? 1)
    }

    func run() async throws {
        let startTime = start.flatMap(Timestamp.init(iso8601:))
            ?? Timestamp(seconds: Date().timeIntervalSince1970.rounded(.down))
        let simulation = Simulation(configuration: SimulationConfiguration(vehicles: vehicles, seed: seed, start: startTime))

        let urlText = amqpURL ?? ProcessInfo.processInfo.environment["FLEETSIM_AMQP_URL"]
        let url: AMQPURL?
        do {
            url = try urlText.map { (text) throws(AMQPURLError) in try AMQPURL(text) }
        } catch {
            throw ValidationError("--amqp-url: \(error)")  // the error never repeats the URL
        }
        var apiConfiguration: StandInConfiguration?
        if let apiPort {
            guard (0...65535).contains(apiPort) else { throw ValidationError("--api-port must be from 0 to 65535") }
            apiConfiguration = StandInConfiguration(port: apiPort, clientID: clientID, clientSecret: try clientSecret(),
                                                    tokenTTL: .seconds(tokenTTL))
        }

        let stop = StopSignal()
        let queue = EventQueue()
        let pacing = self.pacing
        let fleet = PublishingRun.makeFleet(simulation, pacing: pacing, queue: queue)
        let topology = Topology(prefix: queuePrefix)
        let (count, malformedRate) = (self.count, self.malformedRate)
        let environment = ProcessInfo.processInfo.environment
        let tlsCAFile = tlsCA ?? environment["FLEETSIM_TLS_CA"] ?? environment["FLEETWATCH_TLS_CA"]
        let target = url?.description ?? "stdout"
        log("fleetsim: \(vehicles) vehicles, seed \(seed), start \(startTime), publishing to \(target)")
        var api: RunningStandIn?
        if let configuration = apiConfiguration {
            // The REST API serves the same fleet the publisher runs: its commands' readings are published too.
            let running = try await InversStandInServer(backend: fleet, configuration: configuration).start()
            log("fleetsim: INVERS REST API on \(running.baseURL) (client \(SafeText.sanitize(clientID)))")
            api = running
        }

        let outcome: Result<PublishingRun.Statistics, any Error> = await withCheckedContinuation { done in
            // The publisher and its connection live on this one thread (rabbitmq-c is not thread-safe).
            let thread = Thread {
                do {
                    let publisher: MessagePublisher
                    if let url {
                        publisher = try BrokerPublisher(url: url, options: AMQPConnectionOptions(
                            tlsCAFile: tlsCAFile, connectionName: "fleetsim"))
                    } else {
                        // Written line by line, so the lines reach a pipe as they happen.
                        publisher = LinePublisher { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
                    }
                    let run = PublishingRun(fleet: fleet, queue: queue, publisher: publisher, topology: topology,
                                            pacing: pacing, count: count, malformedRate: malformedRate)
                    try run.declareTopology()
                    try run.run(shouldStop: { stop.isRequested })
                    (publisher as? BrokerPublisher)?.close()
                    done.resume(returning: .success(run.statistics))
                } catch {
                    done.resume(returning: .failure(error))
                }
            }
            thread.name = "fleetsim publisher"
            thread.start()
        }
        await api?.stop()
        switch outcome {
        case let .success(statistics):
            let malformed = statistics.malformed > 0 ? " (\(statistics.malformed) malformed)" : ""
            log("fleetsim: published \(statistics.published) messages\(malformed) to \(target)")
        case let .failure(error):
            log("fleetsim: \(SafeText.sanitize(String(describing: error)))")
            throw ExitCode.failure
        }
    }

    /// The API client's secret: from the file, else the environment; never from argv.
    private func clientSecret() throws -> String {
        if let clientSecretFile {
            guard let text = try? String(contentsOfFile: clientSecretFile, encoding: .utf8) else {
                throw ValidationError("cannot read --client-secret-file \(clientSecretFile)")
            }
            let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw ValidationError("--client-secret-file \(clientSecretFile) is empty") }
            return secret
        }
        if let secret = ProcessInfo.processInfo.environment["FLEETSIM_CLIENT_SECRET"], !secret.isEmpty { return secret }
        throw ValidationError("--api-port needs the API client's secret: --client-secret-file FILE or FLEETSIM_CLIENT_SECRET")
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Set by SIGINT or SIGTERM: the run finishes its batch, waits for the broker's confirms, and exits.
// Unchecked: `sources` are only kept alive after init, never touched; the flag has its own lock.
final class StopSignal: @unchecked Sendable {
    private let requested = Flag()
    private let sources: [any DispatchSourceSignal]

    init() {
        let requested = self.requested
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { requested.set() }
            source.resume()
            return source
        }
    }

    var isRequested: Bool { requested.isSet }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
