@testable import FleetCore
import Testing
import TestSupport

/// The variations the contract allows: other spellings, missing optional fields, nulls, unknown fields and types,
/// and the order in which the type is looked up.
@Suite struct DecodingVariationTests {
    let decoder = EventDecoder()

    func decode(_ json: String, headers: [String: String] = [:], messageID: String? = nil) throws -> Event {
        try decoder.decode(body: Array(json.utf8), headers: headers, messageID: messageID)
    }

    @Test(arguments: [
        ("VehicleChanged", EventType.vehicleChanged), ("VehicleChange", .vehicleChanged),
        ("VEHICLE_CHANGED", .vehicleChanged), ("vehicle-changed", .vehicleChanged),
        ("VehicleStateRecorded", .vehicleStateRecorded), ("TripStarted", .tripStarted), ("TripEnded", .tripEnded),
        ("TripMetricsReady", .tripMetricsReady), ("TripDataReady", .tripMetricsReady),
        ("TripDiscarded", .tripDiscarded), ("SmokeDetected", .smokeDetected), ("SmokeDataReady", .smokeDataReady),
        ("TireChanged", .other("TireChanged")),
    ])
    func everySpellingOfEveryType(raw: String, expected: EventType) {
        #expect(EventType(raw: raw) == expected)
    }

    @Test func escapedKeysAreTheirPlainNames() throws {
        let event = try decode(#"""
            {"metadata": {"\u0069d": "e0", "type": "VehicleStateRecorded", "occurred\u005fat": "2026-11-28T10:43:00Z"},
             "vehicle\u005fid": "JQ7RP", "vehicle_state": {"central_lock": {"timestamp": "2026-11-28T10:42:59Z", "val\u0075e": "LOCKED"}}}
            """#)
        #expect(event.id == "e0")
        #expect(event.vehicleID == "JQ7RP")
        #expect(event.occurredAt == Timestamp(iso8601: "2026-11-28T10:43:00Z"))
        guard case let .vehicleStateRecorded(state) = event.payload else { Issue.record("payload"); return }
        #expect(state.centralLock?.value == .locked)
    }

    @Test func tripDataReadyIsTheOlderNameOfTripMetricsReady() throws {
        let event = try decode("""
            {"metadata": {"id": "e1", "type": "TripDataReady", "occurred_at": "2026-11-28T10:43:00Z"},
             "trip": {"id": "t1", "vehicle_id": "JQ7RP", "distance_in_kilometers": 3.5}}
            """)
        #expect(event.type == .tripMetricsReady)
        #expect(event.type.name == "TripMetricsReady")
    }

    @Test func fuelLevelInPercentIsTheOlderNameOfStateOfCharge() throws {
        let event = try decode("""
            {"metadata": {"id": "e2", "type": "VehicleStateRecorded", "occurred_at": "2026-11-28T10:43:00Z"},
             "vehicle_id": "JQ7RP", "vehicle_state": {"fuel_level_in_percent": {"timestamp": "2026-11-28T10:42:59Z", "value": 41.5}}}
            """)
        guard case let .vehicleStateRecorded(state) = event.payload else { Issue.record("payload"); return }
        #expect(state.chargeOrFuelPercent?.value == 41.5)
    }

    @Test func theTypeComesFromAHeaderFirst() throws {
        let body = """
            {"metadata": {"id": "e3", "type": "TripStarted", "occurred_at": "2026-11-28T10:43:00Z"},
             "trip": {"id": "t1", "vehicle_id": "JQ7RP"}}
            """
        #expect(try decode(body, headers: ["Message-Type": "TripEnded"]).type == .tripEnded)
        #expect(try decode(body, headers: ["event-type": "TripEnded"]).type == .tripEnded)
        #expect(try decode(body, headers: ["Content-Type": "application/json"]).type == .tripStarted)
    }

    @Test func theFlowIDFallsBackToItsHeaderInAnyCase() throws {
        let body = """
            {"metadata": {"id": "e9", "type": "SmokeDetected"}, "vehicle_id": "K2M9X"}
            """
        #expect(try decode(body, headers: ["FLOW-ID": "f-1"]).flowID == "f-1")
        #expect(try decode(body, headers: ["Flow-Id-Extra": "f-2"]).flowID == nil)
        // An upper-case type header still wins over the body (and this body lacks the trip it then needs).
        #expect(throws: EventDecodingError.missingField("trip")) { try decode(body, headers: ["MESSAGE-TYPE": "TripEnded"]) }
    }

    @Test func theTypeFallsBackToMetadataEventType() throws {
        let event = try decode("""
            {"metadata": {"id": "e4", "event_type": "SmokeDetected"}, "vehicle_id": "K2M9X"}
            """)
        #expect(event.type == .smokeDetected)
        #expect(event.occurredAt == nil)
    }

    @Test func theAMQPMessageIDStandsInForAMissingEventID() throws {
        let event = try decode("""
            {"metadata": {"type": "SmokeDetected"}, "vehicle_id": "K2M9X"}
            """, messageID: "amqp-42")
        #expect(event.id == "amqp-42")
    }

    /// An id is kept inline when it is short ASCII and as a string otherwise (`CompactID`); both read back as
    /// written, escapes undone, and hash as `stableHash` of that text.
    @Test(arguments: [
        (#""5f1a9b3c-2d4e-4f60-8a7b-9c0d1e2f3a4b""#, "5f1a9b3c-2d4e-4f60-8a7b-9c0d1e2f3a4b"),
        ("\"\"", "amqp-7"),
        (#""\#(String(repeating: "x", count: 40))""#, String(repeating: "x", count: 40)),
        (#""\#(String(repeating: "y", count: 41))""#, String(repeating: "y", count: 41)),
        (#""\#(String(repeating: "z", count: 5000))""#, String(repeating: "z", count: 5000)),
        (#""Zo\u00e9-1""#, "Zoé-1"),
        (#""Zoé-2""#, "Zoé-2"),
        (#""a\"b\/c""#, #"a"b/c"#),
    ])
    func anEventIDReadsBackAsWrittenWhateverItsLength(json: String, id: String) throws {
        let event = try decode("""
            {"metadata": {"id": \(json), "type": "SmokeDetected"}, "vehicle_id": "K2M9X"}
            """, messageID: "amqp-7")
        #expect(event.id == id)
        #expect(event.idHash == stableHash(id))
        var renamed = event
        renamed.id = id + "!"
        #expect(renamed.id == id + "!" && renamed.idHash == stableHash(id + "!"))
    }

    /// A flow id is kept as an event id is, and capped as any other field is.
    @Test(arguments: [
        (#""2c1b0a99-8877-4655-a443-3221100ffeed""#, "2c1b0a99-8877-4655-a443-3221100ffeed"),
        ("\"\"", ""),
        (#""\#(String(repeating: "y", count: 41))""#, String(repeating: "y", count: 41)),
        (#""\#(String(repeating: "z", count: 5000))""#, TextLimits.capped(String(repeating: "z", count: 5000))),
        (#""f\u00e9-1""#, "fé-1"),
    ])
    func aFlowIDReadsBackAsWrittenAndCapped(json: String, flowID: String) throws {
        let event = try decode("""
            {"metadata": {"id": "e3", "type": "VehicleStateRecorded", "flow_id": \(json)}, "vehicle_id": "K2M9X"}
            """)
        #expect(event.flowID == flowID)
        #expect(event.flowHash == TimelineEntry.flowHash(of: flowID))
    }

    /// The known reasons are matched as bytes; an escaped spelling of one is still that reason.
    @Test func reasonsAreKnownWrittenPlainOrEscapedAndKeptRawOtherwise() throws {
        let event = try decode(#"""
            {"metadata": {"id": "e4", "type": "VehicleChanged"},
             "reasons": ["LIFE_STATUS_CHANGED", "MASTER_DATA_CHANGE\u0044", "LIFE_STATUS_CHANGED_", "", "MASTER_DATA_CHANGED"],
             "vehicle": {"id": "JQ7RP"}}
            """#)
        guard case let .vehicleChanged(change) = event.payload else { Issue.record("payload"); return }
        #expect(change.reasons == [.lifeStatusChanged, .masterDataChanged, .other("LIFE_STATUS_CHANGED_"), .other(""),
                                   .masterDataChanged])
    }

    @Test func unknownFieldsAreIgnoredAndNullsAreAbsent() throws {
        let event = try decode("""
            {"metadata": {"id": "e5", "type": "VehicleChanged", "occurred_at": "2026-11-28T10:15:02.123456Z",
                          "flow_id": null, "new_field": {"nested": [1, 2, {"x": null}]}},
             "reasons": ["RENTAL_STATUS_CHANGED", "OPERATION_STATUS_CHANGED"],
             "vehicle": {"id": "JQ7RP", "master_data": null, "life_status": null,
                         "rental_status": {"value": "RESERVED", "modified_at": null}, "color": "red"},
             "extra": true}
            """)
        #expect(event.flowID == nil)
        #expect(event.occurredAt?.microseconds == Timestamp(iso8601: "2026-11-28T10:15:02Z")!.microseconds + 123_456)
        guard case let .vehicleChanged(change) = event.payload else { Issue.record("payload"); return }
        #expect(change.reasons == [.rentalStatusChanged, .other("OPERATION_STATUS_CHANGED")])
        #expect(change.vehicle.masterData == nil)
        #expect(change.vehicle.lifeStatus == nil)
        #expect(change.vehicle.rentalStatus == StatusValue(.other("RESERVED"), modifiedAt: nil))
    }

    @Test func anUnknownTypeIsKeptWithItsVehicle() throws {
        let event = try decode("""
            {"metadata": {"id": "e6", "type": "DamageReported", "occurred_at": "2026-11-28T10:15:02Z"},
             "vehicle_id": "JQ7RP", "damage": {"part": "mirror"}}
            """)
        #expect(event.type == .other("DamageReported"))
        #expect(event.type.name == "DamageReported")
        #expect(event.vehicleID == "JQ7RP")
        #expect(event.payload == .other)
    }

    /// INVERS documents `metadata.id` as a string; read through a Double, two ids above 2^53 would collide and the
    /// second event would be dropped as a duplicate.
    @Test(arguments: ["12345", "9007199254740993", "1e400", "true", "{}", "[\"e1\"]"])
    func anEventIDThatIsNotAStringIsTheWrongTypeError(id: String) {
        let body = Array("""
            {"metadata": {"id": \(id), "type": "SmokeDetected"}, "vehicle_id": "K2M9X"}
            """.utf8)
        #expect {
            try EventDecoder().decode(body: body, messageID: "amqp-1")
        } throws: { error in
            guard case let .wrongType(field, expected, _) = error as? EventDecodingError else { return false }
            return field == "metadata.id" && expected == "a string"
        }
    }

    @Test func escapedAndUnicodeStringsDecode() throws {
        let event = try decode(#"""
            {"metadata": {"id": "e7", "type": "VehicleChanged"},
             "vehicle": {"id": "JQ7RP", "master_data": {"custom_name": "Zo\u00e9 \"12\" \ud83d\ude97 車", "license_plate": "B\/FW"}}}
            """#)
        guard case let .vehicleChanged(change) = event.payload else { Issue.record("payload"); return }
        #expect(change.vehicle.masterData?.customName == "Zoé \"12\" 🚗 車")
        #expect(change.vehicle.masterData?.licensePlate == "B/FW")
    }

    /// The type is matched in the body's bytes (or the header's) without a string; an escaped one still counts.
    @Test func aTypeIsRecognisedEscapedUnknownOrFromAHeaderOfAnyKind() throws {
        let escaped = try decode(#"""
            {"metadata": {"id": "e8", "type": "Vehicle\u0053tateRecorded"}, "vehicle_id": "JQ7RP"}
            """#)
        #expect(escaped.type == .vehicleStateRecorded)
        let unknown = try decode(#"{"metadata": {"id": "e9", "type": "VehicleStateRecordedV2"}, "vehicle_id": "JQ7RP"}"#)
        #expect(unknown.type == .other("VehicleStateRecordedV2"))
        let shouted = try decode(#"{"metadata": {"id": "e10", "type": "SMOKE_DETECTED"}, "vehicle_id": "JQ7RP"}"#)
        #expect(shouted.type == .smokeDetected)
        #expect(throws: EventDecodingError.wrongType(field: "metadata.type", expected: "a string", found: "a number")) {
            try decode(#"{"metadata": {"id": "e11", "type": 7}, "vehicle_id": "JQ7RP"}"#)
        }
    }

    @Test func timestampsWithOffsetsAreNormalisedToUTC() {
        #expect(Timestamp(iso8601: "2026-11-28T11:15:02+01:00") == Timestamp(iso8601: "2026-11-28T10:15:02Z"))
        #expect(Timestamp(iso8601: "2026-11-28T10:15:02.5Z")?.iso8601 == "2026-11-28T10:15:02.500Z")
        #expect(Timestamp(iso8601: "2026-11-28T10:15:02Z")?.timeOfDay == "10:15:02")
        #expect(Timestamp(iso8601: "1969-12-31T23:59:59Z")?.microseconds == -1_000_000)
        #expect(Timestamp(iso8601: "2024-02-29T00:00:00Z") != nil)
        #expect(Timestamp(iso8601: "2026-02-29T00:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2026-11-28 10:15") == nil)
    }
}
