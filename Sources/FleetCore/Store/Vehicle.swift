/// A vehicle as the dashboard knows it: every property with the stamp of the event that set it.
public struct Vehicle: Hashable, Sendable, Identifiable {
    public let id: String
    public var plate: Stamped<String>?
    public var name: Stamped<String>?
    public var brand: Stamped<String>?
    public var model: Stamped<String>?
    public var lifeStatus: Stamped<LifeStatus>?
    public var rentalStatus: Stamped<RentalStatus>?
    public var operationStatus: Stamped<String>?
    public var centralLock: Stamped<LockState>?
    public var position: Stamped<Position>?
    public var chargeOrFuelPercent: Stamped<Double>?
    public var remainingRangeKilometers: Stamped<Double>?
    public var mileageKilometers: Stamped<Double>?
    public var drivingEnabled: Stamped<Bool>?
    public var ignition: Stamped<String>?
    public var commands: Stamped<[String]>?
    /// The current trip, or the last one.
    public var trip: TripState?
    /// The latest smoke incident; `isActive` until its data is ready.
    public var smoke: SmokeState?
    /// The time of the newest event about this vehicle.
    public var lastEventAt: Timestamp?
    /// Its newest events, in short (`VehicleTimeline.capacity` at most): the detail view's timeline.
    public internal(set) var timeline = VehicleTimeline()

    public init(id: String) { self.id = id }

    public var isOnline: Bool { lifeStatus?.value == .online }
    public var isInRental: Bool { rentalStatus?.value == .inRental }
    public var hasActiveSmoke: Bool { smoke?.isActive ?? false }

    mutating func noteEvent(at time: Timestamp?) {
        if let time, time > lastEventAt ?? Stamp.unknownTime { lastEventAt = time }
    }
}

/// What is known of one trip, merged from its events in whatever order they arrive.
///
/// Each value is kept with the stamp of the event that reported it, and a newer report wins, as for a vehicle's
/// properties: two reports that disagree (a corrected start time) end in the same trip whichever came first.
public struct TripState: Hashable, Sendable {
    public var tripID: String
    public var startedAt: Timestamp? { start?.value }
    /// The end time a report gave, else the time of the newest `TripEnded` that gave none.
    public var endedAt: Timestamp? { end?.value ?? endedBy?.value }
    public var distanceKilometers: Double? { distance?.value }
    public var durationSeconds: Double? { duration?.value }
    public var discardReason: String? { discard?.value }
    /// Orders trips of one vehicle: the earliest time known for the trip.
    var order: Timestamp
    var start: Stamped<Timestamp>?
    var end: Stamped<Timestamp>?
    /// When a `TripEnded` without an end time occurred: a reported end time, of any stamp, wins over it.
    var endedBy: Stamped<Timestamp>?
    var distance: Stamped<Double>?
    var duration: Stamped<Double>?
    var discard: Stamped<String>?

    init(tripID: String, order: Timestamp) {
        self.tripID = tripID
        self.order = order
    }
}

/// What is known of one smoke incident, merged as a trip is: the newest report of a value wins.
public struct SmokeState: Hashable, Sendable {
    public var incidentID: String?
    /// The earliest detection time reported.
    public var detectedAt: Timestamp?
    public var endedAt: Timestamp? { end?.value }
    public var maxPM25: Double? { peak?.value }
    /// Orders incidents of one vehicle: the earliest time known for the incident.
    var order: Timestamp
    /// True once `SmokeDataReady` arrived: the incident is over.
    public var dataReady: Bool
    var end: Stamped<Timestamp>?
    var peak: Stamped<Double>?

    public var isActive: Bool { !dataReady }

    init(incidentID: String?, order: Timestamp) {
        self.incidentID = incidentID
        self.order = order
        dataReady = false
    }
}
