import Testing
import TestSupport

/// A reading stamped far in the future (a telematics unit with a bad clock) does not freeze a value: when an
/// event is applied, its times later than its arrival plus `FleetState.futureToleranceMicroseconds` are taken as that.
@Suite struct FutureStampTests {
    let arrival = Timestamp(iso8601: "2026-11-28T10:00:00Z")!
    var tolerance: Int64 { FleetState.futureToleranceMicroseconds }

    @Test func aReadingFromTheFutureIsOverwrittenByTheNextRealOne() {
        var state = FleetState()
        state.apply(TestEvents.decode(TestEvents.lockReading(id: "bad-clock", vehicle: "V", at: "2099-01-01T00:00:00Z",
                                                             lock: "LOCKED")), arrivedAt: arrival)
        #expect(state["V"]?.centralLock?.value == .locked)
        #expect(state["V"]?.centralLock?.stamp.time == arrival.adding(microseconds: tolerance))
        #expect(state["V"]?.lastEventAt == arrival.adding(microseconds: tolerance))

        // Ten minutes later a correct unit reports UNLOCKED: it wins, as it would over any reading of 10:05.
        let later = arrival.adding(seconds: 600)
        state.apply(TestEvents.decode(TestEvents.lockReading(id: "good", vehicle: "V", at: "2026-11-28T10:10:00Z",
                                                             lock: "UNLOCKED")), arrivedAt: later)
        #expect(state["V"]?.centralLock?.value == .unlocked)
    }

    @Test func skewWithinTheToleranceIsLeftAlone() {
        var state = FleetState()
        state.apply(TestEvents.decode(TestEvents.lockReading(id: "a", vehicle: "V", at: "2026-11-28T10:04:00Z",
                                                             lock: "LOCKED")), arrivedAt: arrival)
        #expect(state["V"]?.centralLock?.stamp.time == Timestamp(iso8601: "2026-11-28T10:04:00Z"))
        // An older reading that arrives later still does not overwrite it.
        state.apply(TestEvents.decode(TestEvents.lockReading(id: "b", vehicle: "V", at: "2026-11-28T10:02:00Z",
                                                             lock: "UNLOCKED")), arrivedAt: arrival.adding(seconds: 60))
        #expect(state["V"]?.centralLock?.value == .locked)
    }

    @Test func aStatusModifiedInTheFutureIsHeldToo() {
        var state = FleetState()
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(id: "1", vehicle: "V", at: "2026-11-28T10:00:00Z",
                                                                life: "OFFLINE", modifiedAt: "2999-12-31T00:00:00Z")),
                    arrivedAt: arrival)
        #expect(state["V"]?.lifeStatus?.stamp.time == arrival.adding(microseconds: tolerance))
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(id: "2", vehicle: "V", at: "2026-11-28T10:06:00Z",
                                                                life: "ONLINE")), arrivedAt: arrival.adding(seconds: 360))
        #expect(state["V"]?.lifeStatus?.value == .online)
    }

    @Test func aLogEntryFromTheFutureDoesNotStayOnTopForever() {
        var state = FleetState()
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(id: "1", vehicle: "A", at: "2099-01-01T00:00:00Z",
                                                                reasons: ["LIFE_STATUS_CHANGED"], life: "OFFLINE")),
                    arrivedAt: arrival)
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(id: "2", vehicle: "B", at: "2026-11-28T10:20:00Z",
                                                                reasons: ["LIFE_STATUS_CHANGED"], life: "OFFLINE")),
                    arrivedAt: arrival.adding(seconds: 1200))
        #expect(state.lifeChanges.entries.map(\.vehicleID) == ["A", "B"])  // newest last
    }

    @Test func aTripFromTheFutureDoesNotHideTheNextTrip() {
        var state = FleetState()
        func trip(_ id: String, _ tripID: String, start: String) -> Event {
            TestEvents.decode(Array("""
                {"metadata": {"id": "\(id)", "type": "TripStarted", "occurred_at": "\(start)"},
                 "trip": {"id": "\(tripID)", "vehicle_id": "V", "start": {"time": "\(start)"}}}
                """.utf8))
        }
        state.apply(trip("1", "t-future", start: "2099-01-01T00:00:00Z"), arrivedAt: arrival)
        state.apply(trip("2", "t-next", start: "2026-11-28T11:00:00Z"), arrivedAt: arrival.adding(seconds: 3600))
        #expect(state["V"]?.trip?.tripID == "t-next")
    }
}
