import FleetCore

/// Deliberately bad messages for `--malformed-rate`: each one must be rejected by a correct consumer, with a
/// clear error, and must not stop the stream. They keep realistic headers and a `message_id`, so a consumer
/// cannot get away with trusting the headers alone.
public enum MalformedMessages {
    /// The kinds of damage, each one a different `EventDecodingError`.
    public enum Kind: CaseIterable, Sendable {
        /// The body is cut off mid-way (not valid JSON).
        case truncated
        /// Valid JSON, but an array, not an object.
        case notAnObject
        /// `vehicle_id` is a number.
        case wrongType
        /// `metadata.occurred_at` is not ISO-8601.
        case badTimestamp
        /// A trip event without its `trip`.
        case missingField
        /// Bytes that are not JSON at all, control characters and an escape sequence included.
        case garbage
    }

    /// A malformed message shaped after `event` (same headers and topic, damaged body, a fresh message id).
    public static func message(_ kind: Kind, basedOn event: SimEvent, messageID: String) -> OutgoingMessage {
        let good = EventEncoder().message(for: event)
        let body: [UInt8]
        switch kind {
        case .truncated:
            body = Array(good.body.prefix(max(1, good.body.count / 2)))
        case .notAnObject:
            body = StandInJSON.bytes([event.type.name, event.vehicleID])
        case .wrongType:
            body = StandInJSON.bytes(DamagedBody(event, type: "VehicleStateRecorded", vehicleID: .number(42)))
        case .badTimestamp:
            body = StandInJSON.bytes(DamagedBody(event, occurredAt: "yesterday at noon"))
        case .missingField:
            body = StandInJSON.bytes(DamagedBody(event, type: "TripEnded"))
        case .garbage:
            body = Array("\u{1B}[2J\u{1B}[31mnot json at all\u{07}".utf8)
        }
        var headers = good.headers
        switch kind {
        case .wrongType: headers["Message-Type"] = "VehicleStateRecorded"
        case .missingField: headers["Message-Type"] = "TripEnded"
        default: break
        }
        return OutgoingMessage(topic: good.topic, body: body, headers: headers, messageID: messageID)
    }
}

/// A body with `metadata` and a `vehicle_id` and nothing else: valid JSON that one of its fields, or the member it
/// lacks, makes an event the decoder must refuse.
private struct DamagedBody: Encodable {
    enum VehicleID {
        case text(String)
        case number(Int)
    }

    let event: SimEvent
    let type: String
    let occurredAt: String
    let vehicleID: VehicleID

    init(_ event: SimEvent, type: String? = nil, occurredAt: String? = nil, vehicleID: VehicleID? = nil) {
        self.event = event
        self.type = type ?? event.type.name
        self.occurredAt = occurredAt ?? event.occurredAt.iso8601
        self.vehicleID = vehicleID ?? .text(event.vehicleID)
    }

    private enum Key: String, CodingKey { case metadata, vehicleID = "vehicle_id" }
    private enum MetadataKey: String, CodingKey { case id, type, version, occurredAt = "occurred_at" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        var metadata = c.nestedContainer(keyedBy: MetadataKey.self, forKey: .metadata)
        try metadata.encode(event.id + "-bad", forKey: .id)
        try metadata.encode(type, forKey: .type)
        try metadata.encode(event.version, forKey: .version)
        try metadata.encode(occurredAt, forKey: .occurredAt)
        switch vehicleID {
        case let .text(id): try c.encode(id, forKey: .vehicleID)
        case let .number(n): try c.encode(n, forKey: .vehicleID)
        }
    }
}
