import Testing
import TestSupport

/// The decoder reads a body in one pass, members where they stand: what it decodes, and which error it refuses a
/// body for, must not depend on the order of the members, on `metadata` coming first, or on a header.
@Suite struct OnePassDecodingTests {
    let decoder = EventDecoder()

    /// `value` written again with the members of every object in reverse order (so `metadata` comes last).
    static func reversed(_ value: JSONValue, into w: inout JSONWriter) {
        if value.isObject {
            w.beginObject()
            for (key, member) in value.members.reversed() {
                w.key(key)
                reversed(member, into: &w)
            }
            w.endObject()
        } else if let elements = value.elements {
            w.beginArray()
            for element in elements { reversed(element, into: &w) }
            w.endArray()
        } else if let s = value.string {
            w.string(s)
        } else if let b = value.bool {
            w.bool(b)
        } else if let d = value.double {
            w.number(d)
        } else {
            w.null()
        }
    }

    static func reversed(_ body: [UInt8]) throws -> [UInt8] {
        var w = JSONWriter()
        reversed(try JSONDocument(bytes: body).root, into: &w)
        return w.bytes
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

    /// A syntax error anywhere wins over a field of the wrong kind before it, and it is the error the tape parser
    /// finds, at the same byte.
    @Test(arguments: [#"{"metadata": {"id": true, "type": "X"}, "x": tru}"#,
                      #"{"metadata": {"id": "e", "type": "VehicleStateRecorded"}, "vehicle_id": 7, "x": [}"#,
                      #"{"vehicle_state": {"position": {"value": {"lat": "n"}}}, "metadata": {"id": "e"}, "a": 01}"#])
    func aSyntaxErrorIsTheAnswerWhereverItIs(_ body: String) {
        let bytes = Array(body.utf8)
        var tapeError: JSONError?
        do { _ = try JSONDocument(bytes: bytes) } catch { tapeError = error }
        guard let tapeError else { Issue.record("the tape parser takes \(body)"); return }
        #expect(throws: EventDecodingError.invalidJSON(tapeError)) { try decoder.decode(body: bytes) }
        #expect(throws: EventDecodingError.invalidJSON(tapeError)) {
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
            #expect(try JSONDocument(bytes: Array(text.utf8)).root.double == value, "\(text)")
        }
    }

    /// Thousands of damaged bodies (a byte deleted, inserted or replaced, or the body cut short), with and without a
    /// type header: the decoder calls a body invalid JSON exactly when the tape parser does, with the same error,
    /// and otherwise decodes it or names a field. Its objects and arrays are read by its own code, the tape's by
    /// the scanner's state machine: this keeps the two in step.
    @Test func damagedBodiesAreJudgedAsTheTapeParserJudgesThem() {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array(#"{}[]",:0123456789.-eE+ \/ntrufalsxé"#.utf8)
        var invalid = 0
        for round in 0..<4_000 {
            var body = Fixture.bytes(Fixture.eventSamples[round % Fixture.eventSamples.count])
            let at = Int(rng.next() % UInt64(body.count))
            switch rng.next() % 4 {
            case 0: body.remove(at: at)
            case 1: body.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: at)
            case 2: body[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            default: body.removeSubrange(at...)
            }
            var tapeError: JSONError?
            do { _ = try JSONDocument(bytes: body) } catch { tapeError = error }
            for headers in [[:], ["Message-Type": "VehicleStateRecorded"]] {
                do {
                    _ = try decoder.decode(body: body, headers: headers)
                    #expect(tapeError == nil, "decoded a body the tape parser refuses: \(String(decoding: body, as: UTF8.self))")
                } catch {
                    if case let .invalidJSON(error) = error {
                        #expect(error == tapeError, "\(String(decoding: body, as: UTF8.self))")
                    } else {
                        #expect(tapeError == nil, "\(error) for a body the tape parser refuses: \(String(decoding: body, as: UTF8.self))")
                    }
                }
            }
            if tapeError != nil { invalid += 1 }
        }
        #expect(invalid > 1_000)  // the damage mostly breaks the JSON: the comparison is not vacuous
    }

    @Test func aTapeHasRoomForItsWorstCase() throws {
        // A top-level scalar is the one body with as many tokens as bytes.
        #expect(try JSONDocument(bytes: Array("7".utf8)).root.double == 7)
        #expect(throws: EventDecodingError.notAnObject(found: "a number")) { try decoder.decode(body: Array("7".utf8)) }
    }
}
