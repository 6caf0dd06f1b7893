import FleetCore

/// Runs the simulated fleet and publishes its events, paced as asked, until told to stop or a count is reached.
///
/// Runs on the thread that owns the publisher (the connection is not thread-safe). Commands executed meanwhile
/// from other threads (the REST server) add their events to the same queue, and are published in order.
public final class PublishingRun {
    /// How fast events are published.
    public enum Pacing: Sendable, Hashable {
        /// Simulated seconds per real second: events go out when they happen (1: real time).
        case timeScale(Double)
        /// A fixed number of events per real second, the simulation advancing as fast as needed.
        case rate(Double)
        /// As fast as the broker takes them (benchmarks): confirms are awaited per batch.
        case burst
    }

    /// What a run did.
    public struct Statistics: Sendable, Hashable {
        public var published = 0
        public var malformed = 0
        public var byQueue: [String: Int] = [:]
    }

    public let fleet: SimulatedFleet
    private let pending: EventQueue
    private let publisher: MessagePublisher
    private let topology: Topology
    private let pacing: Pacing
    private let count: Int?
    private var feed: MessageFeed
    /// Messages between waits for publisher confirms: every message is confirmed before the run counts it done.
    private let confirmBatch: Int
    private let began: ContinuousClock.Instant
    private let simulationStart: Timestamp
    public private(set) var statistics = Statistics()

    /// The fleet a run drives, set up for its pacing: under `.timeScale`, a command (from the REST server) first
    /// brings the simulation up to the scaled clock. Its events land in `queue`. Make it before the run, so the
    /// REST server can share it; make the run itself on the thread that publishes.
    public static func makeFleet(_ simulation: Simulation, pacing: Pacing, queue: EventQueue) -> SimulatedFleet {
        let start = simulation.now
        let began = ContinuousClock.now
        var clock: (@Sendable () -> Timestamp)?
        if case let .timeScale(scale) = pacing {
            clock = { start.adding(seconds: PublishingRun.seconds(ContinuousClock.now - began) * scale) }
        }
        return SimulatedFleet(simulation, clock: clock, onEvents: { queue.append($0) })
    }

    /// - Parameters:
    ///   - fleet: from `makeFleet`, with the same `queue` and `pacing`.
    ///   - count: stop after publishing this many messages (nil: until stopped).
    ///   - malformedRate: the share of messages replaced by malformed ones.
    public init(fleet: SimulatedFleet, queue: EventQueue, publisher: MessagePublisher, topology: Topology,
                pacing: Pacing, count: Int? = nil, malformedRate: Double = 0, confirmBatch: Int = 500) {
        self.fleet = fleet
        pending = queue
        self.publisher = publisher
        self.topology = topology
        self.pacing = pacing
        self.count = count
        let seed = fleet.withSimulation { $0.configuration.seed }
        feed = MessageFeed(seed: seed, malformedRate: malformedRate)
        self.confirmBatch = max(1, confirmBatch)
        began = ContinuousClock.now
        simulationStart = fleet.now
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Declares the topology (one durable queue per topic).
    public func declareTopology() throws {
        for queue in topology.queues { try publisher.declareQueue(queue) }
    }

    /// Publishes until `shouldStop()` returns true or `count` messages are published and confirmed.
    public func run(shouldStop: () -> Bool) throws {
        var unconfirmed = 0
        while !shouldStop() {
            if let count, statistics.published >= count { break }
            produce()
            var batch = pending.takeAll()
            if let count {
                let room = count - statistics.published
                if batch.count > room { batch.removeLast(batch.count - room) }  // a fixed count: the rest is dropped
            }
            if batch.isEmpty {
                if unconfirmed > 0 {
                    try publisher.waitForConfirms()
                    unconfirmed = 0
                }
                idle()
                continue
            }
            for event in batch {
                let message = feed.message(for: event)
                let queue = topology.queue(for: message.topic)
                try publisher.publish(message, toQueue: queue)
                statistics.published += 1
                statistics.byQueue[queue, default: 0] += 1
                if message.messageID != event.id { statistics.malformed += 1 }
                unconfirmed += 1
                if unconfirmed >= confirmBatch {
                    try publisher.waitForConfirms()
                    unconfirmed = 0
                }
            }
        }
        if unconfirmed > 0 { try publisher.waitForConfirms() }
    }

    /// Advances the simulation as the pacing allows; its events land in `pending`.
    private func produce() {
        switch pacing {
        case .timeScale:
            fleet.step(until: simulationTimeNow)
        case let .rate(rate):
            let due = Int(PublishingRun.seconds(ContinuousClock.now - began) * rate) - statistics.published
            if due > 0 { fleet.advance(minimumEvents: due) }
        case .burst:
            let wanted = count.map { min(confirmBatch, $0 - statistics.published) } ?? confirmBatch
            fleet.advance(minimumEvents: max(1, wanted))
        }
    }

    /// Where the simulated clock stands now (for `.timeScale`).
    private var simulationTimeNow: Timestamp {
        guard case let .timeScale(scale) = pacing else { return fleet.now }
        return simulationStart.adding(seconds: PublishingRun.seconds(ContinuousClock.now - began) * scale)
    }

    /// Nothing to publish yet: wait a moment for the clock (a pacing tick, not a synchronisation).
    private func idle() {
        var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
        nanosleep(&pause, nil)
    }
}

/// Events waiting to be published, in the order they happened: the simulation's and the commands'.
public final class EventQueue: Sendable {
    private let events = Locked<[SimEvent]>([])
    public init() {}
    public func append(_ batch: [SimEvent]) { events.withLock { $0.append(contentsOf: batch) } }
    public func takeAll() -> [SimEvent] {
        events.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
