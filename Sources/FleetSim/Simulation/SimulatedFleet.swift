import FleetCore

/// A simulation that several parties share while it runs: a driver advances it (in real time, at a fixed rate,
/// or as fast as possible), while REST requests and the dashboard execute commands on it from other tasks.
///
/// Every event, whether from the simulation's own course or from a command, goes to `onEvents` in the order it
/// happened, while the fleet is locked: the sink must be quick (append to a queue, yield to a stream).
public final class SimulatedFleet: FleetBackend, Sendable {
    private let simulation: Locked<Simulation>
    private let onEvents: @Sendable ([SimEvent]) -> Void
    private let clock: (@Sendable () -> Timestamp)?

    /// - Parameters:
    ///   - simulation: the fleet to run.
    ///   - clock: when set, the simulated time "now" (e.g. the wall clock, scaled): before a command executes, the
    ///     simulation is brought up to it, so the command acts on the fleet as it is at that moment.
    ///   - onEvents: receives every batch of events, in order.
    public init(_ simulation: Simulation, clock: (@Sendable () -> Timestamp)? = nil,
                onEvents: @escaping @Sendable ([SimEvent]) -> Void) {
        self.simulation = Locked(simulation)
        self.clock = clock
        self.onEvents = onEvents
    }

    /// Runs the simulation up to `time`, delivering its events; returns how many there were.
    @discardableResult
    public func step(until time: Timestamp) -> Int {
        simulation.withLock { sim in
            let events = sim.step(until: time)
            if !events.isEmpty { onEvents(events) }
            return events.count
        }
    }

    /// Runs the simulation until at least `minimumEvents` events happened, delivering them; returns how many.
    @discardableResult
    public func advance(minimumEvents: Int) -> Int {
        simulation.withLock { sim in
            let events = sim.advance(minimumEvents: minimumEvents)
            if !events.isEmpty { onEvents(events) }
            return events.count
        }
    }

    /// Reads (or, carefully, changes) the simulation under the lock.
    public func withSimulation<R>(_ body: (inout Simulation) -> R) -> R {
        simulation.withLock { body(&$0) }
    }

    /// The simulated time the fleet has reached.
    public var now: Timestamp { simulation.withLock { $0.now } }

    /// Executes a command now; its `VehicleStateRecorded` (carrying `flowID`) goes to the sink.
    public func execute(_ command: VehicleCommand, on vehicleID: String,
                        flowID: String) -> Result<CommandExecution, CommandRefusal> {
        let target = clock?()
        return simulation.withLock { sim in
            if let target {
                let events = sim.step(until: target)
                if !events.isEmpty { onEvents(events) }
            }
            let result = sim.execute(command, on: vehicleID, flowID: flowID)
            if case let .success(execution) = result { onEvents(execution.events) }
            return result
        }
    }

    /// A fresh flow id from the simulation's id stream.
    public func newFlowID() -> String { simulation.withLock { $0.newFlowID() } }

    // MARK: FleetBackend

    public func vehicles() async -> [VehicleResource] { simulation.withLock { $0.vehicles } }

    public func vehicle(id: String) async -> VehicleResource? { simulation.withLock { $0.vehicle(id: id) } }

    public func execute(_ command: VehicleCommand, vehicleID: String, flowID: String) async -> CommandOutcome {
        switch execute(command, on: vehicleID, flowID: flowID) {
        case let .success(execution): .done(execution.state)
        case .failure(.unknownVehicle): .unknownVehicle
        case .failure(.notSupported): .notSupported
        case let .failure(.conflictingState(detail)): .conflictingState(detail: detail)
        }
    }
}
