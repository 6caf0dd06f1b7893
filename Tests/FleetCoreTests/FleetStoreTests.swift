import FleetCore
import Testing
import TestSupport

@Suite struct FleetStoreTests {
    /// The batch apply the dashboard runs on the consumer thread: smoke detections newly applied are answered
    /// for the alert, a redelivered one is not, and the total counts applied events only.
    @Test func aBatchAnswersItsNewSmokeDetectionsAndTheTotal() {
        let store = FleetStore()
        let smoke = TestEvents.decode(Fixture.bytes("smoke-detected.json"))
        let changed = { (id: String, vehicle: String) in
            TestEvents.decode(TestEvents.vehicleChanged(id: id, vehicle: vehicle, at: "2026-11-28T10:00:00Z",
                                                        reasons: ["MASTER_DATA_CHANGED"], plate: "M-IN 4711"))
        }
        let first = store.apply([changed("k", "K2M9X"), smoke], arrivedAt: .latest)
        #expect(first.smokeDetected.map(\.id) == [smoke.id])
        #expect(first.eventsApplied == 2)

        let again = store.apply([smoke, changed("a", "A81TZ")], arrivedAt: .latest)
        #expect(again.smokeDetected.isEmpty)
        #expect(again.eventsApplied == 3)
        #expect(store.read { $0.vehicles.count } == Set(["K2M9X", "A81TZ", smoke.vehicleID]).count)
    }

    /// A batch applies as its events one after the other would, duplicates within it and ids the dedup memory
    /// forgets meanwhile (it holds two here) included.
    @Test func aBatchAppliesAsItsEventsOneAfterTheOther() {
        let changed = { (id: String, vehicle: String, plate: String, second: Int) in
            TestEvents.decode(TestEvents.vehicleChanged(id: id, vehicle: vehicle, at: "2026-11-28T10:00:0\(second)Z",
                                                        reasons: ["MASTER_DATA_CHANGED"], plate: plate))
        }
        // The last is "a" again, forgotten by then: applied anew, and newer than "c".
        let events = [changed("a", "V1", "A", 0), changed("b", "V2", "B", 1), changed("a", "V1", "A", 0),
                      changed("c", "V1", "C", 2), changed("d", "V3", "D", 3), changed("a", "V1", "A2", 4)]
        var one = FleetState(dedupCapacity: 2)
        let expected = events.map { one.apply($0, arrivedAt: .latest) }
        var batch = FleetState(dedupCapacity: 2)
        var outcomes: [FleetState.Outcome] = []
        batch.apply(events, arrivedAt: .latest) { _, outcome in outcomes.append(outcome) }
        #expect(outcomes == expected)
        #expect(expected == [.applied, .applied, .duplicate, .applied, .applied, .applied])
        #expect(batch == one)
        #expect(batch.vehicles["V1"]?.plate?.value == "A2")
    }

    /// A batch about vehicles the state already keeps, and new ones, in any mix, applies as its events one after the
    /// other would.
    @Test func aBatchAboutKeptVehiclesAppliesAsItsEventsOneAfterTheOther() {
        let changed = { (id: String, vehicle: String, plate: String, second: Int) in
            TestEvents.decode(TestEvents.vehicleChanged(id: id, vehicle: vehicle, at: "2026-11-28T10:00:0\(second)Z",
                                                        reasons: ["MASTER_DATA_CHANGED"], plate: plate))
        }
        let first = [changed("a", "V1", "A", 0), changed("b", "V2", "B", 0), changed("c", "V3", "C", 0)]
        let second = [changed("d", "V3", "D", 1), changed("e", "V4", "E", 1), changed("f", "V1", "F", 2),
                      changed("g", "V4", "G", 2), changed("h", "V2", "H", 3), changed("d", "V3", "D", 1)]
        var one = FleetState()
        for event in first + second { one.apply(event, arrivedAt: .latest) }
        var batch = FleetState()
        batch.apply(first, arrivedAt: .latest) { _, _ in }
        batch.apply(second, arrivedAt: .latest) { _, _ in }
        #expect(batch == one)
        #expect(["V1", "V2", "V3", "V4"].map { batch.vehicles[$0]?.plate?.value } == ["F", "H", "D", "G"])
        #expect(batch.vehicles.values.map(\.timeline.count) == [2, 2, 2, 2])
    }
}
