/// Turns one broker message (body, headers, AMQP `message_id`) into an `Event`.
///
/// Lenient where the contract is uncertain (unknown fields ignored, optional fields missing or null, unknown
/// reasons and types kept raw) and strict where it must be (not JSON, not an object, no event id, a relied-on
/// field of the wrong type): those are `EventDecodingError`s, never crashes and never silent defaults.
///
/// One pass over the body builds the event (`BodyReader`): the members of the event's type are read where they
/// stand once the type is known (from a header, or from `metadata` when it comes first, as INVERS writes it), and
/// kept by position and read after the pass otherwise. A body that is refused is checked whole and read
/// again in a fixed order, so that its error does not depend on the order of its members: a syntax error anywhere
/// first, then `metadata`, then the type's members in `PayloadKey`'s order.
public struct EventDecoder: Sendable {
    public var limits: JSONLimits

    public init(limits: JSONLimits = .default) { self.limits = limits }

    /// Decodes a message.
    /// - Parameters:
    ///   - body: the message body, UTF-8 JSON.
    ///   - headers: the AMQP headers as strings; a header whose name ends in `type` (`Message-Type`,
    ///     `Event-Type`, case-insensitive) names the event type and wins over the body.
    ///   - messageID: the AMQP `message_id` property, used as the event id when the body has none.
    public func decode(body: [UInt8], headers: [String: String] = [:], messageID: String? = nil) throws(EventDecodingError) -> Event {
        try body.withUnsafeBufferPointer { (bytes) throws(EventDecodingError) in
            try decode(bytes: bytes, headers: headers, messageID: messageID)
        }
    }

    /// Decodes a message read in place (the broker client's buffers). `messageID` is only evaluated when the
    /// body has no id (building it is an allocation an event).
    public func decode(bytes: UnsafeBufferPointer<UInt8>, headers: some MessageHeaders,
                       messageID: @autoclosure () -> String? = nil) throws(EventDecodingError) -> Event {
        if bytes.count > limits.maxBytes { throw .invalidJSON(.tooLarge(bytes: bytes.count, limit: limits.maxBytes)) }
        let headerType = EventDecoder.typeHeader(in: headers)
        do {
            return try decode(bytes, headerType: headerType, headers: headers, messageID: messageID, inPlace: true)
        } catch {
            if case .invalidJSON = error { throw error }
            try validate(bytes)
            return try decode(bytes, headerType: headerType, headers: headers, messageID: messageID, inPlace: false)
        }
    }

    /// Throws the syntax error of a body that is not one JSON value, if any.
    private func validate(_ bytes: UnsafeBufferPointer<UInt8>) throws(EventDecodingError) {
        do {
            try JSONScanner.document(bytes, maxDepth: limits.maxDepth)
        } catch {
            throw .invalidJSON(error)
        }
    }

    /// The one pass. With `inPlace` false every member of the payload is read after the pass, in `PayloadKey`'s
    /// order.
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, headerType: EventType?, headers: some MessageHeaders,
                        messageID: () -> String?, inPlace: Bool) throws(EventDecodingError) -> Event {
        var r = BodyReader(bytes, maxDepth: limits.maxDepth)
        if JSONScanner.skipSpace(bytes, 0) == bytes.count { throw .invalidJSON(.empty) }
        let first = try r.peek()
        guard first == UInt8(ascii: "{") else {
            if case let .wrongType(_, _, found) = r.mismatch(first, expected: "an object") { throw .notAnObject(found: found) }
            throw r.mismatch(first, expected: "an object")
        }
        var metadata = Metadata()
        var type = headerType
        var parts = PayloadParts()
        var marks: [PayloadKey: BodyReader.Mark] = [:]  // members to read after the pass
        _ = try r.readObject { (r, key) throws(EventDecodingError) in
            if case "metadata" = key {
                metadata = Metadata()  // a second `metadata` replaces the first
                try metadata.read(&r)
                if inPlace && type == nil { type = try metadata.eventType(in: &r) }
                return
            }
            guard let member = PayloadKey(key) else { return }
            if inPlace, let type {
                guard member.matters(for: type) else { return }
                if case .other = type {
                    marks[member] = try r.mark()  // an unknown type looks at them after the pass, in order
                    return
                }
                if !marks.isEmpty { marks[member] = nil }  // a later duplicate wins
                try parts.read(member, &r)
                return
            }
            marks[member] = try r.mark()
        }
        try r.expectEnd()

        if type == nil { type = try metadata.eventType(in: &r) }
        guard let type else { throw .missingField("metadata.type") }
        var id = metadata.id
        if id?.isEmpty ?? true { id = messageID().flatMap { $0.isEmpty ? nil : CompactID($0) } }
        guard let id else { throw .missingField("metadata.id") }
        let flowID = metadata.flowID ?? EventDecoder.header("flow-id", in: headers).map(CompactID.init)

        let vehicleID: String?
        let payload: EventPayload
        if case .other = type {
            vehicleID = try PayloadParts.anyVehicleID(marks, in: &r)
            payload = .other
        } else {
            // No member marked is the common case, and a lookup in an empty dictionary still hashes its key.
            if !marks.isEmpty {
                for member in PayloadKey.allCases where member.matters(for: type) {
                    guard let mark = marks[member] else { continue }
                    try r.reading(mark, as: member.name) { (r) throws(EventDecodingError) in try parts.read(member, &r) }
                }
            }
            (vehicleID, payload) = try parts.payload(of: type)
        }
        return Event(idStorage: id, type: type, occurredAt: metadata.occurredAt, flowStorage: flowID, fleetID: metadata.fleetID,
                     vehicleID: vehicleID, payload: payload, valuesOutOfRange: r.valuesOutOfRange)
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
            value = TextLimits.capped(String(decoding: $0, as: UTF8.self))
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
}
