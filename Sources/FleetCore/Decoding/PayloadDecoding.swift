/// The members of an event body outside `metadata`, and what each event type reads of them.

/// A top-level member that some event type reads. Declared in the order in which a decoder reads them when it
/// cannot read them where they stand (see `EventDecoder`), which decides which error a body with two wrong
/// members is refused for.
enum PayloadKey: Int, CaseIterable {
    case vehicle, reasons, vehicleID, vehicleState, trip
    case smokeEventID, detectedAt, position, startedAt, endedAt, maxPM25

    init?(_ key: BodyReader.Key) {
        switch key {
        case "vehicle": self = .vehicle
        case "reasons": self = .reasons
        case "vehicle_id": self = .vehicleID
        case "vehicle_state": self = .vehicleState
        case "trip": self = .trip
        case "smoke_event_id": self = .smokeEventID
        case "detected_at": self = .detectedAt
        case "position": self = .position
        case "started_at": self = .startedAt
        case "ended_at": self = .endedAt
        case "max_pm2_5_in_micrograms_per_cubic_meter": self = .maxPM25
        default: return nil
        }
    }

    /// The key as it is written, for error paths.
    var name: StaticString {
        switch self {
        case .vehicle: "vehicle"
        case .reasons: "reasons"
        case .vehicleID: "vehicle_id"
        case .vehicleState: "vehicle_state"
        case .trip: "trip"
        case .smokeEventID: "smoke_event_id"
        case .detectedAt: "detected_at"
        case .position: "position"
        case .startedAt: "started_at"
        case .endedAt: "ended_at"
        case .maxPM25: "max_pm2_5_in_micrograms_per_cubic_meter"
        }
    }

    /// Whether an event of `type` reads this member. An unknown type looks for a vehicle id where the known
    /// types keep it, and nothing else.
    func matters(for type: EventType) -> Bool {
        switch (self, type) {
        case (.vehicle, .vehicleChanged), (.reasons, .vehicleChanged): true
        case (.vehicleID, .vehicleStateRecorded), (.vehicleState, .vehicleStateRecorded): true
        case (.trip, .tripStarted), (.trip, .tripEnded), (.trip, .tripMetricsReady), (.trip, .tripDiscarded): true
        case (.vehicleID, .smokeDetected), (.vehicleID, .smokeDataReady): true
        case (.smokeEventID, .smokeDetected), (.detectedAt, .smokeDetected), (.position, .smokeDetected),
             (.startedAt, .smokeDetected), (.endedAt, .smokeDetected), (.maxPM25, .smokeDetected): true
        case (.smokeEventID, .smokeDataReady), (.detectedAt, .smokeDataReady), (.position, .smokeDataReady),
             (.startedAt, .smokeDataReady), (.endedAt, .smokeDataReady), (.maxPM25, .smokeDataReady): true
        case (.vehicle, .other), (.vehicleID, .other), (.trip, .other): true
        default: false
        }
    }
}

/// What a known event type's members said, filled member by member in whatever order the body has them. The
/// large members are decoded in place, so that a 200-byte vehicle or vehicle state is not copied on its way; a
/// member that comes twice is read afresh, so the last one counts.
struct PayloadParts {
    var vehicle: VehicleResource?
    var reasons: [ChangeReason]?
    var vehicleID: String?
    var vehicleState: VehicleState?
    var trip: TripReport?
    var tripVehicleID: String?
    var smoke: SmokeReport?

    /// Reads the value of `key` (a member of a known type: an unknown type's are read by `anyVehicleID`).
    mutating func read(_ key: PayloadKey, _ r: inout BodyReader) throws(EventDecodingError) {
        switch key {
        case .vehicle:
            vehicle = VehicleResource(id: "")
            if try !vehicle!.read(&r) { vehicle = nil }
        case .reasons:
            // The known reasons are matched as bytes: a `String` of one, and an array of them, were two allocations
            // a `VehicleChanged` event. Plain bytes are matched once; an escaped spelling is unescaped first.
            reasons = try r.readStrings { (bytes, escaped) in
                escaped ? ChangeReason(raw: BodyReader.string(bytes, escaped: true))
                    : ChangeReason(knownUTF8: bytes) ?? .other(BodyReader.string(bytes, escaped: false))
            }
        case .vehicleID: vehicleID = try r.readString()
        case .vehicleState:
            vehicleState = VehicleState()
            if try !vehicleState!.read(&r) { vehicleState = nil }
        case .trip:
            trip = TripReport(tripID: "")
            tripVehicleID = try trip!.read(&r)
        case .smokeEventID, .detectedAt, .position, .startedAt, .endedAt, .maxPM25:
            if smoke == nil { smoke = SmokeReport(incidentID: nil) }
            try smoke!.read(key, &r)
        }
    }

    /// The payload of a known `type` and the vehicle it is about, once every member has been read; throws for a
    /// member the type cannot do without.
    mutating func payload(of type: EventType) throws(EventDecodingError) -> (vehicleID: String, payload: EventPayload) {
        switch type {
        case .vehicleChanged:
            guard let vehicle = vehicle.take() else { throw .missingField("vehicle") }
            return (vehicle.id, .vehicleChanged(VehicleChange(reasons: reasons ?? [], vehicle: vehicle)))
        case .vehicleStateRecorded:
            guard let vehicleID else { throw .missingField("vehicle_id") }
            return (vehicleID, .vehicleStateRecorded(vehicleState.take() ?? VehicleState()))
        case .tripStarted, .tripEnded, .tripMetricsReady, .tripDiscarded:
            guard let tripVehicleID, let trip = trip.take() else { throw .missingField("trip") }
            return (tripVehicleID, .trip(trip))
        case .smokeDetected, .smokeDataReady:
            guard let vehicleID else { throw .missingField("vehicle_id") }
            return (vehicleID, .smoke(smoke.take() ?? SmokeReport(incidentID: nil)))
        case .other:
            preconditionFailure("an unknown type's members are read by anyVehicleID")
        }
    }

    /// For an unknown type: the vehicle id where the known types keep it, if present (`vehicle.id`, then
    /// `vehicle_id`, then `trip.vehicle_id`; a member after the first that has one is not looked at).
    static func anyVehicleID(_ marks: [PayloadKey: BodyReader.Mark], in r: inout BodyReader) throws(EventDecodingError) -> String? {
        if let mark = marks[.vehicle], let id = try r.reading(mark, as: "vehicle", { (r) throws(EventDecodingError) in
            try r.readStringMember("id")
        }) {
            return id
        }
        if let mark = marks[.vehicleID], let id = try r.reading(mark, as: "vehicle_id", { (r) throws(EventDecodingError) in
            try r.readString()
        }) {
            return id
        }
        guard let mark = marks[.trip] else { return nil }
        return try r.reading(mark, as: "trip") { (r) throws(EventDecodingError) in try r.readStringMember("vehicle_id") }
    }
}

extension BodyReader {
    /// The string member `key` of an object, nil when the object or the member is absent or null; other members
    /// are passed over.
    mutating func readStringMember(_ name: StaticString) throws(EventDecodingError) -> String? {
        var value: String?
        _ = try readObject { (r, key) throws(EventDecodingError) in
            if name ~= key { value = try r.readString() }
        }
        return value
    }
}

extension TripReport {
    /// Reads a Trip v2 `trip` object into this report, which is new, and answers the vehicle it is about (nil
    /// for `null`); both ids are required.
    mutating func read(_ r: inout BodyReader) throws(EventDecodingError) -> String? {
        var vehicleID: String?
        var tripID: String?
        let found = try r.readObject { (r, key) throws(EventDecodingError) in
            switch key {
            case "id": tripID = try r.readString()
            case "vehicle_id": vehicleID = try r.readString()
            case "start": start = try TripPoint.read(&r)
            case "end": end = try TripPoint.read(&r)
            case "distance_in_kilometers": distanceKilometers = try r.readNumber(in: .tripDistanceKilometers)
            case "duration_in_seconds": durationSeconds = try r.readNumber(in: .durationSeconds)
            case "max_speed_in_kilometers_per_hour":
                maxSpeedKilometersPerHour = try r.readNumber(in: .speedKilometersPerHour)
            case "reason": discardReason = try r.readString()
            default: break
            }
        }
        guard found else { return nil }
        guard let vehicleID else { throw .missingField("vehicle_id") }
        guard let tripID else { throw .missingField("id") }
        self.tripID = tripID
        return vehicleID
    }
}

extension SmokeReport {
    /// Reads one of the smoke fields, which sit at the top of a smoke event's body.
    mutating func read(_ key: PayloadKey, _ r: inout BodyReader) throws(EventDecodingError) {
        switch key {
        case .smokeEventID: incidentID = try r.readString()
        case .detectedAt: detectedAt = try r.readTimestamp()
        case .position: position = try Position.read(&r)
        case .startedAt: startedAt = try r.readTimestamp()
        case .endedAt: endedAt = try r.readTimestamp()
        case .maxPM25: maxPM25 = try r.readNumber(in: .pm25MicrogramsPerCubicMeter)
        default: preconditionFailure("not a smoke field: \(key)")
        }
    }
}

extension TripPoint {
    /// Reads the start or end of a trip; nil for `null`.
    static func read(_ r: inout BodyReader) throws(EventDecodingError) -> TripPoint? {
        var point = TripPoint(time: nil)
        let found = try r.readObject { (r, key) throws(EventDecodingError) in
            switch key {
            case "time": point.time = try r.readTimestamp()
            case "position": point.position = try Position.read(&r)
            case "mileage_in_kilometers": point.mileageKilometers = try r.readNumber(in: .mileageKilometers)
            default: break
            }
        }
        return found ? point : nil
    }
}
