import Testing
import TestSupport

/// Every sample of the contract decodes, with the values it carries.
@Suite struct SampleDecodingTests {
    let decoder = EventDecoder()

    func decode(_ name: String, headers: [String: String] = [:]) throws -> Event {
        try decoder.decode(body: Fixture.bytes(name), headers: headers)
    }

    @Test func rentalChangeWithItsHeaders() throws {
        let headers = ["Message-Type": "VehicleChanged", "Message-Version": "1",
                       "Flow-ID": "8d3e2f10-7c4b-4b8a-a1e5-2f9c6d7e8a01"]
        let event = try decode("vehicle-changed.rental.json", headers: headers)
        #expect(event.id == "0b6f2c1e-3a7d-4c52-9e1f-6a8b0d2c4e11")
        #expect(event.type == .vehicleChanged)
        #expect(event.occurredAt == Timestamp(iso8601: "2026-11-28T10:15:02Z"))
        #expect(event.flowID == "8d3e2f10-7c4b-4b8a-a1e5-2f9c6d7e8a01")
        #expect(event.fleetID == "EXFL29")
        #expect(event.vehicleID == "JQ7RP")
        guard case let .vehicleChanged(change) = event.payload else { Issue.record("payload \(event.payload)"); return }
        #expect(change.reasons == [.rentalStatusChanged])
        let v = change.vehicle
        #expect(v.masterData?.licensePlate == "B-FW 832")
        #expect(v.masterData?.customName == "Golf 7")
        #expect(v.masterData?.vin == "WVWZZZAUZKW000135")
        #expect(v.masterData?.model == "e-Golf")
        #expect(v.lifeStatus == StatusValue(.online, modifiedAt: Timestamp(iso8601: "2026-11-28T08:00:11Z")))
        #expect(v.rentalStatus == StatusValue(.inRental, modifiedAt: Timestamp(iso8601: "2026-11-28T10:15:01Z")))
        #expect(v.operationStatus == "OPERATING")
        #expect(v.tags == ["berlin-mitte"])
        #expect(v.commands?.contains("LOCK_CENTRAL_LOCK") == true)
    }

    @Test func lifeChangeWithFractionalSeconds() throws {
        let event = try decode("vehicle-changed.life.json")
        #expect(event.occurredAt == Timestamp(microseconds: Timestamp(iso8601: "2026-11-28T10:16:40Z")!.microseconds + 250_000))
        guard case let .vehicleChanged(change) = event.payload else { Issue.record("payload"); return }
        #expect(change.reasons == [.lifeStatusChanged])
        #expect(change.vehicle.id == "K2M9X")
        #expect(change.vehicle.lifeStatus?.value == .offline)
        #expect(change.vehicle.masterData?.licensePlate == "M-IN 4711")
    }

    @Test func masterDataChangeUnderTheOtherSpellingWithAnUnknownReason() throws {
        let event = try decode("vehicle-changed.master.json")
        #expect(event.type == .vehicleChanged)  // "VehicleChange" in the body
        guard case let .vehicleChanged(change) = event.payload else { Issue.record("payload"); return }
        #expect(change.reasons == [.masterDataChanged, .other("TAGS_CHANGED")])
        #expect(change.vehicle.masterData?.licensePlate == "B-FW 833")
        #expect(change.vehicle.masterData?.customName == "Golf 7 (new plate)")
        #expect(change.vehicle.lifeStatus == nil)
        #expect(change.vehicle.tags == ["berlin-mitte", "winter-tyres"])
    }

    @Test func vehicleStateRecorded() throws {
        let event = try decode("vehicle-state-recorded.json")
        #expect(event.type == .vehicleStateRecorded)
        #expect(event.vehicleID == "JQ7RP")
        #expect(event.flowID == "2c1b0a99-8877-4655-a443-3221100ffeed")
        guard case let .vehicleStateRecorded(state) = event.payload else { Issue.record("payload"); return }
        let at = Timestamp(iso8601: "2026-11-28T10:21:04Z")
        #expect(state.centralLock == Reading(.locked, at: at))
        #expect(state.position == Reading(Position(lat: 52.520008, lon: 13.404954), at: at))
        #expect(state.chargeOrFuelPercent == Reading(78, at: at))
        #expect(state.remainingRangeKilometers == Reading(182, at: at))
        #expect(state.mileageKilometers == Reading(48211, at: at))
        #expect(state.drivingEnabled == Reading(false, at: at))
        #expect(state.ignition == Reading("OFF", at: at))
        #expect(state.cellularSignalQuality == nil)
    }

    @Test func tripStartedAndEnded() throws {
        let started = try decode("trip-started.json")
        #expect(started.type == .tripStarted)
        #expect(started.vehicleID == "JQ7RP")
        guard case let .trip(s) = started.payload else { Issue.record("payload"); return }
        #expect(s.tripID == "trp_01JD8Q4W6Z3K")
        #expect(s.start == TripPoint(time: Timestamp(iso8601: "2026-11-28T10:15:28Z"),
                                     position: Position(lat: 52.520008, lon: 13.404954), mileageKilometers: 48190))
        #expect(s.end == nil)

        let ended = try decode("trip-ended.json")
        #expect(ended.type == .tripEnded)
        guard case let .trip(e) = ended.payload else { Issue.record("payload"); return }
        #expect(e.end?.time == Timestamp(iso8601: "2026-11-28T10:41:09Z"))
        #expect(e.end?.mileageKilometers == 48211)
    }

    @Test func tripMetricsAndDiscard() throws {
        let metrics = try decode("trip-metrics-ready.json")
        #expect(metrics.type == .tripMetricsReady)
        guard case let .trip(m) = metrics.payload else { Issue.record("payload"); return }
        #expect(m.distanceKilometers == 21.4)
        #expect(m.durationSeconds == 1541)
        #expect(m.maxSpeedKilometersPerHour == 71)

        let discarded = try decode("trip-discarded.json")
        #expect(discarded.type == .tripDiscarded)
        #expect(discarded.vehicleID == "K2M9X")
        guard case let .trip(d) = discarded.payload else { Issue.record("payload"); return }
        #expect(d.discardReason == "TOO_SHORT")
    }

    @Test func smokeDetectedAndDataReady() throws {
        let detected = try decode("smoke-detected.json")
        #expect(detected.type == .smokeDetected)
        #expect(detected.vehicleID == "K2M9X")
        guard case let .smoke(s) = detected.payload else { Issue.record("payload"); return }
        #expect(s.incidentID == "smk_7Q2W")
        #expect(s.detectedAt == Timestamp(iso8601: "2026-11-28T12:00:03Z"))
        #expect(s.position == Position(lat: 48.137154, lon: 11.576124))

        let ready = try decode("smoke-data-ready.json")
        #expect(ready.type == .smokeDataReady)
        guard case let .smoke(r) = ready.payload else { Issue.record("payload"); return }
        #expect(r.incidentID == "smk_7Q2W")
        #expect(r.endedAt == Timestamp(iso8601: "2026-11-28T12:09:31Z"))
        #expect(r.maxPM25 == 412.5)
    }

    /// A command's answer is the events' vehicle state, read by the same code (`InversAnswersTests` reads every
    /// REST sample through `APIAnswer`).
    @Test func aCommandAnswerDecodesWithTheSharedShape() throws {
        let state = try VehicleState(jsonBody: Fixture.bytes("rest/command-lock.200.json"))
        #expect(state.centralLock?.value == .locked)
        #expect(state.drivingEnabled?.value == false)
        let vehicle = try VehicleResource(jsonBody: Array(#"{"id": "JQ7RP", "rental_status": {"value": "NOT_IN_RENTAL"}}"#.utf8))
        #expect(vehicle.id == "JQ7RP")
        #expect(vehicle.rentalStatus?.value == .notInRental)
    }
}
