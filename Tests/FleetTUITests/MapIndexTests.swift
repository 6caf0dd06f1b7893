import FleetCore
import Testing
@testable import FleetTUI

/// The map's picture of a fleet: what is drawn, what is counted apart, and that the kept picture agrees with one
/// made from scratch after the fleet changes.
@Suite struct MapIndexTests {
    let staleBefore = MapFixture.wallClock.adding(seconds: -AlertThresholds.standard.staleAfterSeconds)

    func fitted(_ state: FleetState, columns: Int = 30, rows: Int = 10, filter: VehicleFilter = .none) -> MapViewport {
        MapViewport.fitting(MapState.bounds(of: state, filter: filter)!, in: DotSize(columns: columns, rows: rows))
    }

    /// Every cell of a picture: what a frame would draw.
    func cells(_ picture: MapPicture) -> [MapCell] {
        let r = picture.raster
        return (0..<r.rows).flatMap { row in (0..<r.columns).map { r.cell(column: $0, row: row) } }
    }

    @Test func staleAndInvalidPositionsAreCountedApart() throws {
        let state = MapFixture.oneCity()
        let view = fitted(state)
        let picture = MapIndex().picture(for: state, filter: .none, viewport: view, columns: 30, rows: 10,
                                         staleBefore: staleBefore)
        // Six positioned (one of them stale), one without a position, one impossible (latitude 95).
        #expect(picture.counts == MapCounts(drawn: 6, outside: 0, stale: 1, noPosition: 1, invalid: 1))
        let statuses = cells(picture).compactMap(\.top)
        #expect(statuses.filter { $0 == .stale }.count == 1, "the 10:00 position is drawn as stale, not online")
        #expect(statuses.filter { $0 == .smoke }.count == 1)
        #expect(statuses.filter { $0 == .offline }.count == 1)
        #expect(statuses.filter { $0 == .inRental }.count == 1)
        #expect(statuses.filter { $0 == .online }.count == 2)
        // Without a clock nothing is stale; with one 2 hours earlier, nothing is either.
        let noClock = MapIndex().picture(for: state, filter: .none, viewport: view, columns: 30, rows: 10,
                                         staleBefore: nil)
        #expect(noClock.counts.stale == 0)
        #expect(cells(noClock).compactMap(\.top).filter { $0 == .online }.count == 3)
    }

    @Test func aPositionWithNoTimeIsStale() {
        var state = FleetState()
        state.apply(Fixture.changed("X", life: .online, at: "09:00:00", eventID: "x-1"))
        state.apply(Event(id: "x-2", type: .vehicleStateRecorded, occurredAt: nil, vehicleID: "X",
                          payload: .vehicleStateRecorded(VehicleState(position: Reading(Position(lat: 52, lon: 13))))))
        let picture = MapIndex().picture(for: state, filter: .none, viewport: fitted(state), columns: 30, rows: 10,
                                         staleBefore: staleBefore)
        #expect(picture.counts.stale == 1)
        #expect(cells(picture).compactMap(\.top) == [.stale])
    }

    @Test func theFilterDecidesWhatIsDrawnAndCounted() {
        let state = MapFixture.twoCities()
        let filter = VehicleFilter("M-")
        let picture = MapIndex().picture(for: state, filter: filter, viewport: fitted(state, filter: filter),
                                         columns: 30, rows: 10, staleBefore: staleBefore)
        #expect(picture.counts == MapCounts(drawn: 4))
    }

    @Test func vehiclesOutsideTheViewAreCountedAsSuch() {
        let state = MapFixture.twoCities()
        // Fitted to Munich alone: Berlin is out of view.
        let view = fitted(state, filter: VehicleFilter("M-"))
        let picture = MapIndex().picture(for: state, filter: .none, viewport: view, columns: 30, rows: 10,
                                         staleBefore: staleBefore)
        #expect(picture.counts.drawn == 4 && picture.counts.outside == 6)
    }

    /// The kept picture, moved along event by event, is the picture made from scratch; and a frame after one event
    /// does not rebuild.
    @Test func keptPictureFollowsTheFleetWithoutRebuilding() {
        var state = MapFixture.twoCities()
        let view = fitted(state)
        let index = MapIndex()
        _ = index.picture(for: state, filter: .none, viewport: view, columns: 30, rows: 10, staleBefore: staleBefore)
        #expect(index.rebuilds == 1)
        let changes: [Event] = [
            MapFixture.position("B-ON1", lat: 48.13, lon: 11.58, at: "12:28:00", eventID: "move-1"),  // to Munich
            Fixture.changed("M-ON1", life: .offline, at: "12:28:01", eventID: "off-1"),
            Fixture.smoke("M-RNT", at: "12:28:02", eventID: "smoke-2"),
            MapFixture.position("B-NOP", lat: 52.51, lon: 13.39, at: "12:28:03", eventID: "first-fix"),
            MapFixture.position("NEW-1", lat: 48.14, lon: 11.57, at: "12:28:04", eventID: "new-1"),
            MapFixture.position("B-OLD", lat: 52.36, lon: 13.69, at: "12:28:05", eventID: "fresh"),  // no longer stale
            MapFixture.position("M-OFF", lat: 95, lon: 11.5, at: "12:28:06", eventID: "bad-2"),
        ]
        for event in changes {
            state.apply(event, arrivedAt: .now())
            let kept = index.picture(for: state, filter: .none, viewport: view, columns: 30, rows: 10,
                                     staleBefore: staleBefore)
            let fresh = MapIndex().picture(for: state, filter: .none, viewport: view, columns: 30, rows: 10,
                                           staleBefore: staleBefore)
            #expect(kept.raster == fresh.raster, "after \(event.id)")
            #expect(kept.counts == fresh.counts, "after \(event.id)")
        }
        #expect(index.rebuilds == 1, "one event between frames must not rebuild the picture")
        // A new view or a new clock places anew, and still agrees.
        let zoomed = view.zoomed(by: 1)
        let later = staleBefore.adding(seconds: 3600)
        let kept = index.picture(for: state, filter: .none, viewport: zoomed, columns: 30, rows: 10, staleBefore: later)
        let fresh = MapIndex().picture(for: state, filter: .none, viewport: zoomed, columns: 30, rows: 10,
                                       staleBefore: later)
        #expect(kept.raster == fresh.raster && kept.counts == fresh.counts)
        #expect(index.rebuilds == 1)
    }

    /// A state that is not the one the picture was kept for (another fleet) is drawn from scratch.
    @Test func anUnrelatedStateIsRebuilt() {
        let index = MapIndex()
        let one = MapFixture.oneCity(), two = MapFixture.twoCities()
        let view = fitted(two)
        _ = index.picture(for: two, filter: .none, viewport: view, columns: 30, rows: 10, staleBefore: staleBefore)
        let picture = index.picture(for: one, filter: .none, viewport: view, columns: 30, rows: 10,
                                    staleBefore: staleBefore)
        #expect(picture.counts.drawn == 6)
        #expect(index.rebuilds == 2)
    }
}
