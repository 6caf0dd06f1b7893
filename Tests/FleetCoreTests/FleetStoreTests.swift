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
}
