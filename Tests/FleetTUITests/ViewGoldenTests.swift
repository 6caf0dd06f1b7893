import FleetCore
import TestSupport
import Testing
@testable import FleetTUI

/// Whole screens for a fixed fleet, compared with `Goldens/*.txt`.
@Suite struct ViewGoldenTests {
    let index = RowIndex()

    func screen(_ model: DashboardModel, _ state: FleetState = Fixture.fleet()) -> CellGrid {
        DashboardView.render(model, rows: index.rows(for: state, filter: model.filter))
    }

    @Test func normalScreen() {
        Golden.check(screen(Fixture.model()).lines, named: "normal-100x30")
    }

    @Test func normalScreenAtMinimumSize() {
        Golden.check(screen(Fixture.model(size: DashboardLayout.minimum)).lines, named: "normal-80x24")
    }

    @Test func filteredScreenShowsMatchedOverTotal() {
        var model = Fixture.model()
        model.filter = VehicleFilter("veh-04")
        let grid = screen(model)
        Golden.check(grid.lines, named: "filtered")
        #expect(grid.line(1).contains("Vehicles 3/7 [/veh-04]"))
    }

    @Test func filterPromptOpen() {
        var model = Fixture.model()
        let rows = index.rows(for: Fixture.fleet(), filter: model.filter)
        for key in [Key.character("/"), .character("!"), .character("v"), .character("e"), .character("h")] {
            _ = model.update(.key(key), rows: rows)
        }
        Golden.check(screen(model).lines, named: "prompt")
    }

    @Test func dialogOpen() {
        var model = Fixture.model()
        let rows = index.rows(for: Fixture.fleet(), filter: model.filter)
        _ = model.update(.key(.character("L")), rows: rows)
        let grid = screen(model)
        Golden.check(grid.lines, named: "dialog")
        Golden.check((0..<grid.height).map(grid.styledLine).filter { $0.contains("Cancel") }, named: "dialog-styles")
    }

    @Test func helpOpen() {
        var model = Fixture.model(size: DashboardLayout.minimum)
        _ = model.update(.key(.character("?")), rows: index.rows(for: Fixture.fleet(), filter: .none))
        Golden.check(screen(model).lines, named: "help")
    }

    /// At 80×24 help is longer than the screen: it says so, and scrolling shows the rest (the last rows of View).
    @Test func helpScrollsOnAShortScreen() {
        var model = Fixture.model(size: DashboardLayout.minimum)
        let rows = index.rows(for: Fixture.fleet(), filter: .none)
        _ = model.update(.key(.character("?")), rows: rows)
        let top = screen(model).lines.joined(separator: "\n")
        #expect(top.contains("↓ j more") && !top.contains("switch the right column"))
        for _ in 0..<40 { _ = model.update(.key(.character("j")), rows: rows) }
        let bottom = screen(model).lines.joined(separator: "\n")
        #expect(bottom.contains("switch the right column") && bottom.contains("next theme") && !bottom.contains("↓ j more"),
                "\(bottom)")
    }

    @Test func helpInReadOnlyModeListsNoLock() {
        var model = Fixture.model(readOnly: true)
        _ = model.update(.key(.character("?")), rows: index.rows(for: Fixture.fleet(), filter: .none))
        let grid = screen(model)
        Golden.check(grid.lines, named: "help-read-only")
        #expect(!grid.lines.joined().contains("lock the selected vehicle"))
    }

    @Test func warningsHoldTheStatusLineAndAreListedInHelp() {
        var model = Fixture.model()
        let rows = index.rows(for: Fixture.fleet(), filter: .none)
        _ = model.update(.warnings(["credentials go in clear text to broker.example:5672 (amqp://)",
                                    "TLS certificate verification is off for https://api.example"]), rows: rows)
        let grid = screen(model)
        Golden.check([grid.line(grid.height - 1)], named: "status-warnings")
        #expect(grid.line(grid.height - 1).contains("warning: credentials go in clear text"))
        _ = model.update(.key(.character("?")), rows: rows)
        Golden.check(screen(model).lines, named: "help-warnings")
    }

    // MARK: - The map

    func mapScreen(_ model: DashboardModel, _ state: FleetState) -> CellGrid {
        DashboardView.render(model, rows: index.rows(for: state, filter: model.filter))
    }

    /// The rows of the right column that hold map cells, styled: which slot painted each mark.
    func mapStyles(_ grid: CellGrid) -> [String] {
        let layout = DashboardLayout(size: grid.size)
        return (layout.mapPicture.y..<layout.mapPicture.maxY).compactMap { y in
            let row = (layout.mapPicture.x..<layout.mapPicture.maxX).map { grid[$0, y] }
            guard row.contains(where: { $0.text != " " }) else { return nil }
            var line = ""
            var current: StyleSlot?
            for cell in row {
                if cell.style != current, cell.text != " " {
                    line += "[\(cell.style.rawValue)]"
                    current = cell.style
                }
                line += cell.text
            }
            return line
        }
    }

    @Test func mapOfASmallFleetInOneCity() {
        let state = MapFixture.oneCity()
        let grid = mapScreen(MapFixture.model(state), state)
        Golden.check(grid.lines, named: "map-one-city")
        Golden.check(mapStyles(grid), named: "map-one-city-styles")
        let text = grid.lines.joined(separator: "\n")
        #expect(text.contains("6 shown · 1 stale · 1 no position · 1 invalid"))
        #expect(text.contains(" km"))
    }

    @Test func mapOfAFleetAcrossTwoCities() {
        let state = MapFixture.twoCities()
        let grid = mapScreen(MapFixture.model(state), state)
        Golden.check(grid.lines, named: "map-two-cities")
        Golden.check(mapStyles(grid), named: "map-two-cities-styles")
        #expect(grid.lines.joined().contains("10 shown"))
    }

    @Test func mapFiltered() {
        let state = MapFixture.twoCities()
        let grid = mapScreen(MapFixture.model(state, filter: "m-"), state)
        Golden.check(grid.lines, named: "map-filtered")
        #expect(grid.line(1).contains("Map [/m-]"))
        #expect(grid.lines.joined().contains("4 shown"))
    }

    /// The selected vehicle is `@` in the selection's style, whatever its status (here the smoke one).
    @Test func mapMarksTheSelectedVehicle() {
        let state = MapFixture.oneCity()
        var model = MapFixture.model(state)
        model.selections[.vehicles] = .vehicle("B-SMK")
        let grid = mapScreen(model, state)
        Golden.check(grid.lines, named: "map-selected")
        let marks = grid.cells.filter { $0.text == "@" }
        #expect(marks.count == 2 && marks.allSatisfy { $0.style == .selected }, "on the map and in the footer")
        #expect(grid.lines.joined().contains("@ B-SMK 52.6500 N 13.2000 E"))
        #expect(!grid.cells.contains { $0.style == .smoke && $0.text.unicodeScalars.first!.value >= 0x2800 },
                "the selection's cell is the mark, not the smoke dot")
    }

    /// Without colour (mono, NO_COLOR) the statuses differ by mark: letters at cell resolution.
    @Test func mapInMono() {
        let state = MapFixture.oneCity()
        var model = MapFixture.model(state)
        model.statusColors = false
        let grid = mapScreen(model, state)
        Golden.check(grid.lines, named: "map-mono")
        let picture = DashboardLayout(size: grid.size).mapPicture
        let marks = (picture.y..<picture.maxY).flatMap { y in (picture.x..<picture.maxX).map { grid[$0, y].text } }
            .filter { $0 != " " }
        #expect(Set(marks) == ["!", "x", "r", "o", "."], "\(marks)")
    }

    /// `--ascii` or a locale that is not UTF-8: marks at cell resolution, and nothing else but ASCII once the
    /// backend's stand-ins are applied (what the golden shows).
    @Test func mapInASCII() {
        let state = MapFixture.twoCities()
        var model = MapFixture.model(state)
        model.asciiOnly = true
        let grid = mapScreen(model, state)
        let ascii = grid.lines.map { String(String.UnicodeScalarView($0.unicodeScalars.map(CursesTerminal.ascii))) }
        Golden.check(ascii, named: "map-ascii")
        #expect(!grid.lines.joined().unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) })
        #expect(grid.lines.joined().unicodeScalars.filter { !$0.isASCII }.allSatisfy { CursesTerminal.ascii($0) != "?" },
                "every glyph has a stand-in")
    }

    @Test func tooSmall() {
        let grid = screen(Fixture.model(size: ScreenSize(width: 62, height: 18)))
        Golden.check(grid.lines, named: "too-small")
        #expect(grid.lines.filter { !$0.isEmpty } .count == 2)
        #expect(grid.lines.joined().contains("Terminal too small: need 80×24, have 62×18"))
    }

    @Test func pausedWithErrorFlashAndSmokeAlert() {
        var model = Fixture.model()
        let rows = index.rows(for: Fixture.fleet(), filter: .none)
        _ = model.update(.eventsApplied(total: 100), rows: rows)
        _ = model.update(.key(.character("p")), rows: rows)
        _ = model.update(.eventsApplied(total: 112), rows: rows)
        _ = model.update(.smokeDetected(vehicleID: "K2M9X", at: nil), rows: rows)
        _ = model.update(.commandFinished(vehicleID: "K2M9X", command: .lockCentralLock,
                                          result: .failure(CommandFailure(kind: .problem, status: 409,
                                                                          title: "Vehicle is moving",
                                                                          flowID: "5e77e3e3"))), rows: rows)
        Golden.check(screen(model).lines, named: "paused-error-smoke")
    }

    @Test func monoAttributes() {
        var model = Fixture.model()
        _ = model.update(.smokeDetected(vehicleID: "K2M9X", at: nil), rows: index.rows(for: Fixture.fleet(), filter: .none))
        let grid = screen(model)
        let palette = Palette(theme: BuiltinThemes.standard, depth: .mono)
        Golden.check(grid.lines + ["--- attributes ---"] + attributeLines(grid, palette), named: "mono")
    }

    @Test func connectingStateIsShownNotABlankScreen() {
        var model = Fixture.model()
        model.stream = StreamStatus(state: .retrying(inSeconds: 2.4, reason: "connection refused"),
                                    endpoint: "127.0.0.1/fleet")
        let grid = screen(model, FleetState())
        Golden.check(grid.lines, named: "retrying-empty")
        #expect(grid.line(0).contains("retrying in 2.4 s: connection refused"))
    }

    @Test func hostileAndWideNamesAreSanitisedAndAligned() {
        var state = FleetState()
        state.apply(Fixture.changed("EVIL\u{1B}[2J", plate: "B-\u{1B}]0;pwned\u{07}", name: "x\u{9B}31m",
                                    life: .online, at: "10:00:00", eventID: "e1"))
        state.apply(Fixture.changed("CJK01", plate: "京A·12345", name: "車車車 東京", life: .offline,
                                    at: "10:00:01", eventID: "e2"))
        state.apply(Fixture.changed("EMO01", plate: "🚗 42", name: "🚗🚕 taxi", life: .online, rental: .inRental,
                                    at: "10:00:02", eventID: "e3"))
        state.apply(Fixture.changed("MIX01", plate: "e\u{301}-1", name: "Ba\u{308}r \u{202E}evil", life: .online,
                                    at: "10:00:03", eventID: "e4"))
        var model = Fixture.model()
        model.columns = [.id, .plate, .name, .life, .rental]  // the network's text where it shows
        let grid = screen(model, state)
        Golden.check(grid.lines, named: "hostile-wide")
        for line in grid.lines {
            #expect(!line.unicodeScalars.contains { SafeText.isUnsafe($0) }, "unsafe scalar in \(line)")
        }
        // Every row is exactly the screen's width in columns: wide characters took two cells, nothing shifted.
        for y in 0..<grid.height {
            let columns = (0..<grid.width).reduce(0) { $0 + Int(grid[$1, y].width) }
            #expect(columns == grid.width, "row \(y) is \(columns) columns")
        }
    }

    func attributeLines(_ grid: CellGrid, _ palette: Palette) -> [String] {
        (0..<grid.height).map { y in
            var out = ""
            var current: TextAttributes?
            for x in 0..<grid.width where !grid[x, y].isContinuation {
                let attributes = palette[grid[x, y].style].attributes
                if attributes != current {
                    out += "{\(attributes.words.isEmpty ? "plain" : attributes.words)}"
                    current = attributes
                }
                out += grid[x, y].text
            }
            while out.last == " " { out.removeLast() }
            return out
        }
    }

    // MARK: - Columns, sort, quick filters (at `Fixture.wall`, so ages show)

    func richScreen(_ model: DashboardModel) -> CellGrid {
        DashboardView.render(model, rows: index.rows(for: Fixture.richFleet(), model: model, now: 0))
    }

    func richModel(width: Int, height: Int = 24) -> DashboardModel {
        var model = Fixture.model(size: ScreenSize(width: width, height: height))
        _ = model.update(.tick(now: 100, wall: Fixture.wall), rows: index.rows(for: Fixture.richFleet(), filter: .none))
        return model
    }

    /// Every column at 200 columns; at 120 and 80 the least important go first (name, range, trip…), and the
    /// header counts each alert.
    @Test func columnsAtThreeWidths() {
        for width in [200, 120, 80] {
            let grid = richScreen(richModel(width: width, height: 24))
            Golden.check(grid.lines, named: "columns-\(width)")
        }
        let wide = richScreen(richModel(width: 200, height: 24))
        #expect(wide.line(2).contains("CHARGE %") && wide.line(2).contains("RANGE km") && wide.line(2).contains("REPORT"))
        #expect(wide.line(0).contains("offline 2") && wide.line(0).contains("low charge 1") && wide.line(0).contains("stale 1"),
                "\(wide.line(0))")
        let narrow = richScreen(richModel(width: 80, height: 24))
        #expect(!narrow.line(2).contains("RANGE km") && narrow.line(2).contains("LIFE"))
    }

    @Test func sortedByChargeBothWays() {
        var model = richModel(width: 120)
        model.sort = VehicleSort(.charge)
        Golden.check(richScreen(model).lines, named: "sorted-charge-ascending")
        model.sort.descending = true
        Golden.check(richScreen(model).lines, named: "sorted-charge-descending")
    }

    @Test func eachQuickFilter() {
        var model = richModel(width: 120)
        for filter in QuickFilter.allCases where filter != .all {
            model.quickFilter = filter
            Golden.check(richScreen(model).lines, named: "quick-\(filter.rawValue.replacingOccurrences(of: " ", with: "-"))")
        }
    }
}
