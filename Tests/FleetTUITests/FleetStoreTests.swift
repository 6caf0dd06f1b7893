import FleetCore
import Testing
@testable import FleetTUI

@Suite struct FleetStoreTests {
    /// The batch apply the dashboard runs on the consumer thread: smoke detections newly applied are answered
    /// for the alert, a redelivered one is not, and the total counts applied events only.
    @Test func aBatchAnswersItsNewSmokeDetectionsAndTheTotal() {
        let store = FleetStore()
        let smoke = Fixture.smoke("K2M9X", at: "12:00:05", eventID: "smoke-1")
        let first = store.apply([Fixture.changed("K2M9X", plate: "M-IN 4711", at: "10:00:00", eventID: "k"), smoke],
                                arrivedAt: .latest)
        #expect(first.smokeDetected.map(\.id) == ["smoke-1"])
        #expect(first.eventsApplied == 2)

        let again = store.apply([smoke, Fixture.changed("A81TZ", plate: "HH-X 12", at: "10:01:00", eventID: "a")],
                                arrivedAt: .latest)
        #expect(again.smokeDetected.isEmpty)
        #expect(again.eventsApplied == 3)
        #expect(store.read { $0.vehicles.count } == 2)
    }
}
