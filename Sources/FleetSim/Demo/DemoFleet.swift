import FleetCore
import Foundation

/// The dashboard's built-in fleet for `fleetwatch --demo`: the simulation running in-process, in (scaled) real
/// time, with no broker and no credentials.
///
/// It is all three seams at once: an `EventSource` (events of the living fleet), `VehicleCommands` (lock and
/// unlock work, with a small realistic latency, and are refused while a vehicle moves or lacks the capability),
/// and a `FleetBackend` (so the stand-in's REST server can serve the same fleet).
///
/// ```swift
/// let demo = DemoFleet()                      // 300 vehicles, seed 1, real time
/// let snapshot = try await demo.allVehicles() // seed the store
/// let stream = demo.subscribe()
/// demo.start()
/// for await message in stream { … }           // .status(.connected, endpoint "demo"), then .events(…)
/// let result = try await demo.send(.lockCentralLock, to: snapshot[0].id)
/// demo.stop()
/// ```
public final class DemoFleet: EventSource, VehicleCommands, FleetBackend, Sendable {
    /// How the demo fleet runs.
    public struct Options: Sendable {
        public var vehicles: Int
        public var seed: UInt64
        /// Simulated seconds per real second (1: real time; 60: an hour a minute).
        public var timeScale: Double
        /// How long a command takes, as a telematics round trip would.
        public var commandLatency: Duration
        /// How often the simulation is advanced and its events delivered.
        public var tick: Duration

        public init(vehicles: Int = 300, seed: UInt64 = 1, timeScale: Double = 1,
                    commandLatency: Duration = .milliseconds(400), tick: Duration = .milliseconds(100)) {
            self.vehicles = vehicles
            self.seed = seed
            self.timeScale = timeScale
            self.commandLatency = commandLatency
            self.tick = tick
        }
    }

    public static let endpoint = "demo"

    public let options: Options
    private let startTime: Timestamp
    private let startInstant: ContinuousClock.Instant
    private let hub: Locked<Hub>
    private let fleet: SimulatedFleet

    private struct Hub {
        var subscribers: [Int: AsyncStream<StreamMessage>.Continuation] = [:]
        var nextSubscriber = 0
        var driver: Task<Void, Never>?
        var state: StreamStatus.State = .connecting
        var received = 0
        var rateWindowStart = ContinuousClock.now
        var rateWindowCount = 0
        var eventsPerSecond = 0.0
        var stopped = false

        func status() -> StreamStatus {
            StreamStatus(state: state, endpoint: DemoFleet.endpoint, eventsPerSecond: eventsPerSecond,
                         received: received)
        }
    }

    /// A demo fleet starting at the current wall-clock time.
    public convenience init(options: Options = Options()) {
        self.init(options: options, start: Timestamp(seconds: Date().timeIntervalSince1970.rounded(.down)))
    }

    /// A demo fleet whose simulated clock starts at `start` (tests use a fixed time).
    public init(options: Options, start: Timestamp) {
        self.options = options
        self.startTime = start
        let configuration = SimulationConfiguration(vehicles: options.vehicles, seed: options.seed, start: start)
        let startInstant = ContinuousClock.now
        self.startInstant = startInstant
        let scale = options.timeScale
        let hub = Locked(Hub())
        self.hub = hub
        fleet = SimulatedFleet(
            Simulation(configuration: configuration),
            clock: { DemoFleet.simulatedTime(start: start, since: startInstant, scale: scale) },
            onEvents: { [hub] events in DemoFleet.deliver(events, through: hub) })
    }

    private static func simulatedTime(start: Timestamp, since instant: ContinuousClock.Instant,
                                      scale: Double) -> Timestamp {
        let elapsed = ContinuousClock.now - instant
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return start.adding(seconds: seconds * scale)
    }

    /// The underlying fleet, for the REST server or a test that wants to reach the simulation.
    package var simulatedFleet: SimulatedFleet { fleet }

    // MARK: EventSource

    public func subscribe() -> AsyncStream<StreamMessage> {
        let (stream, continuation) = AsyncStream<StreamMessage>.makeStream(bufferingPolicy: .unbounded)
        let shared = hub
        shared.withLock { hub in
            guard !hub.stopped else {
                continuation.yield(.status(hub.status()))
                continuation.finish()
                return
            }
            let id = hub.nextSubscriber
            hub.nextSubscriber += 1
            hub.subscribers[id] = continuation
            continuation.yield(.status(hub.status()))
            continuation.onTermination = { _ in
                _ = shared.withLock { $0.subscribers.removeValue(forKey: id) }
            }
        }
        return stream
    }

    public func start() {
        let tick = options.tick
        hub.withLock { hub in
            guard hub.driver == nil, !hub.stopped else { return }
            hub.state = .connected
            let status = hub.status()
            for continuation in hub.subscribers.values { continuation.yield(.status(status)) }
            hub.driver = Task.detached { [weak self] in
                // A ticker, not a synchronisation: each tick brings the simulation up to the scaled wall clock.
                while !Task.isCancelled {
                    try? await Task.sleep(for: tick)
                    guard let self else { return }
                    self.advanceToNow()
                }
            }
        }
    }

    public func stop() {
        let (driver, finishing) = hub.withLock { hub -> (Task<Void, Never>?, [AsyncStream<StreamMessage>.Continuation]) in
            guard !hub.stopped else { return (nil, []) }
            hub.stopped = true
            hub.state = .stopped
            let status = hub.status()
            let continuations = Array(hub.subscribers.values)
            for continuation in continuations { continuation.yield(.status(status)) }
            hub.subscribers.removeAll()
            defer { hub.driver = nil }
            return (hub.driver, continuations)
        }
        driver?.cancel()
        // Outside the lock: finishing runs each stream's termination handler, which takes the lock.
        for continuation in finishing { continuation.finish() }
    }

    /// Advances the simulation to the scaled wall clock now (what each tick does; tests may call it directly).
    public func advanceToNow() {
        fleet.step(until: DemoFleet.simulatedTime(start: startTime, since: startInstant, scale: options.timeScale))
        publishStatusIfDue()
    }

    private static func deliver(_ events: [SimEvent], through hub: Locked<Hub>) {
        hub.withLock { hub in
            hub.received += events.count
            hub.rateWindowCount += events.count
            guard !events.isEmpty else { return }
            // Nothing to acknowledge: the simulation is the source of truth.
            let message = StreamMessage.events(EventBatch(events.map(\.event)))
            for continuation in hub.subscribers.values { continuation.yield(message) }
        }
    }

    private func publishStatusIfDue() {
        hub.withLock { hub in
            let elapsed = ContinuousClock.now - hub.rateWindowStart
            guard elapsed >= .seconds(1), !hub.stopped else { return }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            hub.eventsPerSecond = Double(hub.rateWindowCount) / seconds
            hub.rateWindowCount = 0
            hub.rateWindowStart = ContinuousClock.now
            let status = hub.status()
            for continuation in hub.subscribers.values { continuation.yield(.status(status)) }
        }
    }

    // MARK: VehicleCommands

    public func send(_ command: VehicleCommand, to vehicleID: String) async throws(CommandFailure) -> CommandResult {
        if options.commandLatency > .zero {
            try? await Task.sleep(for: options.commandLatency)  // the telematics round trip a real command takes
        }
        let flowID = fleet.newFlowID()
        switch fleet.execute(command, on: vehicleID, flowID: flowID) {
        case let .success(execution):
            return CommandResult(state: execution.state, flowID: flowID, httpStatus: 200)
        case let .failure(refusal):
            throw refusal.failure(flowID: flowID)
        }
    }

    public func allVehicles() async throws(CommandFailure) -> [VehicleResource] {
        await fleet.vehicles()
    }

    // MARK: FleetBackend

    public func vehicles() async -> [VehicleResource] { await fleet.vehicles() }

    public func vehicle(id: String) async -> VehicleResource? { await fleet.vehicle(id: id) }

    public func execute(_ command: VehicleCommand, vehicleID: String, flowID: String) async -> CommandOutcome {
        await fleet.execute(command, vehicleID: vehicleID, flowID: flowID)
    }
}

extension CommandRefusal {
    /// The failure the INVERS REST API would answer with (`application/problem+json`), worded as the stand-in's
    /// REST server words it, so the demo and `fleetsim --api-port` read the same.
    public func failure(flowID: String?) -> CommandFailure {
        switch self {
        case .unknownVehicle:
            CommandFailure(kind: .problem, status: 404, problemType: "/problems/not-found",
                           title: "The resource was not found.", detail: "There is no vehicle with this id.",
                           flowID: flowID)
        case .notSupported:
            CommandFailure(kind: .problem, status: 409, problemType: "/problems/vehicle/command-not-supported",
                           title: "The vehicle does not support the command.", flowID: flowID)
        case let .conflictingState(detail):
            CommandFailure(kind: .problem, status: 409, problemType: "/problems/vehicle/conflicting-state",
                           title: "The command cannot be executed due to the current state of the vehicle.",
                           detail: detail, flowID: flowID)
        }
    }
}
