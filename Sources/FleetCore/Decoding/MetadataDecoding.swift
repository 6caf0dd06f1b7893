/// What an event's `metadata` says. The type is kept by position and read only when no header names it: a
/// header's type wins, and then `metadata.type` is not looked at, even when it is of the wrong kind.
struct Metadata {
    var id: CompactID?
    var occurredAt: Timestamp?
    var flowID: CompactID?
    var fleetID: String?
    var type: BodyReader.Mark?
    var eventType: BodyReader.Mark?

    /// Reads `metadata` into this, which is new (`null` leaves it so).
    mutating func read(_ r: inout BodyReader) throws(EventDecodingError) {
        _ = try r.readObject { (r, key) throws(EventDecodingError) in
            switch key {
            // Only a string (as INVERS documents it), never capped: only its hash is kept, and a cap could make two ids one.
            case "id": id = try r.readCompactID(maxBytes: .max)
            case "type": type = try r.mark()
            case "event_type": eventType = try r.mark()
            case "occurred_at": occurredAt = try r.readTimestamp()
            case "flow_id": flowID = try r.readCompactID()
            case "fleet_id": fleetID = try r.readString()
            default: break
            }
        }
    }

    /// The type `metadata.type` names, else the one `metadata.event_type` names.
    func eventType(in r: inout BodyReader) throws(EventDecodingError) -> EventType? {
        do {
            if let type, let named = try r.reading(type, as: "type", { (r) throws(EventDecodingError) in try r.readEventType() }) {
                return named
            }
            guard let eventType else { return nil }
            return try r.reading(eventType, as: "event_type") { (r) throws(EventDecodingError) in try r.readEventType() }
        } catch {
            throw error.inField("metadata")
        }
    }
}

extension BodyReader {
    /// An id as `readString(maxBytes:)` reads it, inline when it can be (`CompactID`); nil for `null`.
    mutating func readCompactID(maxBytes: Int = TextLimits.maxFieldBytes) throws(EventDecodingError) -> CompactID? {
        guard let (bytes, escaped) = try readRawString() else { return nil }
        if !escaped, bytes.count <= maxBytes, let inline = CompactID(inlining: bytes) { return inline }
        return CompactID(Self.string(bytes, escaped: escaped, maxBytes: maxBytes))
    }

    /// An event type, matched without building a string for the canonical spellings; nil for `null`.
    mutating func readEventType() throws(EventDecodingError) -> EventType? {
        guard let (bytes, escaped) = try readRawString() else { return nil }
        return escaped ? EventType(raw: unescape(bytes)) : EventType(utf8: bytes)
    }
}
