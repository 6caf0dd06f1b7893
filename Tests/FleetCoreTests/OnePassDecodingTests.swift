@testable import FleetCore
import Testing
import TestSupport

/// The decoder reads a body in one pass, members where they stand: what it decodes, and which error it refuses a
/// body for, must not depend on the order of the members, on `metadata` coming first, or on a header.
@Suite struct OnePassDecodingTests {
    let decoder = EventDecoder()

    /// The value at the reader written again with the members of every object in reverse order (so `metadata`
    /// comes last): keys, strings and numbers are copied as written, so the body differs only in its order.
    static func reversed(_ r: inout BodyReader, into out: inout [UInt8]) throws(EventDecodingError) {
        switch try r.peek() {
        case UInt8(ascii: "{"):
            var members: [[UInt8]] = []
            _ = try r.readObject { (r, key) throws(EventDecodingError) in
                // The samples' keys have no escapes, so the key's bytes are its text as written.
                var member = [UInt8(ascii: "\"")] + Array(key.bytes) + Array("\":".utf8)
                try reversed(&r, into: &member)
                members.append(member)
            }
            out += Array("{".utf8) + Array(members.reversed().joined(separator: Array(",".utf8))) + Array("}".utf8)
        case UInt8(ascii: "["):
            var elements: [[UInt8]] = []
            _ = try r.readArray { (r) throws(EventDecodingError) in
                var element: [UInt8] = []
                try reversed(&r, into: &element)
                elements.append(element)
            }
            out += Array("[".utf8) + Array(elements.joined(separator: Array(",".utf8))) + Array("]".utf8)
        default:
            let mark = try r.mark()
            out += r.input[mark.start..<mark.end]
        }
    }

    static func reversed(_ body: [UInt8]) throws -> [UInt8] {
        try BodyReader.document(body) { (r) throws(EventDecodingError) in
            var out: [UInt8] = []
            try reversed(&r, into: &out)
            return out
        }
    }

    static func expectSame(_ a: Event, _ b: Event, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.id == b.id, sourceLocation: sourceLocation)
        #expect(a.type == b.type, sourceLocation: sourceLocation)
        #expect(a.occurredAt == b.occurredAt, sourceLocation: sourceLocation)
        #expect(a.flowID == b.flowID, sourceLocation: sourceLocation)
        #expect(a.fleetID == b.fleetID, sourceLocation: sourceLocation)
        #expect(a.vehicleID == b.vehicleID, sourceLocation: sourceLocation)
        #expect(a.payload == b.payload, sourceLocation: sourceLocation)
    }

    @Test(arguments: Fixture.eventSamples)
    func aSampleDecodesTheSameWithItsMembersInAnyOrder(_ name: String) throws {
        let body = Fixture.bytes(name)
        let backwards = try Self.reversed(body)
        #expect(backwards != body)
        let expected = try decoder.decode(body: body)
        Self.expectSame(try decoder.decode(body: backwards), expected)
        // With the type in a header, the members are read where they stand from the first one on.
        let headers = ["Message-Type": "\(expected.type)"]
        Self.expectSame(try decoder.decode(body: backwards, headers: headers), expected)
        Self.expectSame(try decoder.decode(body: body, headers: headers), expected)
    }

    static let refused: [(body: String, type: String, error: EventDecodingError)] = [
        // Two things wrong: metadata's is named first, wherever metadata is.
        (#"{"metadata": {"type": "VehicleChanged"}, "vehicle": {"id": 5}}"#, "VehicleChanged", .missingField("metadata.id")),
        (#"{"vehicle": {"id": 5}, "metadata": {"type": "VehicleChanged"}}"#, "VehicleChanged", .missingField("metadata.id")),
        // Then the type's members in a fixed order, whatever the body's.
        (#"{"metadata": {"id": "e", "type": "VehicleChanged"}, "reasons": 1, "vehicle": {"id": 5}}"#, "VehicleChanged",
         .wrongType(field: "vehicle.id", expected: "a string", found: "a number")),
        (#"{"reasons": 1, "vehicle": {"id": 5}, "metadata": {"id": "e", "type": "VehicleChanged"}}"#, "VehicleChanged",
         .wrongType(field: "vehicle.id", expected: "a string", found: "a number")),
        // Members the type does not read are not looked at, even when they are of the wrong kind.
        (#"{"metadata": {"id": "e", "type": "TripEnded"}, "vehicle": 5, "vehicle_state": []}"#, "TripEnded", .missingField("trip")),
        // A timestamp is looked at only with its value.
        (#"{"metadata": {"id": "e", "type": "VehicleStateRecorded"}, "vehicle_id": "V", "vehicle_state": {"ignition": {"timestamp": "soon", "value": "ON"}, "driving_enabled": {"timestamp": "never"}}}"#,
         "VehicleStateRecorded", .invalidTimestamp(field: "vehicle_state.ignition.timestamp")),
    ]

    @Test func aRefusedBodyIsRefusedForTheSameReasonWhateverTheOrderOfItsMembers() {
        for (body, type, error) in Self.refused {
            #expect(throws: error, "\(body)") { try decoder.decode(body: Array(body.utf8)) }
            #expect(throws: error, "\(body), type in a header") {
                try decoder.decode(body: Array(body.utf8), headers: ["Message-Type": type])
            }
        }
    }

    /// A syntax error anywhere wins over a field of the wrong kind before it, and it is the error the scanner finds
    /// checking the whole document, at the same byte.
    @Test(arguments: [#"{"metadata": {"id": true, "type": "X"}, "x": tru}"#,
                      #"{"metadata": {"id": "e", "type": "VehicleStateRecorded"}, "vehicle_id": 7, "x": [}"#,
                      #"{"vehicle_state": {"position": {"value": {"lat": "n"}}}, "metadata": {"id": "e"}, "a": 01}"#])
    func aSyntaxErrorIsTheAnswerWhereverItIs(_ body: String) {
        let bytes = Array(body.utf8)
        guard let scanError = Self.scanError(bytes) else { Issue.record("the scanner takes \(body)"); return }
        #expect(throws: EventDecodingError.invalidJSON(scanError)) { try decoder.decode(body: bytes) }
        #expect(throws: EventDecodingError.invalidJSON(scanError)) {
            try decoder.decode(body: bytes, headers: ["Message-Type": "VehicleStateRecorded"])
        }
    }

    @Test func theLastOfTwoMembersOfTheSameNameCounts() throws {
        let event = try decoder.decode(body: Array(#"""
            {"vehicle_id": "A", "metadata": {"id": "e", "type": "VehicleStateRecorded"}, "vehicle_id": "B",
             "vehicle_state": {"ignition": {"value": "ON"}}, "vehicle_state": {"driving_enabled": {"value": false}}}
            """#.utf8))
        #expect(event.vehicleID == "B")
        guard case let .vehicleStateRecorded(state) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(state == VehicleState(drivingEnabled: Reading(false)))  // not a merge of the two
    }

    @Test func aHeaderTypeLeavesTheBodysTypeAlone() throws {
        let body = Array(#"{"metadata": {"id": "e", "type": 7}, "vehicle_id": "V"}"#.utf8)
        #expect(throws: EventDecodingError.wrongType(field: "metadata.type", expected: "a string", found: "a number")) {
            try decoder.decode(body: body)
        }
        #expect(try decoder.decode(body: body, headers: ["Event-Type": "SmokeDetected"]).vehicleID == "V")
    }

    @Test func anUnknownTypeLooksNoFurtherThanTheFirstVehicleIDItFinds() throws {
        let first = #"{"vehicle": {"id": "V", "x": 1}, "metadata": {"id": "e", "type": "X"}, "vehicle_id": 5, "trip": 6}"#
        #expect(try decoder.decode(body: Array(first.utf8)).vehicleID == "V")
        let second = #"{"metadata": {"id": "e", "type": "X"}, "trip": {"vehicle_id": "T"}, "vehicle": null}"#
        #expect(try decoder.decode(body: Array(second.utf8)).vehicleID == "T")
        let wrong = #"{"metadata": {"id": "e", "type": "X"}, "vehicle": [], "vehicle_id": "V"}"#
        #expect(throws: EventDecodingError.wrongType(field: "vehicle", expected: "an object", found: "an array")) {
            try decoder.decode(body: Array(wrong.utf8))
        }
    }

    @Test func timestampsThatRepeatAreReadAsOftenAsTheyAppear() throws {
        // The reader keeps the last timestamp it parsed: a different one right after must not get it.
        let event = try decoder.decode(body: Array(#"""
            {"metadata": {"id": "e", "type": "VehicleStateRecorded", "occurred_at": "2026-11-28T10:21:05Z"}, "vehicle_id": "V",
             "vehicle_state": {"ignition": {"timestamp": "2026-11-28T10:21:05Z", "value": "ON"},
                               "mileage_in_kilometers": {"timestamp": "2026-11-28T10:21:05.5Z", "value": 1},
                               "driving_enabled": {"timestamp": "2026-11-28T10:21:05Z", "value": true},
                               "ignition": {"timestamp": "2026-11-28T10:21:06Z", "value": "OFF"}}}
            """#.utf8))
        guard case let .vehicleStateRecorded(state) = event.payload else { Issue.record("\(event.payload)"); return }
        let at = Timestamp(iso8601: "2026-11-28T10:21:05Z")
        #expect(event.occurredAt == at)
        #expect(state.ignition?.timestamp == Timestamp(iso8601: "2026-11-28T10:21:06Z"))
        #expect(state.mileageKilometers?.timestamp == Timestamp(iso8601: "2026-11-28T10:21:05.5Z"))
        #expect(state.drivingEnabled?.timestamp == at)
    }

    @Test func numbersReadInTheirOnePassAreExact() throws {
        let cases: [(String, Double)] = [("0", 0), ("-0.5", -0.5), ("52.520008", 52.520008), ("13.404954", 13.404954),
                                         ("48211", 48211), ("1e3", 1000), ("-2.5E-3", -0.0025),
                                         ("0.1234567890123456789", 0.1234567890123456789), ("123456789012345678", Double("123456789012345678")!)]  // not exactly representable: the nearest Double
        for (text, value) in cases {
            let body = #"{"metadata": {"id": "e", "type": "TripMetricsReady"}, "trip": {"id": "t", "vehicle_id": "V", "distance_in_kilometers": \#(text)}}"#
            let event = try decoder.decode(body: Array(body.utf8))
            guard case let .trip(trip) = event.payload else { Issue.record("\(event.payload)"); continue }
            // Outside the distance's domain (negative, too large) the value is dropped, and counted.
            let inDomain = NumericDomain.tripDistanceKilometers.contains(value)
            #expect(trip.distanceKilometers == (inDomain ? value : nil), "\(text)")
            #expect(event.valuesOutOfRange == (inDomain ? 0 : 1), "\(text)")
            let read = try BodyReader.document(Array(text.utf8)) { (r) throws(EventDecodingError) in try r.readDouble() }
            #expect(read == value, "\(text)")
        }
    }

    /// The error of the scanner's check of a whole document (`JSONScanner.document`), nil when it is JSON.
    /// One random damage to a body: a byte removed, inserted or replaced (from JSON's own characters), or the
    /// rest cut off.
    static func damage(_ body: inout [UInt8], _ rng: inout SplitMix64) {
        let alphabet = Array(#"{}[]",:0123456789.-eE+ \/ntrufalsxé"#.utf8)
        let at = Int(rng.next() % UInt64(body.count))
        switch rng.next() % 4 {
        case 0: body.remove(at: at)
        case 1: body.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: at)
        case 2: body[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
        default: body.removeSubrange(at...)
        }
    }

    static func scanError(_ bytes: [UInt8]) -> JSONError? {
        bytes.withUnsafeBufferPointer { (input) -> JSONError? in
            do throws(JSONError) {
                try JSONScanner.document(input, maxDepth: JSONLimits.default.maxDepth)
                return nil
            } catch {
                return error
            }
        }
    }

    /// Thousands of damaged bodies (a byte deleted, inserted or replaced, or the body cut short), with and without a
    /// type header: the decoder calls a body invalid JSON exactly when the scanner's check of the whole document
    /// does, with the same error, and otherwise decodes it or names a field. The decoder's objects and arrays are
    /// read by `BodyReader`'s own code, the check's by the scanner's state machine: this keeps the two in step.
    @Test func damagedBodiesAreJudgedAsTheScannerJudgesThem() {
        var rng = SplitMix64(seed: 7)
        var invalid = 0
        for round in 0..<4_000 {
            var body = Fixture.bytes(Fixture.eventSamples[round % Fixture.eventSamples.count])
            Self.damage(&body, &rng)
            let scanError = Self.scanError(body)
            for headers in [[:], ["Message-Type": "VehicleStateRecorded"]] {
                do {
                    _ = try decoder.decode(body: body, headers: headers)
                    #expect(scanError == nil, "decoded a body the scanner refuses: \(String(decoding: body, as: UTF8.self))")
                } catch {
                    if case let .invalidJSON(error) = error {
                        #expect(error == scanError, "\(String(decoding: body, as: UTF8.self))")
                    } else {
                        #expect(scanError == nil, "\(error) for a body the scanner refuses: \(String(decoding: body, as: UTF8.self))")
                    }
                }
            }
            if scanError != nil { invalid += 1 }
        }
        #expect(invalid > 1_000)  // the damage mostly breaks the JSON: the comparison is not vacuous
    }
}
