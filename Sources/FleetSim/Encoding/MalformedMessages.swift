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
        var json = JSONWriter()
        let body: [UInt8]
        switch kind {
        case .truncated:
            body = Array(good.body.prefix(max(1, good.body.count / 2)))
        case .notAnObject:
            json.beginArray()
            json.string(event.type.name)
            json.string(event.vehicleID)
            json.endArray()
            body = json.bytes
        case .wrongType:
            json.beginObject()
            writeMetadata(event, type: "VehicleStateRecorded", occurredAt: event.occurredAt.iso8601, into: &json)
            json.field("vehicle_id", 42)
            json.endObject()
            body = json.bytes
        case .badTimestamp:
            json.beginObject()
            writeMetadata(event, type: event.type.name, occurredAt: "yesterday at noon", into: &json)
            json.field("vehicle_id", event.vehicleID)
            json.endObject()
            body = json.bytes
        case .missingField:
            json.beginObject()
            writeMetadata(event, type: "TripEnded", occurredAt: event.occurredAt.iso8601, into: &json)
            json.field("vehicle_id", event.vehicleID)
            json.endObject()
            body = json.bytes
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

    private static func writeMetadata(_ event: SimEvent, type: String, occurredAt: String, into json: inout JSONWriter) {
        json.key("metadata")
        json.beginObject()
        json.field("id", event.id + "-bad")
        json.field("type", type)
        json.field("version", event.version)
        json.field("occurred_at", occurredAt)
        json.endObject()
    }
}
