/// Turns one broker message (body, headers, AMQP `message_id`) into an `Event`.
///
/// Lenient where the contract is uncertain (unknown fields ignored, optional fields missing or null, unknown
/// reasons and types kept raw) and strict where it must be (not JSON, not an object, no event id, a relied-on
/// field of the wrong type): those are `EventDecodingError`s, never crashes and never silent defaults.
public struct EventDecoder: Sendable {
    public var limits: JSONDocument.Limits
    /// The tape's buffer, kept for the next body: the consumer decodes every message with one decoder.
    private var scratch: [JSONDocument.Token] = []

    public init(limits: JSONDocument.Limits = .default) { self.limits = limits }

    /// Decodes a message.
    /// - Parameters:
    ///   - body: the message body, UTF-8 JSON.
    ///   - headers: the AMQP headers as strings; a header whose name ends in `type` (`Message-Type`,
    ///     `Event-Type`, case-insensitive) names the event type and wins over the body.
    ///   - messageID: the AMQP `message_id` property, used as the event id when the body has none.
    public func decode(body: [UInt8], headers: [String: String] = [:], messageID: String? = nil) throws(EventDecodingError) -> Event {
        var decoder = self
        return try body.withUnsafeBufferPointer { (bytes) throws(EventDecodingError) in
            try decoder.decode(bytes: bytes, headers: headers, messageID: messageID)
        }
    }

    /// Decodes a message read in place (the broker client's buffers), reusing this decoder's token buffer.
    /// `messageID` is only evaluated when the body has no id (building it is an allocation an event).
    public mutating func decode(bytes: UnsafeBufferPointer<UInt8>, headers: some MessageHeaders,
                                messageID: @autoclosure () -> String? = nil) throws(EventDecodingError) -> Event {
        do {
            return try JSONDocument.withRoot(of: bytes, limits: limits, scratch: &scratch) { (root) throws(EventDecodingError) in
                try EventDecoder.decode(root: root, headers: headers, messageID: messageID)
            }
        } catch {
            switch error {
            case let .json(error): throw .invalidJSON(error)
            case let .body(error): throw error
            }
        }
    }

    private static func decode(root: JSONView, headers: some MessageHeaders, messageID: () -> String?) throws(EventDecodingError) -> Event {
        guard root.isObject else { throw .notAnObject(found: root.kindName) }
        let body = try Fields(root, base: root.index)
        let metadata = try body.object("metadata")

        var type = EventDecoder.typeHeader(in: headers)
        if type == nil { type = try metadata?.eventType("type") }
        if type == nil { type = try metadata?.eventType("event_type") }
        guard let type else { throw .missingField("metadata.type") }

        var id = try metadata?.stringOrNumber("id")
        if id == nil || id == "" { id = messageID().flatMap { $0.isEmpty ? nil : $0 } }
        guard let id else { throw .missingField("metadata.id") }
        let occurredAt = try metadata?.timestamp("occurred_at")
        var flowID = try metadata?.string("flow_id")
        if flowID == nil { flowID = EventDecoder.header("flow-id", in: headers) }
        let fleetID = try metadata?.string("fleet_id")

        let vehicleID: String?
        let payload: EventPayload
        switch type {
        case .vehicleChanged:
            guard let v = try body.object("vehicle") else { throw .missingField("vehicle") }
            let vehicle = try VehicleResource(v)
            let reasons = try body.strings("reasons")?.map(ChangeReason.init(raw:)) ?? []
            vehicleID = vehicle.id
            payload = .vehicleChanged(VehicleChange(reasons: reasons, vehicle: vehicle))
        case .vehicleStateRecorded:
            vehicleID = try body.requiredString("vehicle_id")
            if let f = try body.object("vehicle_state") {
                payload = .vehicleStateRecorded(try VehicleState(f))
            } else {
                payload = .vehicleStateRecorded(VehicleState())
            }
        case .tripStarted, .tripEnded, .tripMetricsReady, .tripDiscarded:
            guard let trip = try body.object("trip") else { throw .missingField("trip") }
            vehicleID = try trip.requiredString("vehicle_id")
            payload = .trip(try TripReport(trip))
        case .smokeDetected, .smokeDataReady:
            vehicleID = try body.requiredString("vehicle_id")
            payload = .smoke(try SmokeReport(body))
        case .other:
            vehicleID = try EventDecoder.anyVehicleID(in: body)
            payload = .other
        }
        return Event(id: id, type: type, occurredAt: occurredAt, flowID: flowID, fleetID: fleetID,
                     vehicleID: vehicleID, payload: payload)
    }

    /// The event type named by a header whose name ends in `type`, case-insensitive (`Content-Type` excluded).
    // Both lookups keep their result in a local of a concrete type: `decode` runs unspecialised for a conformance
    // of another module, where a generic result would look up `Optional<R>`'s metadata on every message.
    static func typeHeader(in headers: some MessageHeaders) -> EventType? {
        var type: EventType?
        _ = headers.withFirst(nonEmpty: true, whereName: { name in
            asciiCaseInsensitive(name, hasSuffix: "type") && !asciiCaseInsensitive(name, equals: "content-type")
                && !asciiCaseInsensitive(name, equals: "content_type")
        }) { type = EventType(utf8: $0) }
        return type
    }

    static func header(_ lowercasedName: StaticString, in headers: some MessageHeaders) -> String? {
        var value: String?
        _ = headers.withFirst(nonEmpty: false, whereName: { asciiCaseInsensitive($0, equals: lowercasedName) }) {
            value = String(decoding: $0, as: UTF8.self)
        }
        return value
    }

    // Header names are compared as bytes, without lowercased copies: this runs for every header of every message.
    private static func asciiCaseInsensitive(_ name: UnsafeBufferPointer<UInt8>, hasSuffix lowercased: StaticString) -> Bool {
        let n = lowercased.utf8CodeUnitCount
        guard name.count >= n else { return false }
        let suffix = name.count - n
        for k in 0..<n where foldASCII(name[suffix + k]) != lowercased.utf8Start[k] { return false }
        return true
    }

    private static func asciiCaseInsensitive(_ name: UnsafeBufferPointer<UInt8>, equals lowercased: StaticString) -> Bool {
        name.count == lowercased.utf8CodeUnitCount && asciiCaseInsensitive(name, hasSuffix: lowercased)
    }

    private static func foldASCII(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c
    }

    /// For an unknown type: the vehicle id where the known types keep it, if present.
    static func anyVehicleID(in body: Fields) throws(EventDecodingError) -> String? {
        if let id = try body.object("vehicle")?.string("id") { return id }
        if let id = try body.string("vehicle_id") { return id }
        return try body.object("trip")?.string("vehicle_id")
    }
}

extension TripReport {
    init(_ f: Fields) throws(EventDecodingError) {
        self.init(tripID: try f.requiredString("id"))
        start = try f.object("start").map { (p) throws(EventDecodingError) in try TripPoint(p) }
        end = try f.object("end").map { (p) throws(EventDecodingError) in try TripPoint(p) }
        distanceKilometers = try f.double("distance_in_kilometers")
        durationSeconds = try f.double("duration_in_seconds")
        maxSpeedKilometersPerHour = try f.double("max_speed_in_kilometers_per_hour")
        discardReason = try f.string("reason")
    }
}

extension TripPoint {
    init(_ f: Fields) throws(EventDecodingError) {
        self.init(time: try f.timestamp("time"), position: try f.position("position"),
                  mileageKilometers: try f.double("mileage_in_kilometers"))
    }
}

extension SmokeReport {
    init(_ f: Fields) throws(EventDecodingError) {
        self.init(incidentID: try f.string("smoke_event_id"), detectedAt: try f.timestamp("detected_at"),
                  position: try f.position("position"), startedAt: try f.timestamp("started_at"),
                  endedAt: try f.timestamp("ended_at"),
                  maxPM25: try f.double("max_pm2_5_in_micrograms_per_cubic_meter"))
    }
}
