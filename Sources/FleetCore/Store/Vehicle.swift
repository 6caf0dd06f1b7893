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
public struct TripState: Hashable, Sendable {
    public var tripID: String
    public var startedAt: Timestamp?
    public var endedAt: Timestamp?
    public var distanceKilometers: Double?
    public var durationSeconds: Double?
    public var discardReason: String?
    /// Orders trips of one vehicle: the earliest time known for the trip.
    var order: Timestamp
}

/// What is known of one smoke incident.
public struct SmokeState: Hashable, Sendable {
    public var incidentID: String?
    public var detectedAt: Timestamp?
    public var endedAt: Timestamp?
    public var maxPM25: Double?
    /// Orders incidents of one vehicle: the earliest time known for the incident.
    var order: Timestamp
    /// True once `SmokeDataReady` arrived: the incident is over.
    public var dataReady: Bool

    public var isActive: Bool { !dataReady }
}
