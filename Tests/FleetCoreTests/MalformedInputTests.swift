import Testing
import TestSupport

/// Bodies that must be refused, each with the error that says what is wrong. None may crash the process.
@Suite struct MalformedInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let body: [UInt8]
        let expected: EventDecodingError
        var testDescription: String { name }

        init(_ name: String, _ body: String, _ expected: EventDecodingError) {
            self.name = name
            self.body = Array(body.utf8)
            self.expected = expected
        }

        init(_ name: String, bytes: [UInt8], _ expected: EventDecodingError) {
            self.name = name
            self.body = bytes
            self.expected = expected
        }
    }

    static let meta = #""metadata": {"id": "e1", "type": "#
    static let cases: [Case] = [
        Case("empty body", "", .invalidJSON(.empty)),
        Case("only white space", " \n\t ", .invalidJSON(.empty)),
        Case("plain text", "not json", .invalidJSON(.unexpectedCharacter(UInt8(ascii: "o"), offset: 1))),
        Case("an array", "[1, 2, 3]", .notAnObject(found: "an array")),
        Case("a string", #""VehicleChanged""#, .notAnObject(found: "a string")),
        Case("a number", "42", .notAnObject(found: "a number")),
        Case("null", "null", .notAnObject(found: "null")),
        Case("truncated", #"{"metadata": "#, .invalidJSON(.unexpectedEnd)),
        Case("trailing comma", #"{"a": 1,}"#, .invalidJSON(.unexpectedCharacter(UInt8(ascii: "}"), offset: 8))),
        Case("missing colon", #"{"a" 1}"#, .invalidJSON(.unexpectedCharacter(UInt8(ascii: "1"), offset: 5))),
        Case("bad escape", #"{"a": "x\qy"}"#, .invalidJSON(.invalidEscape(offset: 8))),
        Case("bad unicode escape", #"{"a": "\u12G4"}"#, .invalidJSON(.invalidEscape(offset: 7))),
        Case("raw control character in a string", "{\"a\": \"x\u{01}y\"}", .invalidJSON(.controlCharacterInString(offset: 8))),
        Case("leading zero", #"{"a": 01}"#, .invalidJSON(.unexpectedCharacter(UInt8(ascii: "1"), offset: 7))),
        Case("bare decimal point", #"{"a": 1.}"#, .invalidJSON(.invalidNumber(offset: 6))),
        Case("broken literal", #"{"a": tru}"#, .invalidJSON(.unexpectedCharacter(UInt8(ascii: "}"), offset: 9))),
        Case("two documents", "{} {}", .invalidJSON(.trailingData(offset: 3))),
        Case("no event id", #"{"metadata": {"type": "SmokeDetected"}, "vehicle_id": "K2M9X"}"#,
             .missingField("metadata.id")),
        Case("no type", #"{"metadata": {"id": "e1"}, "vehicle_id": "K2M9X"}"#, .missingField("metadata.type")),
        Case("no metadata", #"{"vehicle_id": "K2M9X"}"#, .missingField("metadata.type")),
        Case("metadata not an object", #"{"metadata": "x"}"#,
             .wrongType(field: "metadata", expected: "an object", found: "a string")),
        Case("id of the wrong type", #"{"metadata": {"id": true, "type": "X"}}"#,
             .wrongType(field: "metadata.id", expected: "a string", found: "a boolean")),
        Case("type of the wrong type", #"{"metadata": {"id": "e1", "type": 7}}"#,
             .wrongType(field: "metadata.type", expected: "a string", found: "a number")),
        Case("occurred_at not a timestamp", #"{"metadata": {"id": "e1", "type": "X", "occurred_at": "yesterday"}}"#,
             .invalidTimestamp(field: "metadata.occurred_at")),
        Case("occurred_at a number", #"{"metadata": {"id": "e1", "type": "X", "occurred_at": 1764324902}}"#,
             .wrongType(field: "metadata.occurred_at", expected: "a timestamp string", found: "a number")),
        Case("VehicleChanged without vehicle", "{\(meta)\"VehicleChanged\"}}", .missingField("vehicle")),
        Case("VehicleChanged without vehicle id", "{\(meta)\"VehicleChanged\"}, \"vehicle\": {}}",
             .missingField("vehicle.id")),
        Case("vehicle id a number", "{\(meta)\"VehicleChanged\"}, \"vehicle\": {\"id\": 5}}",
             .wrongType(field: "vehicle.id", expected: "a string", found: "a number")),
        Case("reasons not an array", "{\(meta)\"VehicleChanged\"}, \"reasons\": \"X\", \"vehicle\": {\"id\": \"V\"}}",
             .wrongType(field: "reasons", expected: "an array of strings", found: "a string")),
        Case("a reason that is a number", "{\(meta)\"VehicleChanged\"}, \"reasons\": [1], \"vehicle\": {\"id\": \"V\"}}",
             .wrongType(field: "reasons", expected: "an array of strings", found: "an element that is a number")),
        Case("life status value a number",
             "{\(meta)\"VehicleChanged\"}, \"vehicle\": {\"id\": \"V\", \"life_status\": {\"value\": 1}}}",
             .wrongType(field: "vehicle.life_status.value", expected: "a string", found: "a number")),
        Case("reading without vehicle_id", "{\(meta)\"VehicleStateRecorded\"}}", .missingField("vehicle_id")),
        Case("lock reading a number",
             "{\(meta)\"VehicleStateRecorded\"}, \"vehicle_id\": \"V\", \"vehicle_state\": {\"central_lock\": {\"value\": 1}}}",
             .wrongType(field: "vehicle_state.central_lock.value", expected: "a string", found: "a number")),
        Case("position without lon",
             "{\(meta)\"VehicleStateRecorded\"}, \"vehicle_id\": \"V\", \"vehicle_state\": {\"position\": {\"value\": {\"lat\": 1}}}}",
             .missingField("vehicle_state.position.value.lon")),
        Case("trip event without trip", "{\(meta)\"TripEnded\"}}", .missingField("trip")),
        Case("trip without id", "{\(meta)\"TripEnded\"}, \"trip\": {\"vehicle_id\": \"V\"}}", .missingField("trip.id")),
        Case("trip distance a string",
             "{\(meta)\"TripMetricsReady\"}, \"trip\": {\"id\": \"t\", \"vehicle_id\": \"V\", \"distance_in_kilometers\": \"21\"}}",
             .wrongType(field: "trip.distance_in_kilometers", expected: "a number", found: "a string")),
        Case("smoke without vehicle_id", "{\(meta)\"SmokeDetected\"}}", .missingField("vehicle_id")),
        Case("10,000 levels deep", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
             .invalidJSON(.tooDeep(limit: 64))),
        Case("5 MB", bytes: Array("{\"metadata\": {\"id\": \"e1\", \"type\": \"X\"}, \"pad\": \"".utf8)
                + [UInt8](repeating: UInt8(ascii: "a"), count: 5 << 20) + Array("\"}".utf8),
             .invalidJSON(.tooLarge(bytes: 5_242_930, limit: 1 << 20))),
    ]

    @Test(arguments: cases)
    func isRefusedWithTheRightError(_ c: Case) {
        #expect(throws: c.expected) { try EventDecoder().decode(body: c.body) }
    }

    @Test func theTableIsLargeEnough() {
        #expect(Self.cases.count >= 20)
    }

    @Test func everyErrorSaysWhatIsWrong() {
        for c in Self.cases {
            #expect(!c.expected.description.isEmpty)
        }
        #expect(EventDecodingError.missingField("vehicle.id").description == "vehicle.id: missing")
        #expect(EventDecodingError.wrongType(field: "vehicle.id", expected: "a string", found: "a number").description
            == "vehicle.id: expected a string, found a number")
    }

    @Test func deepNestingInsideAnObjectWithinTheLimitsIsFine() throws {
        let nested = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        let event = try EventDecoder().decode(body: Array("{\(Self.meta)\"X\"}, \"deep\": \(nested)}".utf8))
        #expect(event.type == .other("X"))
    }

    @Test func raisedLimitsAcceptALargeBody() throws {
        let big = Array("{\"metadata\": {\"id\": \"e1\", \"type\": \"X\"}, \"pad\": \"".utf8)
            + [UInt8](repeating: UInt8(ascii: "a"), count: 5 << 20) + Array("\"}".utf8)
        let decoder = EventDecoder(limits: .init(maxBytes: 8 << 20, maxDepth: 64))
        #expect(try decoder.decode(body: big).id == "e1")
    }

    @Test(arguments: 0..<20) func stringsAreScannedExactlyAtEveryOffset(offset: Int) throws {
        let before = String(repeating: "é", count: offset / 2) + String(repeating: "a", count: offset % 2)
        let prefix = #"{"metadata": {"id": ""#
        let control = Array((prefix + before).utf8) + [0x1F] + Array(#"z", "type": "X"}}"#.utf8)
        #expect(throws: EventDecodingError.invalidJSON(.controlCharacterInString(offset: prefix.utf8.count + before.utf8.count))) {
            try EventDecoder().decode(body: control)
        }
        let id = before + #"\"q\\\u00e9"# + String(repeating: "b", count: offset)
        let event = try EventDecoder().decode(body: Array((prefix + id + #"", "type": "X"}}"#).utf8))
        #expect(event.id == before + #""q\é"# + String(repeating: "b", count: offset))
        let plain = before + String(repeating: "c", count: 17)
        #expect(try EventDecoder().decode(body: Array((prefix + plain + #"", "type": "X"}}"#).utf8)).id == plain)
    }

}
