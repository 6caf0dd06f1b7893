import AMQP
import ArgumentParser
import BenchWorkloads
import FleetCore
import FleetStream
import Foundation

/// The Swift side of `scripts/bench-consumer`: fills a queue with INVERS-shaped events, and drains it through
/// fleetwatch's real consumer path (`AMQPEventSource`: decode, dedup, hub, settle, batched multi-acks).
@main
struct BenchConsumer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleetwatch-bench-consumer", abstract: "Consumer benchmarks: fill queues, drain one, catch up on one as the dashboard, or time the store alone.",
        subcommands: [Fill.self, Drain.self, CatchUp.self, ApplyOnly.self])
}

struct QueueOptions: ParsableArguments {
    @Option(help: "The broker (the password may come from AMQP_PASSWORD instead).") var url: String
    @Option(help: "The queue (fill: repeatable, every queue gets the same events).") var queue: [String] = []
    @Option(help: "How many events.") var count: Int

    /// A drain and a catch-up read a queue; only `fill` can do without one (it may fill a stream alone).
    func validateHasQueue() throws {
        guard !queue.isEmpty else { throw ValidationError("give a --queue") }
    }

    func amqpURL() throws -> AMQPURL {
        var url = try AMQPURL(self.url)
        if let password = ProcessInfo.processInfo.environment["AMQP_PASSWORD"] { url.password = password }
        return url
    }
}

/// Declares the queues (durable) and publishes `count` persistent events with confirms, once, through a
/// fanout exchange bound to every queue: the broker copies them, so that both consumers drain the same events. The
/// realistic mix is the same on every fill of the same count and vehicles, so queues filled one at a time hold the
/// same events too.
struct Fill: ParsableCommand {
    @OptionGroup var options: QueueOptions
    @Option(help: "A RabbitMQ stream (x-queue-type: stream) to fill with the same events, declared here (repeatable).")
    var stream: [String] = []
    @Option(help: "Bodies of the benchmarks' realistic mix (EventMix) about this many vehicles; without it, one VehicleStateRecorded shape.")
    var vehicles: Int?

    func validate() throws {
        guard !options.queue.isEmpty || !stream.isEmpty else { throw ValidationError("give a --queue or a --stream to fill") }
    }

    func run() throws {
        let publisher = try AMQPPublisher(url: try options.amqpURL())
        let exchange = "bench.fanout.\(UInt32.random(in: 0..<UInt32.max))"
        try publisher.declareExchange(exchange, type: "fanout", durable: false)
        defer {
            try? publisher.deleteExchange(exchange)
            publisher.close()
        }
        for queue in options.queue {
            try publisher.declareQueue(queue)
            try publisher.bindQueue(queue, exchange: exchange, routingKey: "")
        }
        for stream in self.stream {
            try publisher.declareQueue(stream, arguments: ["x-queue-type": .string("stream")])
            try publisher.bindQueue(stream, exchange: exchange, routingKey: "")
        }
        if let vehicles {
            try publishMix(vehicles: vehicles, through: publisher, exchange: exchange)
            return
        }
        let run = UInt32.random(in: 0..<UInt32.max)
        var batch: [AMQPMessage] = []
        batch.reserveCapacity(5000)
        for i in 0..<options.count {
            let id = "bench-\(run)-\(i)"
            let body = """
                {"metadata": {"id": "\(id)", "type": "VehicleStateRecorded", "version": 1, "occurred_at": "2026-11-28T10:21:05Z"}, \
                "vehicle_id": "V\(i % 5000)", "vehicle_state": {"central_lock": {"timestamp": "2026-11-28T10:21:04Z", "value": "LOCKED"}, \
                "position": {"timestamp": "2026-11-28T10:21:04Z", "value": {"lat": 52.520008, "lon": 13.404954}}, \
                "mileage_in_kilometers": {"timestamp": "2026-11-28T10:21:04Z", "value": \(48_000 + i % 1000)}}}
                """
            batch.append(AMQPMessage(exchange: exchange, routingKey: "", body: Array(body.utf8), messageID: id,
                                     headers: ["Message-Type": "VehicleStateRecorded", "Message-Version": "1"]))
            if batch.count == 5000 {
                try publisher.publish(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try publisher.publish(batch)
    }

    /// The mix a chunk at a time (all of a million bodies at once would be 600 MB), each with its event id as
    /// `message_id` and its type in `Message-Type`, as INVERS sends them.
    private func publishMix(vehicles: Int, through publisher: AMQPPublisher, exchange: String) throws {
        let decoder = EventDecoder()
        let chunk = 5000
        for first in stride(from: 0, to: options.count, by: chunk) {
            let bodies = EventMix.bodies(count: min(chunk, options.count - first), vehicles: vehicles, first: first)
            try publisher.publish(try bodies.map { body in
                let event = try decoder.decode(body: body)
                return AMQPMessage(exchange: exchange, routingKey: "", body: body, messageID: event.id,
                                   headers: ["Message-Type": event.type.description])
            })
        }
    }
}

/// Drains `count` events through `AMQPEventSource` with one subscriber that settles each batch; prints
/// "EVENTS SECONDS CPU_SECONDS" (first event to the last; CPU of the whole process).
struct Drain: AsyncParsableCommand {
    enum Subscriber: String, ExpressibleByArgument, CaseIterable {
        /// `subscribe(onMessage:)` on the consumer thread, settling at once: the consumer alone (judged).
        case inline
        /// `subscribe()`, an `AsyncStream` iterated by a task: `tail`'s path.
        case stream
        /// Like `inline`, and each batch is applied to a `FleetStore` (`FleetStore.apply`, as the dashboard's runtime
        /// does) before it is settled: the dashboard's whole path (judged).
        case store
    }

    @OptionGroup var options: QueueOptions
    @Option(help: "basic.qos prefetch.") var prefetch = 200
    @Option(help: "Acknowledge (multiple) once this many are settled (default: the consumer's, 100).") var ackBatch: Int?
    @Option(help: "Seconds to wait before reading an empty socket mid-stream (default: the consumer's).")
    var readCoalescing: Double?
    @Option(help: "How the subscriber is served: inline (the consumer alone), store (inline, applying to the dashboard's store) or stream (tail's).")
    var subscriber = Subscriber.inline

    func validate() throws { try options.validateHasQueue() }

    func run() async throws {
        var configuration = StreamConfiguration(url: try options.amqpURL(), queues: options.queue, prefetch: prefetch,
                                                connectionName: "fleetwatch bench")
        if let ackBatch { configuration.ackBatch = ackBatch }
        if let readCoalescing { configuration.readCoalescing = readCoalescing }
        let source = AMQPEventSource(configuration)
        let progress = Progress(target: options.count)
        let take: @Sendable (StreamMessage) -> Void = { message in
            guard case let .events(batch) = message else { return }
            batch.settle()
            if progress.add(batch.events.count) { source.stop() }
        }
        switch subscriber {
        case .inline:
            source.subscribe(onMessage: take)
            source.start()
        case .store:
            let store = FleetStore()
            source.subscribe { message in
                guard case let .events(batch) = message else { return }
                _ = store.apply(batch.events, arrivedAt: batch.arrivedAt)
                take(message)
            }
            source.start()
        case .stream:
            let stream = source.subscribe()
            source.start()
            for await message in stream { take(message) }
        }
        _ = source.waitUntilStopped(timeout: 3600)
        let (received, first, last) = progress.result
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        print(received, String(format: "%.6f", last - first), String(format: "%.3f", cpu))
    }

}
