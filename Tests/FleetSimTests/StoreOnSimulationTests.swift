import FleetCore
import FleetSim
import FleetSimREST
import Testing

/// The dashboard's store, seeded with the simulated fleet's snapshot and fed its events (as `fleetwatch --demo`
/// does), ends up agreeing with the simulation about who is online and who is rented.
@Suite struct StoreOnSimulationTests {
    @Test func theStoreFedByTheSimulationAgreesWithIt() {
        var sim = Simulation(configuration: configuration(vehicles: 100, seed: 17))
        var store = FleetState()
        store.seed(sim.vehicles, asOf: fixedStart)
        var applied = 0
        for hour in 1...6 {
            for event in sim.step(until: fixedStart.adding(seconds: Double(hour) * 3600)) {
                _ = store.apply(event.event, arrivedAt: .latest)
                applied += 1
            }
            let truth = sim.vehicles
            #expect(store.counts.vehicles == truth.count)
            #expect(store.counts.online == truth.filter { $0.lifeStatus?.value == .online }.count, "hour \(hour)")
            #expect(store.counts.inRental == truth.filter { $0.rentalStatus?.value == .inRental }.count, "hour \(hour)")
        }
        #expect(store.eventsApplied == applied)
        #expect(store.duplicatesIgnored == 0)
        #expect(!store.trips.entries.isEmpty && !store.rentals.entries.isEmpty && !store.lifeChanges.entries.isEmpty)
    }
}
