import FleetCore
import TestSupport
import Testing
@testable import FleetTUI

/// Issue 16's three failures on screen: `TripMetricsReady`, `SmokeDataReady` and `VehicleStateRecorded` with
/// `1e400`, `1e19` and `-1e300` decode, apply and draw without trapping, with the bad fields dropped and counted
/// and the rest applied; and the views format any Double (NaN, ±inf, 1e300) that reaches them without trapping.
@Suite(.serialized) struct ExtremeNumberScreenTests {
    let arrival = Timestamp(iso8601: "2026-11-28T13:00:00Z")!

    static func decode(_ body: [UInt8]) -> Event { TestEvents.decode(body) }

    static var extremeEvents: [Event] {
        [decode(ExtremeEvents.tripMetrics(id: "x-trip", vehicle: "JQ7RP")),
         decode(ExtremeEvents.smokeData(id: "x-smoke", vehicle: "K2M9X")),
         decode(ExtremeEvents.vehicleState(id: "x-state", vehicle: "A81TZ"))]
    }

    static let outOfRange = ExtremeEvents.tripMetricsOutOfRange + ExtremeEvents.smokeDataOutOfRange
        + ExtremeEvents.vehicleStateOutOfRange

    @Test func theThreeExtremeEventsDrawWithTheCountInTheHeader() {
        var state = Fixture.fleet()
        for event in Self.extremeEvents { state.apply(event, arrivedAt: arrival) }
        #expect(state.valuesOutOfRange == Self.outOfRange)
        #expect(state["A81TZ"]?.centralLock?.value == .locked)  // the rest applied
        var model = Fixture.model(size: ScreenSize(width: 200, height: 40))
        let grid = DashboardView.render(model, rows: RowIndex().rows(for: state, filter: model.filter))
        let screen = grid.lines.joined(separator: "\n")
        #expect(grid.line(0).contains("values out of range \(Self.outOfRange)"), "\(screen)")
        #expect(screen.contains("JQ7RP B-FW 832 metrics"), "\(screen)")
        #expect(screen.contains("K2M9X M-IN 4711 smoke over"), "\(screen)")
        for pane in ["Vehicles", "Rentals", "Online/Offline", "Trips", "Smoke"] {
            #expect(screen.contains(pane), "\(pane)")
        }
        // Every pane focused draws too.
        for _ in 0..<5 {
            _ = model.update(.key(.tab), rows: RowIndex().rows(for: state, filter: model.filter))
            _ = DashboardView.render(model, rows: RowIndex().rows(for: state, filter: model.filter))
        }
    }

    /// The first crash `scripts/fuzz events` found (Fuzz/corpus/events/crash.trip-metrics-distance-1e400.json): the
    /// contract's `TripMetricsReady` with a distance of `1e400` trapped the Trips pane converting infinity to `Int`.
    @Test func theFuzzersTripMetricsInputDraws() {
        let body = """
            {
              "metadata": { "id": "3f405162-7384-495a-ab6c-7d8e9f0a1b23", "type": "TripMetricsReady", "version": 2, "occurred_at": "2026-11-28T10:43:00Z" },
              "trip": {
                "id": "trp_01JD8Q4W6Z3K",
                "vehicle_id": "JQ7RP",
                "distance_in_kilometers": 1e400,
                "duration_in_seconds": 1541,
                "max_speed_in_kilometers_per_hour": 71
              }
            }
            """
        let event = Self.decode(Array(body.utf8))
        #expect(event.valuesOutOfRange == 1)
        var state = Fixture.fleet()
        state.apply(event, arrivedAt: arrival)
        var model = Fixture.model(size: ScreenSize(width: 200, height: 40))
        for _ in 0..<5 {  // every pane focused in turn
            let rows = RowIndex().rows(for: state, filter: model.filter)
            #expect(DashboardView.render(model, rows: rows).lines.joined().contains("Trips"))
            _ = model.update(.key(.tab), rows: rows)
        }
    }

    static let anyDoubles: [Double] = [.nan, .infinity, -.infinity, 1e300, -1e300, 1e19, -1e19,
                                       .greatestFiniteMagnitude, -0.05, 9.2e18]

    /// Values that bypass the decoder (a store filled by other code, a future field) still never trap a view.
    @Test(arguments: anyDoubles)
    func theViewsFormatAnyDouble(_ value: Double) {
        var state = FleetState()
        state.apply(Event(id: "t", type: .tripMetricsReady, occurredAt: arrival, vehicleID: "V",
                          payload: .trip(TripReport(tripID: "t", distanceKilometers: value, durationSeconds: value))),
                    arrivedAt: arrival)
        state.apply(Event(id: "s", type: .smokeDataReady, occurredAt: arrival, vehicleID: "V",
                          payload: .smoke(SmokeReport(incidentID: "i", maxPM25: value))), arrivedAt: arrival)
        var model = Fixture.model()
        model.stream = StreamStatus(state: .connected, endpoint: "x", eventsPerSecond: value)
        let grid = DashboardView.render(model, rows: RowIndex().rows(for: state, filter: model.filter))
        #expect(grid.line(0).contains("ev/s"))
        model.stream = StreamStatus(state: .retrying(inSeconds: value, reason: "r"), endpoint: "x")
        _ = DashboardView.render(model, rows: RowIndex().rows(for: state, filter: model.filter))
    }

    @Test func numbersAreFormattedWithClamping() {
        #expect(oneDecimal(21.44) == "21.4")
        #expect(oneDecimal(-0.5) == "-0.5")
        #expect(oneDecimal(.nan) == "?")
        #expect(oneDecimal(.infinity) == "1000000000.0")
        #expect(oneDecimal(-1e300) == "-1000000000.0")
        #expect(wholeNumberText(1500 / 60) == "25")
        #expect(wholeNumberText(.nan) == "?")
        #expect(wholeNumberText(-.infinity) == "-1000000000")
    }

    /// Through the dashboard's whole loop (fake source, real store, memory terminal): the extreme events are
    /// applied and settled, every frame draws, and an ordinary event after them appears.
    @Test func theDashboardStaysUpAndShowsTheNextOrdinaryEvent() async {
        let h = DashboardRuntimeTests.Harness(commands: nil)
        #expect(await eventually { h.shows("● connected") }, "\(h.screen())")
        for event in Self.extremeEvents { h.source.emit(event) }
        #expect(await eventually { h.shows("values out of range \(Self.outOfRange)") }, "\(h.screen())")
        h.source.emit(Fixture.changed("AFTER1", plate: "OK-1", life: .online, at: "13:00:00", eventID: "after"))
        #expect(await eventually { h.shows("AFTER1") }, "\(h.screen())")
        #expect(h.source.settled == 4)
        #expect(await h.quit())
    }
}
