import FleetCore

/// A simulated INVERS fleet: a pure, deterministic stepper over simulated time.
///
/// No threads, no clock: callers advance it (`step(until:)`, `advance(minimumEvents:)`) and get back the events
/// that happened, in time order. Everything random comes from `SimRandom` seeded by the configuration, so a
/// seed, a start time and a configuration always yield the same events; only commands (which arrive when a user
/// sends them) add events outside that sequence.
///
/// What happens: available vehicles are rented; a rental runs one to three trips (`TripStarted`, readings with a
/// moving position every few seconds, `TripEnded`, then `TripMetricsReady`, or `TripDiscarded` when the trip was
/// shorter than a minute) and ends locked; available vehicles drop offline and come back; master data changes now
/// and then; vehicles with a smoke sensor have rare incidents (`SmokeDetected`, minutes later `SmokeDataReady`).
/// Invariants the tests hold it to: no reading from an offline vehicle, a trip ends after it starts and is
/// reported after it ends, and smoke data only follows its detection.
public struct Simulation: Sendable {
    public let configuration: SimulationConfiguration
    /// The simulated time the fleet has been advanced to.
    public private(set) var now: Timestamp

    var fleet: [SimVehicle]
    var indexByID: [String: Int]
    var agenda = Agenda<Action>()
    /// Behaviour (rentals, trips, incidents).
    var random: SimRandom
    /// Event, trip and incident ids: a stream of its own, so ids do not shift when behaviour draws change.
    var ids: SimRandom
    var output: [SimEvent] = []

    enum Action: Sendable {
        case parkedReading(Int)
        case rentalStart(Int, phase: UInt64)
        case tripStart(Int, phase: UInt64)
        case drivingReading(Int, trip: String)
        case tripEnd(Int, trip: String)
        case rentalEnd(Int, phase: UInt64)
        case goOffline(Int, phase: UInt64)
        case comeOnline(Int, phase: UInt64)
        case masterDataChange(Int)
        case smokeCheck(Int)
        case smokeEnd(Int, incident: String)
        /// An event decided earlier and published later (trip metrics arrive a while after the trip).
        case deferred(Int, SimEvent.Body)
    }

    public init(configuration: SimulationConfiguration = SimulationConfiguration()) {
        self.configuration = configuration
        now = configuration.start
        var root = SimRandom(seed: configuration.seed)
        var fleetRandom = root.split()
        random = root.split()
        ids = root.split()
        fleet = FleetFactory.makeFleet(configuration: configuration, using: &fleetRandom)
        indexByID = Dictionary(uniqueKeysWithValues: fleet.enumerated().map { ($1.id, $0) })
        for index in fleet.indices { setUpInitialPhase(index) }
    }

    // MARK: Advancing

    /// Runs everything due up to `time` and returns the events, oldest first. `now` becomes `time`.
    public mutating func step(until time: Timestamp) -> [SimEvent] {
        while let entry = agenda.popDue(notAfter: time.microseconds) {
            now = Timestamp(microseconds: entry.due)
            perform(entry.action)
        }
        if time > now { now = time }
        return takeOutput()
    }

    /// Runs actions in time order until at least `minimumEvents` events have happened (or nothing is left), and
    /// returns them. For publishing a fixed count or as fast as the broker takes them, whatever the clock says.
    public mutating func advance(minimumEvents: Int) -> [SimEvent] {
        while output.count < minimumEvents, let due = agenda.nextDue,
              let entry = agenda.popDue(notAfter: due) {
            now = Timestamp(microseconds: entry.due)
            perform(entry.action)
        }
        return takeOutput()
    }

    private mutating func takeOutput() -> [SimEvent] {
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    // MARK: Reading the fleet

    /// Every vehicle as the REST API lists it, in a stable order.
    public var vehicles: [VehicleResource] { fleet.map { $0.resource(fleetID: configuration.fleetID) } }

    package var vehicleIDs: [String] { fleet.map(\.id) }

    public func vehicle(id: String) -> VehicleResource? {
        indexByID[id].map { fleet[$0].resource(fleetID: configuration.fleetID) }
    }

    /// What the vehicle's telematics unit would report now (nil for an unknown id).
    public func state(ofVehicle id: String) -> VehicleState? {
        indexByID[id].map { fleet[$0].state(at: now) }
    }

    /// Whether the vehicle is on a trip (nil for an unknown id).
    public func isMoving(_ id: String) -> Bool? { indexByID[id].map { fleet[$0].isMoving } }

    /// Whether the vehicle's telematics unit is online (nil for an unknown id).
    public func isOnline(_ id: String) -> Bool? { indexByID[id].map { fleet[$0].online } }

    /// The capabilities (`LOCK_CENTRAL_LOCK`, …) the vehicle supports (nil for an unknown id).
    public func commands(ofVehicle id: String) -> [String]? { indexByID[id].map { fleet[$0].model.commands } }

    /// A new flow id for a command that did not come with one (the demo's in-process commands).
    public mutating func newFlowID() -> String { ids.uuid() }

    // MARK: Helpers shared by the behaviour

    func time(_ micros: Int64) -> Timestamp { Timestamp(microseconds: micros) }

    /// `now` plus a number of seconds, rounded to whole milliseconds (what the bodies show).
    func later(_ seconds: Double) -> Int64 {
        now.microseconds + Int64((max(0.001, seconds) * 1000).rounded()) * 1000
    }

    /// `now` minus a number of seconds: measurements are taken a moment before the event is sent.
    func earlier(_ seconds: Double) -> Timestamp { now.adding(seconds: -seconds) }

    mutating func emit(_ index: Int, _ body: SimEvent.Body, flowID: String? = nil) {
        output.append(SimEvent(id: ids.uuid(), occurredAt: now, flowID: flowID, fleetID: configuration.fleetID,
                               vehicleID: fleet[index].id, body: body))
    }

    mutating func emitReading(_ index: Int, flowID: String? = nil) {
        guard fleet[index].online else { return }  // an offline unit reports nothing
        emit(index, .vehicleStateRecorded(fleet[index].state(at: earlier(1))), flowID: flowID)
    }

    mutating func emitChange(_ index: Int, _ reasons: [ChangeReason]) {
        let vehicle = fleet[index]
        emit(index, .vehicleChanged(reasons: reasons, vehicle: vehicle.resource(fleetID: configuration.fleetID),
                                    stateCapabilities: vehicle.model.stateCapabilities))
    }
}
