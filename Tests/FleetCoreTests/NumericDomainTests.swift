import Testing
import TestSupport

/// Numbers from the wire outside their field's domain (`NumericDomain`) are dropped for that field and counted;
/// the event's other fields still apply, and nothing traps (issue 16: `1e400`, `1e19`, `-1e300`).
@Suite struct NumericDomainTests {
    let arrival = Timestamp(iso8601: "2026-11-28T13:00:00Z")!

    @Test func extremeTripMetricsDecodeWithTheBadFieldsDroppedAndCounted() throws {
        let event = try EventDecoder().decode(body: ExtremeEvents.tripMetrics(id: "e1", vehicle: "V1"))
        #expect(event.valuesOutOfRange == ExtremeEvents.tripMetricsOutOfRange)
        guard case let .trip(trip) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(trip.distanceKilometers == nil)
        #expect(trip.durationSeconds == nil)
        #expect(trip.maxSpeedKilometersPerHour == nil)
        #expect(trip.start?.position == nil)
        #expect(trip.start?.mileageKilometers == nil)
        #expect(trip.end?.mileageKilometers == nil)
        // The rest applies.
        #expect(trip.start?.time == Timestamp(iso8601: "2026-11-28T10:16:00Z"))
        #expect(trip.end?.position == Position(lat: 52.52, lon: 13.41))

        var state = FleetState()
        state.apply(event, arrivedAt: arrival)
        #expect(state.valuesOutOfRange == ExtremeEvents.tripMetricsOutOfRange)
        #expect(state["V1"]?.trip?.endedAt == Timestamp(iso8601: "2026-11-28T10:41:00Z"))
        #expect(state.trips.entries.last?.kind == .tripMetrics(distanceKilometers: nil, durationSeconds: nil))
    }

    @Test func extremeSmokeDataDecodesWithTheBadFieldsDroppedAndCounted() throws {
        let event = try EventDecoder().decode(body: ExtremeEvents.smokeData(id: "e2", vehicle: "V2"))
        #expect(event.valuesOutOfRange == ExtremeEvents.smokeDataOutOfRange)
        guard case let .smoke(smoke) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(smoke.maxPM25 == nil)
        #expect(smoke.position == nil)
        #expect(smoke.endedAt == Timestamp(iso8601: "2026-11-28T12:04:00Z"))

        var state = FleetState()
        state.apply(event, arrivedAt: arrival)
        #expect(state.valuesOutOfRange == ExtremeEvents.smokeDataOutOfRange)
        #expect(state["V2"]?.smoke?.dataReady == true)
        #expect(state.smoke.entries.last?.kind == .smokeDataReady(maxPM25: nil))
    }

    @Test func anExtremeVehicleStateDecodesWithTheBadFieldsDroppedAndCounted() throws {
        let event = try EventDecoder().decode(body: ExtremeEvents.vehicleState(id: "e3", vehicle: "V3"))
        #expect(event.valuesOutOfRange == ExtremeEvents.vehicleStateOutOfRange)
        guard case let .vehicleStateRecorded(reading) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(reading.position == nil)
        #expect(reading.chargeOrFuelPercent == nil)
        #expect(reading.remainingRangeKilometers == nil)
        #expect(reading.mileageKilometers == nil)
        #expect(reading.cellularSignalQuality == nil)
        #expect(reading.centralLock?.value == .locked)
        #expect(reading.drivingEnabled?.value == false)

        var state = FleetState()
        state.apply(event, arrivedAt: arrival)
        state.apply(event, arrivedAt: arrival)  // a duplicate counts nothing again
        #expect(state.valuesOutOfRange == ExtremeEvents.vehicleStateOutOfRange)
        #expect(state["V3"]?.centralLock?.value == .locked)
        #expect(state["V3"]?.chargeOrFuelPercent == nil)
    }

    struct Field: Sendable, CustomTestStringConvertible {
        let name: String
        let accepted: [String]
        let refused: [String]
        /// The body of a `VehicleStateRecorded` or `TripMetricsReady` with `value` in the field.
        let body: @Sendable (String) -> String
        /// Whether the decoded event kept the field.
        let kept: @Sendable (Event) -> Bool
        var testDescription: String { name }
    }

    static func reading(_ key: String, _ value: String) -> String {
        #"{"metadata": {"id": "e", "type": "VehicleStateRecorded"}, "vehicle_id": "V", "vehicle_state": {"# +
            #""driving_enabled": {"value": true}, "\#(key)": {"timestamp": "2026-11-28T10:00:00Z", "value": \#(value)}}}"#
    }

    static func trip(_ key: String, _ value: String) -> String {
        #"{"metadata": {"id": "e", "type": "TripMetricsReady"}, "trip": {"id": "t", "vehicle_id": "V", "\#(key)": \#(value)}}"#
    }

    static func state(_ event: Event) -> VehicleState? {
        if case let .vehicleStateRecorded(state) = event.payload { return state }
        return nil
    }

    static func tripReport(_ event: Event) -> TripReport? {
        if case let .trip(trip) = event.payload { return trip }
        return nil
    }

    static let extremes = ["1e400", "-1e400", "1e19", "-1e300", "1e308"]

    static let fields: [Field] = [
        Field(name: "charge", accepted: ["0", "100", "57.5"], refused: ["-0.1", "100.01"] + extremes,
              body: { reading("state_of_charge_or_fuel_level_in_percent", $0) },
              kept: { state($0)?.chargeOrFuelPercent != nil }),
        Field(name: "older fuel level", accepted: ["0", "100"], refused: ["101", "-1"] + extremes,
              body: { reading("fuel_level_in_percent", $0) }, kept: { state($0)?.chargeOrFuelPercent != nil }),
        Field(name: "range", accepted: ["0", "10000", "312.5"], refused: ["10000.5", "-1"] + extremes,
              body: { reading("remaining_range_in_kilometers", $0) },
              kept: { state($0)?.remainingRangeKilometers != nil }),
        Field(name: "mileage", accepted: ["0", "10000000", "48211.3"], refused: ["10000001", "-0.5"] + extremes,
              body: { reading("mileage_in_kilometers", $0) }, kept: { state($0)?.mileageKilometers != nil }),
        Field(name: "signal quality", accepted: ["0", "5", "3.0"], refused: ["2.5", "6", "-1"] + extremes,
              body: { reading("cellular_signal_quality", $0) }, kept: { state($0)?.cellularSignalQuality != nil }),
        Field(name: "latitude", accepted: ["90", "-90", "52.52"], refused: ["90.0001", "-91"] + extremes,
              body: { reading("position", #"{"lat": \#($0), "lon": 13.4}"#) }, kept: { state($0)?.position != nil }),
        Field(name: "longitude", accepted: ["180", "-180", "13.4"], refused: ["180.5", "-181"] + extremes,
              body: { reading("position", #"{"lat": 52.5, "lon": \#($0)}"#) }, kept: { state($0)?.position != nil }),
        Field(name: "trip distance", accepted: ["0", "100000", "21.4"], refused: ["100001", "-2"] + extremes,
              body: { trip("distance_in_kilometers", $0) }, kept: { tripReport($0)?.distanceKilometers != nil }),
        Field(name: "trip duration", accepted: ["0", "31622400", "1500"], refused: ["31622401", "-60"] + extremes,
              body: { trip("duration_in_seconds", $0) }, kept: { tripReport($0)?.durationSeconds != nil }),
        Field(name: "trip speed", accepted: ["0", "1000", "87.5"], refused: ["1000.5", "-3"] + extremes,
              body: { trip("max_speed_in_kilometers_per_hour", $0) },
              kept: { tripReport($0)?.maxSpeedKilometersPerHour != nil }),
        Field(name: "trip start mileage", accepted: ["0", "48211"], refused: ["-1"] + extremes,
              body: { trip("start", #"{"mileage_in_kilometers": \#($0)}"#) },
              kept: { tripReport($0)?.start?.mileageKilometers != nil }),
        Field(name: "PM2.5", accepted: ["0", "100000", "412.7"], refused: ["100000.1", "-5"] + extremes,
              body: { #"{"metadata": {"id": "e", "type": "SmokeDataReady"}, "vehicle_id": "V", "smoke_event_id": "s", "# +
                  #""max_pm2_5_in_micrograms_per_cubic_meter": \#($0)}"# },
              kept: { if case let .smoke(s) = $0.payload { s.maxPM25 != nil } else { false } }),
    ]

    @Test(arguments: fields)
    func eachFieldKeepsItsDomainAndDropsTheRest(_ field: Field) throws {
        for value in field.accepted {
            let event = try EventDecoder().decode(body: Array(field.body(value).utf8))
            #expect(field.kept(event), "\(value) should be kept")
            #expect(event.valuesOutOfRange == 0, "\(value)")
        }
        for value in field.refused {
            let event = try EventDecoder().decode(body: Array(field.body(value).utf8))
            #expect(!field.kept(event), "\(value) should be dropped")
            #expect(event.valuesOutOfRange == 1, "\(value)")
            if let state = Self.state(event) { #expect(state.drivingEnabled?.value == true, "the rest applies") }
        }
    }

    @Test func aPositionWithBothHalvesOutOfRangeCountsBoth() throws {
        let event = try EventDecoder().decode(body: Array(Self.reading("position", #"{"lat": 1e400, "lon": -1e300}"#).utf8))
        #expect(Self.state(event)?.position == nil)
        #expect(event.valuesOutOfRange == 2)
    }

    @Test func aNumberOfTheWrongTypeIsStillTheWrongTypeError() {
        #expect(throws: EventDecodingError.wrongType(field: "vehicle_state.mileage_in_kilometers.value",
                                                     expected: "a number", found: "a string")) {
            try EventDecoder().decode(body: Array(Self.reading("mileage_in_kilometers", #""1e400""#).utf8))
        }
    }

    @Test func theDomainsAreFiniteAndRejectNaN() {
        for domain in [NumericDomain.percent, .latitude, .longitude, .mileageKilometers, .rangeKilometers,
                       .tripDistanceKilometers, .durationSeconds, .speedKilometersPerHour,
                       .pm25MicrogramsPerCubicMeter, .cellularSignalQuality] {
            #expect(domain.bounds.lowerBound.isFinite && domain.bounds.upperBound.isFinite)
            #expect(!domain.contains(.nan))
            #expect(!domain.contains(.infinity))
            #expect(!domain.contains(-.infinity))
        }
    }
}
