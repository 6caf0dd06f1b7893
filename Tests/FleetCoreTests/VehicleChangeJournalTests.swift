import FleetCore
import Testing

/// The journal of changed vehicles that lets the map follow the fleet without rescanning it.
@Suite struct VehicleChangeJournalTests {
    func changed(_ id: String, _ n: Int) -> Event {
        Event(id: "e-\(id)-\(n)", type: .vehicleChanged, occurredAt: Timestamp(seconds: Double(1_700_000_000 + n)),
              vehicleID: id, payload: .vehicleChanged(VehicleChange(reasons: [], vehicle: VehicleResource(id: id))))
    }

    @Test func recordsTheIndexOfEachChangedVehicle() throws {
        var state = FleetState()
        state.apply(changed("A", 0), arrivedAt: .now())
        state.apply(changed("B", 1), arrivedAt: .now())
        let mark = state.vehicleChanges.mark
        state.apply(changed("B", 2), arrivedAt: .now())
        state.apply(changed("C", 3), arrivedAt: .now())
        state.apply(changed("A", 4), arrivedAt: .now())
        state.apply(changed("A", 4), arrivedAt: .now())  // a duplicate changes nothing
        let changes = try #require(state.vehicleChanges.changes(since: mark))
        #expect(changes == [1, 2, 0])
        #expect(state.vehicles.keys[2] == "C")
        #expect(state.vehicleChanges.changes(since: state.vehicleChanges.mark) == [])
    }

    @Test func aReaderTooFarBehindOrFromElsewhereStartsOver() {
        var state = FleetState()
        let start = state.vehicleChanges.mark
        for n in 0...VehicleChangeJournal.capacity { state.apply(changed("A", n), arrivedAt: .now()) }
        #expect(state.vehicleChanges.changes(since: start) == nil, "forgotten")
        #expect(state.vehicleChanges.changes(since: start + 1)?.count == VehicleChangeJournal.capacity)
        #expect(state.vehicleChanges.changes(since: state.vehicleChanges.mark + 1) == nil, "a mark from the future")
        #expect(FleetState().vehicleChanges.lineage != state.vehicleChanges.lineage)
        let copy = state
        #expect(copy.vehicleChanges.lineage == state.vehicleChanges.lineage, "a copy is the same fleet")
    }
}
