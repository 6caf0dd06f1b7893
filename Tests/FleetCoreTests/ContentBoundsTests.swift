import Testing
import TestSupport

/// Content cannot blow up memory: strings and arrays are capped at decode (`TextLimits`), and every store
/// collection that grows with content is bounded.
@Suite struct ContentBoundsTests {
    let arrival = Timestamp(iso8601: "2026-11-28T10:00:00Z")!

    @Test(arguments: [("a", 1), ("é", 2), ("🚗", 4), ("e\u{301}", 3), ("🇩🇪", 8), ("車", 3)])
    func aLongStringIsCutOnACharacterBoundary(_ unit: String, _ bytesPerCharacter: Int) {
        let long = String(repeating: unit, count: 10_000)
        let capped = TextLimits.capped(long)
        #expect(capped.utf8.count <= TextLimits.maxFieldBytes)
        #expect(capped.utf8.count > TextLimits.maxFieldBytes - bytesPerCharacter)
        #expect(capped == String(repeating: unit, count: TextLimits.maxFieldBytes / bytesPerCharacter))
        #expect(TextLimits.capped("short") == "short")
    }

    @Test func aCharacterLongerThanTheCapIsCutOnAScalarBoundary() {
        let huge = "e" + String(repeating: "\u{301}", count: 1_000)  // one character of 2,001 bytes
        let capped = TextLimits.capped(huge)
        #expect(!capped.isEmpty)
        #expect(capped.utf8.count <= TextLimits.maxFieldBytes)
        #expect(huge.unicodeScalars.starts(with: capped.unicodeScalars))
    }

    @Test func everyDisplayedStringIsCappedAtDecode() throws {
        let long = String(repeating: "x", count: 10_000)
        let event = try EventDecoder().decode(body: Array("""
            {"metadata": {"id": "e1", "type": "VehicleChanged", "flow_id": "\(long)", "fleet_id": "\(long)"},
             "reasons": ["\(long)"], "vehicle": {"id": "\(long)", "master_data": {"license_plate": "\(long)",
             "custom_name": "\\u00e9\(long)", "brand": "\(long)", "model": "\(long)", "vin": "\(long)"},
             "life_status": {"value": "\(long)"}, "rental_status": {"value": "\(long)"},
             "operation_status": {"value": "\(long)"}, "tags": ["\(long)"],
             "capabilities": {"commands": ["\(long)"]}}}
            """.utf8))
        guard case let .vehicleChanged(change) = event.payload else { Issue.record("\(event.payload)"); return }
        let v = change.vehicle
        let m = try #require(v.masterData)
        let strings = [event.vehicleID, event.flowID, event.fleetID, change.reasons.first?.raw, v.id, m.licensePlate,
                       m.customName, m.brand, m.model, m.vin, v.lifeStatus?.value.raw, v.rentalStatus?.value.raw,
                       v.operationStatus, v.tags?.first, v.commands?.first]
        for string in strings {
            let s = try #require(string)
            #expect(s.utf8.count <= TextLimits.maxFieldBytes)
            #expect(s.utf8.count >= TextLimits.maxFieldBytes - 1)
        }
        #expect(event.id == "e1")
    }

    @Test func theEventIDIsNeverCutSoLongIDsStayDistinct() throws {
        let prefix = String(repeating: "i", count: 1_000)
        let a = try EventDecoder().decode(body: TestEvents.lockReading(id: prefix + "a", vehicle: "V", at: Self.at, lock: "LOCKED"))
        let b = try EventDecoder().decode(body: TestEvents.lockReading(id: prefix + "b", vehicle: "V", at: Self.at, lock: "LOCKED"))
        var state = FleetState()
        #expect(state.apply(a, arrivedAt: arrival) == .applied)
        #expect(state.apply(b, arrivedAt: arrival) == .applied)
    }

    static let at = "2026-11-28T10:00:00Z"

    @Test func unknownTypeNamesAndReadingsAreCappedToo() throws {
        let long = String(repeating: "T", count: 50_000)
        let event = try EventDecoder().decode(body: Array("""
            {"metadata": {"id": "e1", "type": "\(long)"}, "vehicle_id": "V"}
            """.utf8))
        #expect(event.type.name.utf8.count == TextLimits.maxFieldBytes)
        let fromHeader = try EventDecoder().decode(body: Array(#"{"metadata": {"id": "e2"}, "vehicle_id": "V"}"#.utf8),
                                                   headers: ["Message-Type": long])
        #expect(fromHeader.type.name.utf8.count == TextLimits.maxFieldBytes)
        let reading = try EventDecoder().decode(body: TestEvents.lockReading(id: "e3", vehicle: "V", at: Self.at, lock: long))
        guard case let .vehicleStateRecorded(state) = reading.payload else { Issue.record("\(reading.payload)"); return }
        #expect(state.centralLock?.value.raw.utf8.count == TextLimits.maxFieldBytes)
    }

    @Test func arraysKeepTheirFirstElementsAndStillCheckTheRest() throws {
        let many = (0..<1_000).map { "\"R\($0)\"" }.joined(separator: ",")
        let event = try EventDecoder().decode(body: Array("""
            {"metadata": {"id": "e1", "type": "VehicleChanged"}, "reasons": [\(many)], "vehicle": {"id": "V"}}
            """.utf8))
        guard case let .vehicleChanged(change) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(change.reasons.map(\.raw) == (0..<TextLimits.maxArrayElements).map { "R\($0)" })
        // An element of the wrong type beyond the cap is still refused.
        #expect(throws: EventDecodingError.wrongType(field: "reasons", expected: "an array of strings",
                                                     found: "an element that is a number")) {
            try EventDecoder().decode(body: Array("""
                {"metadata": {"id": "e1", "type": "VehicleChanged"}, "reasons": [\(many), 7], "vehicle": {"id": "V"}}
                """.utf8))
        }
    }

    @Test func distinctUnknownTypeNamesAreBounded() {
        var state = FleetState()
        for i in 0..<1_000 {
            state.apply(Event(id: "e\(i)", type: .other("Type\(i)"), occurredAt: nil, vehicleID: nil, payload: .other),
                        arrivedAt: arrival)
        }
        let byType = state.eventsByType
        #expect(byType.count == FleetState.maxOtherTypeNames + 1)
        #expect(byType[FleetState.otherTypesBucket] == 1_000 - FleetState.maxOtherTypeNames)
        #expect(byType["Type0"] == 1)
        #expect(byType.values.reduce(0, +) == 1_000)
        state.apply(Event(id: "again", type: .other("Type0"), occurredAt: nil, vehicleID: nil, payload: .other),
                    arrivedAt: arrival)
        #expect(state.eventsByType["Type0"] == 2)  // a name already kept keeps counting
    }

    @Test func vehiclesBeyondTheCapacityAreCountedNotStored() {
        var state = FleetState(vehicleCapacity: 10)
        for i in 0..<25 {
            state.apply(TestEvents.decode(TestEvents.lockReading(id: "e\(i)", vehicle: "V\(i)", at: Self.at, lock: "LOCKED")),
                        arrivedAt: arrival)
        }
        #expect(state.vehicles.count == 10)
        #expect(state.counts.vehicles == 10)
        #expect(state.vehiclesRefused == 15)
        #expect(state.eventsApplied == 25)
        // Vehicles already kept still change.
        state.apply(TestEvents.decode(TestEvents.lockReading(id: "late", vehicle: "V3", at: "2026-11-28T10:01:00Z",
                                                             lock: "UNLOCKED")), arrivedAt: arrival)
        #expect(state["V3"]?.centralLock?.value == .unlocked)
        state.seed([VehicleResource(id: "S1")], asOf: arrival)
        state.applyCommandResult(vehicleID: "S2", state: VehicleState(), receivedAt: arrival)
        #expect(state.vehicles.count == 10)
    }
}
