/// One decoded INVERS event: the envelope every event shares, and the payload of its type.
public struct Event: Sendable, Identifiable {
    /// `metadata.id` (or the AMQP `message_id` when the body has none): unique per event, the key for dedup.
    public var id: String {
        get { idStorage.string }
        set { idStorage = CompactID(newValue) }
    }
    /// `stableHash(id)`, made from the id's bytes where they are kept, without building a `String`.
    public var idHash: UInt64 { idStorage.withUTF8 { stableHash(utf8: $0) } }
    var idStorage: CompactID
    public var type: EventType
    public var occurredAt: Timestamp?
    /// The flow id of the REST call that caused this event, if any.
    public var flowID: String? {
        get { flowStorage?.string }
        set { flowStorage = newValue.map(CompactID.init) }
    }
    /// `TimelineEntry`'s hash of the flow id, 0 when there is none, made without building a `String`.
    var flowHash: UInt64 { flowStorage?.withUTF8 { TimelineEntry.flowHash(utf8: $0) } ?? 0 }
    var flowStorage: CompactID?
    public var fleetID: String?
    /// The vehicle the event is about; always present for the known types.
    public var vehicleID: String?
    public var payload: EventPayload
    /// How many numbers in the body were outside their field's domain (`NumericDomain`) and were dropped from
    /// the payload, as if absent.
    public var valuesOutOfRange: Int

    public init(id: String, type: EventType, occurredAt: Timestamp?, flowID: String? = nil, fleetID: String? = nil,
                vehicleID: String?, payload: EventPayload, valuesOutOfRange: Int = 0) {
        self.init(idStorage: CompactID(id), type: type, occurredAt: occurredAt, flowStorage: flowID.map(CompactID.init),
                  fleetID: fleetID, vehicleID: vehicleID, payload: payload, valuesOutOfRange: valuesOutOfRange)
    }

    init(idStorage: CompactID, type: EventType, occurredAt: Timestamp?, flowStorage: CompactID?, fleetID: String?,
         vehicleID: String?, payload: EventPayload, valuesOutOfRange: Int) {
        self.idStorage = idStorage
        self.type = type
        self.occurredAt = occurredAt
        self.flowStorage = flowStorage
        self.fleetID = fleetID
        self.vehicleID = vehicleID
        self.payload = payload
        self.valuesOutOfRange = valuesOutOfRange
    }
}

/// What an event says, by type.
public indirect enum EventPayload: Hashable, Sendable {
    case vehicleChanged(VehicleChange)
    case vehicleStateRecorded(VehicleState)
    /// `TripStarted`, `TripEnded`, `TripMetricsReady` and `TripDiscarded` share one shape: `Event.type` says which.
    case trip(TripReport)
    /// `SmokeDetected` and `SmokeDataReady`.
    case smoke(SmokeReport)
    /// An event of a type this version does not know.
    case other
}

/// A `VehicleChanged` event: the reasons and the vehicle as it is now (only the changed parts may be present).
public struct VehicleChange: Hashable, Sendable {
    public var reasons: [ChangeReason]
    public var vehicle: VehicleResource
    public init(reasons: [ChangeReason], vehicle: VehicleResource) {
        self.reasons = reasons
        self.vehicle = vehicle
    }
}

/// What a Trip v2 event says about one trip.
public struct TripReport: Hashable, Sendable {
    public var tripID: String
    public var start: TripPoint?
    public var end: TripPoint?
    public var distanceKilometers: Double?
    public var durationSeconds: Double?
    public var maxSpeedKilometersPerHour: Double?
    /// Why a trip was discarded (`TOO_SHORT`, …).
    public var discardReason: String?

    public init(tripID: String, start: TripPoint? = nil, end: TripPoint? = nil, distanceKilometers: Double? = nil,
                durationSeconds: Double? = nil, maxSpeedKilometersPerHour: Double? = nil, discardReason: String? = nil) {
        self.tripID = tripID
        self.start = start
        self.end = end
        self.distanceKilometers = distanceKilometers
        self.durationSeconds = durationSeconds
        self.maxSpeedKilometersPerHour = maxSpeedKilometersPerHour
        self.discardReason = discardReason
    }
}

/// The start or end of a trip.
public struct TripPoint: Hashable, Sendable {
    public var time: Timestamp?
    public var position: Position?
    public var mileageKilometers: Double?
    public init(time: Timestamp?, position: Position? = nil, mileageKilometers: Double? = nil) {
        self.time = time
        self.position = position
        self.mileageKilometers = mileageKilometers
    }
}

/// What a smoke event says about one incident.
public struct SmokeReport: Hashable, Sendable {
    public var incidentID: String?
    public var detectedAt: Timestamp?
    public var position: Position?
    public var startedAt: Timestamp?
    public var endedAt: Timestamp?
    public var maxPM25: Double?

    public init(incidentID: String?, detectedAt: Timestamp? = nil, position: Position? = nil,
                startedAt: Timestamp? = nil, endedAt: Timestamp? = nil, maxPM25: Double? = nil) {
        self.incidentID = incidentID
        self.detectedAt = detectedAt
        self.position = position
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.maxPM25 = maxPM25
    }
}
