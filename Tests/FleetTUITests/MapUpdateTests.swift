import FleetCore
import Testing
@testable import FleetTUI

/// The map's keys through `update`: `m` switches the right column, the map's table answers while it is shown,
/// fit / zoom / pan / centre move the view.
@Suite struct MapUpdateTests {
    let index = RowIndex()
    let state = MapFixture.twoCities()

    func press(_ keys: [Key], _ model: inout DashboardModel) {
        for key in keys { _ = model.update(.key(key), rows: index.rows(for: state, filter: model.filter)) }
    }

    /// Equal but for rounding: a pan there and back need not land on the very same bits.
    func same(_ a: MapViewport?, _ b: MapViewport) -> Bool {
        guard let a else { return false }
        return abs(a.centre.x - b.centre.x) < 1e-12 && abs(a.centre.y - b.centre.y) < 1e-12
            && abs(a.unitsPerDot - b.unitsPerDot) <= 1e-9 * b.unitsPerDot
    }

    func screen(_ model: DashboardModel) -> String {
        DashboardView.render(model, rows: index.rows(for: state, filter: model.filter)).lines.joined(separator: "\n")
    }

    @Test func mSwitchesBetweenTheLogPanesAndTheMap() {
        var model = Fixture.model()
        #expect(screen(model).contains("Rentals"))
        press([.character("m")], &model)
        #expect(model.map.shown && model.focus == .map)
        #expect(model.map.viewport != nil, "fitted on open")
        let map = screen(model)
        #expect(map.contains("┌ Map ") && !map.contains("Rentals") && !map.contains("Online/Offline"))
        press([.character("m")], &model)
        #expect(!model.map.shown && model.focus == .vehicles)
        #expect(screen(model).contains("Rentals") && !screen(model).contains("┌ Map"))
    }

    @Test func tabMovesOnlyThroughThePanesOnScreen() {
        var model = Fixture.model()
        press([.character("m"), .tab], &model)
        #expect(model.focus == .vehicles)
        press([.tab], &model)
        #expect(model.focus == .map)
        press([.backTab, .backTab], &model)
        #expect(model.focus == .map)
        press([.character("m"), .tab, .tab], &model)
        #expect(model.focus == .onlineOffline)
    }

    @Test func zoomAndFitWorkWhicheverPaneHasTheFocus() throws {
        var model = Fixture.model()
        press([.character("m"), .tab], &model)
        #expect(model.focus == .vehicles)
        let fitted = try #require(model.map.viewport)
        press([.character("+")], &model)
        #expect(model.map.viewport == fitted.zoomed(by: 1))
        press([.character("-"), .character("-")], &model)
        #expect(same(model.map.viewport, fitted.zoomed(by: -1)))
        press([.character("0")], &model)
        #expect(model.map.viewport == fitted)
    }

    /// Arrows and hjkl pan while the map has the focus, and move the selection in the Vehicles pane otherwise.
    @Test func panningNeedsTheMapFocused() throws {
        var model = Fixture.model()
        press([.character("m")], &model)
        let fitted = try #require(model.map.viewport)
        let size = model.mapDotSize
        press([.right], &model)
        #expect(same(model.map.viewport, fitted.panned(dotsEast: size.width / 4, dotsSouth: 0)))
        press([.character("h"), .character("k")], &model)
        #expect(same(model.map.viewport, fitted.panned(dotsEast: 0, dotsSouth: -size.height / 4)))
        press([.down, .character("j")], &model)
        #expect(same(model.map.viewport, fitted.panned(dotsEast: 0, dotsSouth: size.height / 4)))
        let selectedBefore = model.selectedVehicleID(in: index.rows(for: state, filter: .none))
        press([.tab, .down], &model)  // Vehicles focused: ↓ selects the next row, the map stays
        #expect(same(model.map.viewport, fitted.panned(dotsEast: 0, dotsSouth: size.height / 4)))
        #expect(model.selectedVehicleID(in: index.rows(for: state, filter: .none)) != selectedBefore)
    }

    @Test func cCentresOnTheSelectedVehicle() throws {
        var model = Fixture.model()
        press([.character("m"), .tab], &model)
        // Select M-OFF in the table (rows in id order), then centre on it.
        while model.selectedVehicleID(in: index.rows(for: state, filter: .none)) != "M-OFF" { press([.down], &model) }
        press([.character("c")], &model)
        let expected = try #require(WorldPoint(Position(lat: 48.1000, lon: 11.5300)))
        #expect(model.map.viewport?.centre == expected)
        // A vehicle without a position: the view stays and the status line says why.
        let before = model.map.viewport
        while model.selectedVehicleID(in: index.rows(for: state, filter: .none)) != "B-NOP" { press([.up], &model) }
        press([.character("c")], &model)
        #expect(model.map.viewport == before)
        #expect(model.flash?.text.contains("B-NOP has no position") == true)
    }

    @Test func lockActsOnTheTablesSelectionWhileTheMapHasTheFocus() {
        var model = Fixture.model()
        press([.character("m")], &model)
        #expect(model.focus == .map)
        press([.character("L")], &model)
        #expect(model.dialog?.vehicleID == "B-BAD")  // the first row, in id order
    }

    /// Opened on an empty fleet, the map fits as soon as there are positions.
    @Test func fitsOnceTheFleetHasPositions() {
        var model = Fixture.model()
        _ = model.update(.key(.character("m")), rows: index.rows(for: FleetState(), filter: .none))
        #expect(model.map.shown && model.map.viewport == nil)
        _ = model.update(.tick(now: 101), rows: index.rows(for: state, filter: .none))
        #expect(model.map.viewport != nil)
    }

    /// After a fit the view widens for positions that arrive outside it (checked once a second), until the user
    /// moves it.
    @Test func aFittedViewTakesInPositionsThatArriveOutsideIt() throws {
        var berlin = MapFixture.oneCity()
        var model = Fixture.model()
        _ = model.update(.key(.character("m")), rows: index.rows(for: berlin, filter: .none))
        let fitted = try #require(model.map.viewport)
        MapFixture.munich(into: &berlin)
        let both = berlin
        _ = model.update(.tick(now: model.now + 0.5), rows: index.rows(for: both, filter: .none))
        #expect(model.map.viewport == fitted, "not checked again within the second")
        _ = model.update(.tick(now: model.now + 1), rows: index.rows(for: both, filter: .none))
        let widened = try #require(model.map.viewport)
        #expect(widened.unitsPerDot > fitted.unitsPerDot * 5, "Munich is in view")
        // Zoomed by the user: it stays.
        _ = model.update(.key(.character("+")), rows: index.rows(for: both, filter: .none))
        var moved = both
        moved.apply(MapFixture.position("M-ON1", lat: 40.4, lon: -3.7, at: "12:29:00", eventID: "to-madrid"))
        _ = model.update(.tick(now: model.now + 5), rows: index.rows(for: moved, filter: .none))
        #expect(model.map.viewport == widened.zoomed(by: 1))
    }

    /// The model keeps the wall clock to the second (the map's picture steps it further: `MapState.steppedClock`).
    @Test func theWallClockIsKeptToTheSecond() {
        var model = Fixture.model()
        _ = model.update(.tick(now: 1, wall: MapFixture.wallClock.adding(seconds: 7.4)),
                         rows: index.rows(for: state, filter: .none))
        #expect(model.wallNow == MapFixture.wallClock.adding(seconds: 7))
        _ = model.update(.tick(now: 2), rows: index.rows(for: state, filter: .none))
        #expect(model.wallNow == MapFixture.wallClock.adding(seconds: 7), "a tick without a wall clock keeps the last")
        #expect(MapState.steppedClock(MapFixture.wallClock.adding(seconds: 7)) == MapFixture.wallClock)
    }

    @Test func theMapsKeysAreInTheHelp() {
        var model = Fixture.model(size: ScreenSize(width: 160, height: 60))
        press([.character("?")], &model)
        let help = screen(model)
        #expect(help.contains("Map (m)"))
        for row in ModeKeymaps.map.helpRows {
            #expect(help.contains(row.keys) && help.contains(row.description), "\(row.keys) missing:\n\(help)")
        }
        #expect(help.contains("switch the right column: log panes or map"))
    }
}
