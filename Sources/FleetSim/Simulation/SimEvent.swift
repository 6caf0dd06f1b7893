import FleetCore

/// One event the simulated fleet emits: the envelope (`metadata`) and what happened. The encoder turns it into
/// the contract's JSON body and headers; the demo turns it into a FleetCore `Event` directly.
public struct SimEvent: Sendable, Hashable {
    /// `metadata.id`, UUID-shaped and derived from the seed.
    public var id: String
    public var occurredAt: Timestamp
    /// The flow id of the REST call that caused the event (a command), else nil.
    public var flowID: String?
    public var fleetID: String
    public var vehicleID: String
    public var body: Body

    public init(id: String, occurredAt: Timestamp, flowID: String? = nil, fleetID: String, vehicleID: String,
                body: Body) {
        self.id = id
        self.occurredAt = occurredAt
        self.flowID = flowID
        self.fleetID = fleetID
        self.vehicleID = vehicleID
        self.body = body
    }

    /// What happened, by event type.
    public enum Body: Sendable, Hashable {
        /// The whole vehicle as it is now, with the reasons for the change.
        case vehicleChanged(reasons: [ChangeReason], vehicle: VehicleResource, stateCapabilities: [String])
        case vehicleStateRecorded(VehicleState)
        case tripStarted(tripID: String, start: TripPoint)
        case tripEnded(tripID: String, start: TripPoint, end: TripPoint)
        case tripMetricsReady(tripID: String, distanceKilometers: Double, durationSeconds: Double,
                              maxSpeedKilometersPerHour: Double)
        case tripDiscarded(tripID: String, reason: String)
        case smokeDetected(incidentID: String, detectedAt: Timestamp, position: Position)
        case smokeDataReady(incidentID: String, startedAt: Timestamp, endedAt: Timestamp, maxPM25: Double,
                            samples: [SmokeSample])
    }

    /// The canonical event type.
    public var type: EventType {
        switch body {
        case .vehicleChanged: .vehicleChanged
        case .vehicleStateRecorded: .vehicleStateRecorded
        case .tripStarted: .tripStarted
        case .tripEnded: .tripEnded
        case .tripMetricsReady: .tripMetricsReady
        case .tripDiscarded: .tripDiscarded
        case .smokeDetected: .smokeDetected
        case .smokeDataReady: .smokeDataReady
        }
    }

    /// The version INVERS gives this type (Trip v2, the others v1).
    public var version: Int {
        switch body {
        case .tripStarted, .tripEnded, .tripMetricsReady, .tripDiscarded: 2
        default: 1
        }
    }

    /// The same event as FleetCore's decoder would produce it from the encoded body: what the demo feeds the
    /// dashboard without a broker.
    public var event: Event {
        let payload: EventPayload
        switch body {
        case let .vehicleChanged(reasons, vehicle, _):
            payload = .vehicleChanged(VehicleChange(reasons: reasons, vehicle: vehicle))
        case let .vehicleStateRecorded(state):
            payload = .vehicleStateRecorded(state)
        case let .tripStarted(tripID, start):
            payload = .trip(TripReport(tripID: tripID, start: start))
        case let .tripEnded(tripID, start, end):
            payload = .trip(TripReport(tripID: tripID, start: start, end: end))
        case let .tripMetricsReady(tripID, distance, duration, maxSpeed):
            payload = .trip(TripReport(tripID: tripID, distanceKilometers: distance, durationSeconds: duration,
                                       maxSpeedKilometersPerHour: maxSpeed))
        case let .tripDiscarded(tripID, reason):
            payload = .trip(TripReport(tripID: tripID, discardReason: reason))
        case let .smokeDetected(incidentID, detectedAt, position):
            payload = .smoke(SmokeReport(incidentID: incidentID, detectedAt: detectedAt, position: position))
        case let .smokeDataReady(incidentID, startedAt, endedAt, maxPM25, _):
            payload = .smoke(SmokeReport(incidentID: incidentID, startedAt: startedAt, endedAt: endedAt,
                                         maxPM25: maxPM25))
        }
        let fleet: String? = if case .vehicleChanged = body { fleetID } else { nil }
        return Event(id: id, type: type, occurredAt: occurredAt, flowID: flowID, fleetID: fleet,
                     vehicleID: vehicleID, payload: payload)
    }
}

/// One particulate reading of a smoke incident.
public struct SmokeSample: Sendable, Hashable {
    public var timestamp: Timestamp
    /// PM2.5 in µg/m³.
    public var pm25: Double
    public init(timestamp: Timestamp, pm25: Double) {
        self.timestamp = timestamp
        self.pm25 = pm25
    }
}
