import FleetCore
import Testing

/// Each vehicle keeps its newest events, in short and bounded: the detail view's timeline.
@Suite struct VehicleTimelineTests {
    static let base = Timestamp(iso8601: "2026-11-28T10:00:00Z")!

    static func reading(_ vehicle: String, second: Int, lock: LockState = .locked, flowID: String? = nil) -> Event {
        let time = base.adding(seconds: Double(second))
        return Event(id: "\(vehicle)-\(second)", type: .vehicleStateRecorded, occurredAt: time, flowID: flowID,
                     vehicleID: vehicle, payload: .vehicleStateRecorded(VehicleState(
                         centralLock: Reading(lock, at: time), chargeOrFuelPercent: Reading(64.4, at: time))))
    }

    @Test func aVehicleKeepsItsNewest200EventsAndNoMore() {
        var state = FleetState()
        for second in 0..<250 { state.apply(Self.reading("V1", second: second), arrivedAt: Self.base.adding(seconds: 300)) }
        state.apply(Self.reading("V2", second: 0), arrivedAt: Self.base)
        let timeline = state["V1"]!.timeline
        #expect(timeline.count == VehicleTimeline.capacity)
        #expect(VehicleTimeline.capacity == 200)
        #expect(timeline.newest(0)?.time == Self.base.adding(seconds: 249))
        #expect(timeline.newest(199)?.time == Self.base.adding(seconds: 50))
        #expect(timeline.newest(200) == nil)
        #expect(state["V2"]!.timeline.count == 1)  // per vehicle: V1's events take none of V2's room
    }

    @Test func theTimelineIsTheSameInAnyOrderOfArrival() {
        var forward = FleetState(), backward = FleetState()
        let events = (0..<230).map { Self.reading("V1", second: $0 % 2 == 0 ? $0 : 230 - $0) }
        for event in events { forward.apply(event, arrivedAt: Self.base.adding(seconds: 300)) }
        for event in events.reversed() { backward.apply(event, arrivedAt: Self.base.adding(seconds: 300)) }
        #expect(forward["V1"]!.timeline == backward["V1"]!.timeline)
        #expect(forward["V1"]!.timeline.count == 200)
    }

    /// 200 entries for each of 100,000 vehicles is 20 million entries: each must stay a few machine words.
    @Test func anEntryIsCompact() {
        #expect(MemoryLayout<TimelineEntry>.stride <= 24)
    }

    @Test func anEntrySummarisesItsEventAndKnowsItsFlowID() {
        var state = FleetState()
        state.apply(Self.reading("V1", second: 1, lock: .unlocked, flowID: "flow-a"), arrivedAt: Self.base)
        let entry = state["V1"]!.timeline.newest(0)!
        #expect(entry.summary == .stateRecorded(lock: .unlocked, chargePercent: 64))
        #expect(entry.carries(flowID: "flow-a") && !entry.carries(flowID: "flow-b") && entry.hasFlowID)
    }

    @Test func numbersOutsideTheSummarysRangeAreLeftOut() {
        var state = FleetState()
        let trip = Event(id: "t", type: .tripMetricsReady, occurredAt: Self.base, vehicleID: "V1",
                         payload: .trip(TripReport(tripID: "t", distanceKilometers: 1e7)))
        state.apply(trip, arrivedAt: Self.base)
        #expect(state["V1"]!.timeline.newest(0)?.summary == .tripMetricsReady(decikilometres: nil))
    }
}
