import FleetCore
import Foundation
import Testing
import TestSupport
@testable import FleetTUI

/// The Vehicles table's columns, sort and export, apart from the screen.
@Suite struct VehicleTableTests {
    /// Narrower panes drop the least important columns first, strictly in that order, keeping the chosen order.
    @Test func columnsDropByImportanceAsThePaneNarrows() {
        let all = VehicleColumn.standard
        var previous = Set(all)
        for width in stride(from: 200, through: 10, by: -1) {
            let shown = VehicleColumns(width: width, chosen: all).layout.map(\.column)
            #expect(shown == all.filter(shown.contains), "order kept at \(width)")
            let dropped = previous.subtracting(shown)
            for column in dropped {
                // Everything still shown is at least as important as what was dropped.
                #expect(shown.allSatisfy { $0.priority <= column.priority }, "\(column) dropped before a less important one at \(width)")
            }
            previous = Set(shown)
            let used = VehicleColumns(width: width, chosen: all).layout.last.map { $0.x + $0.width } ?? 0
            #expect(used <= width)
        }
        #expect(VehicleColumns(width: 12, chosen: all).layout.map(\.column) == [.smoke, .id])
    }

    @Test func theNameColumnIsAsWideAsItsContentWithinLimits() {
        let narrow = VehicleColumns(width: 200, chosen: [.id, .name], nameWidth: 3).layout
        #expect(narrow.last?.width == VehicleColumn.name.width)
        let wide = VehicleColumns(width: 200, chosen: [.id, .name], nameWidth: 20).layout
        #expect(wide.last?.width == 20)
        let huge = VehicleColumns(width: 200, chosen: [.id, .name], nameWidth: 300).layout
        #expect(huge.last?.width == 32)
    }

    @Test func configNamesAreCheckedAndIdIsRequired() throws {
        #expect(try VehicleColumn.parse(["id", "Charge", "charge"]) == [.id, .charge])
        #expect(throws: VehicleColumnError.unknown("colour")) { try VehicleColumn.parse(["id", "colour"]) }
        #expect(throws: VehicleColumnError.missingID) { try VehicleColumn.parse(["plate"]) }
    }

    /// Sorting by charge both ways; vehicles without a charge come last either way; ties go by id.
    @Test func sortByValueWithMissingLastAndTiesById() {
        let state = Fixture.richFleet()
        let ascending = RowIndex().rows(for: state, filter: .none, sort: VehicleSort(.charge), wallNow: Fixture.wall)
        #expect((0..<7).compactMap(ascending.vehicleID(atRow:))
                == ["K2M9X", "ZR5T1", "VEH-042", "A81TZ", "JQ7RP", "VEH-043", "VEH-044"])
        let descending = RowIndex().rows(for: state, filter: .none, sort: VehicleSort(.charge, descending: true),
                                         wallNow: Fixture.wall)
        #expect((0..<7).compactMap(descending.vehicleID(atRow:))
                == ["VEH-043", "JQ7RP", "A81TZ", "VEH-042", "ZR5T1", "K2M9X", "VEH-044"])
        // Rows and ids agree through the position map, filtered or not.
        for row in 0..<7 { #expect(descending.row(ofVehicle: descending.vehicleID(atRow: row)!) == row) }
        let byIDDescending = RowIndex().rows(for: state, filter: .none, sort: VehicleSort(.id, descending: true))
        #expect(byIDDescending.vehicleID(atRow: 0) == "ZR5T1" && byIDDescending.row(ofVehicle: "A81TZ") == 6)
    }

    /// `s` and `S` keep the selection on its vehicle, wherever the sort puts it.
    @Test func sortingKeepsTheSelectionOnItsVehicle() {
        let state = Fixture.richFleet()
        let index = RowIndex()
        var model = Fixture.model()
        var rows = index.rows(for: state, model: model, now: 0)
        _ = model.update(.key(.down), rows: rows)
        _ = model.update(.key(.down), rows: rows)
        let selected = model.selectedVehicleID(in: rows)
        #expect(selected == "K2M9X")
        for key in [Key.character("s"), .character("s"), .character("S"), .character("s")] {
            _ = model.update(.key(key), rows: rows)
            rows = index.rows(for: state, model: model, now: 0)
            #expect(model.selectedVehicleID(in: rows) == selected, "after \(key): sorted by \(model.sort)")
        }
        #expect(model.sort == VehicleSort(.life))  // id → plate → name, reversed, → life
    }

    /// The order is cached: events that change the sorted value, or add a vehicle, move it at most once an
    /// interval; another sort re-sorts at once.
    @Test func theSortIsCachedAndRefreshedAtMostOnceAnInterval() {
        var state = Fixture.richFleet()
        let index = RowIndex(refreshInterval: 1)
        let sort = VehicleSort(.charge)
        #expect(index.rows(for: state, filter: .none, sort: sort, now: 10).vehicleID(atRow: 0) == "K2M9X")
        state.apply(Fixture.reading("VEH-043", charge: 1, at: "12:29:59", eventID: "drop"))
        #expect(index.rows(for: state, filter: .none, sort: sort, now: 10.5).vehicleID(atRow: 0) == "K2M9X")
        #expect(index.rows(for: state, filter: .none, sort: sort, now: 11).vehicleID(atRow: 0) == "VEH-043")
        state.apply(Fixture.reading("NEW-1", charge: 0, at: "12:29:59", eventID: "new"))
        #expect(index.rows(for: state, filter: .none, sort: sort, now: 12.1).vehicleID(atRow: 0) == "NEW-1")
    }

    /// New vehicles (arriving nearly every frame while a dashboard catches up) are merged into the id order
    /// without sorting the fleet again, either way round; under a value sort they wait at the end for the next
    /// sort, at most an interval away.
    @Test func newVehiclesAreMergedIntoTheOrder() {
        for descending in [false, true] {
            var state = Fixture.richFleet()
            let index = RowIndex(refreshInterval: 1)
            let sort = VehicleSort(.id, descending: descending)
            _ = index.rows(for: state, filter: .none, sort: sort, now: 10)
            for (i, id) in ["AAA", "ZZZ", "M00", "K2M9Y"].enumerated() {
                state.apply(Fixture.reading(id, charge: 50, at: "12:29:00", eventID: "new-\(i)"))
            }
            let rows = index.rows(for: state, filter: .none, sort: sort, now: 10)
            let shown = (0..<rows.count(.vehicles)).compactMap(rows.vehicleID(atRow:))
            let expected = state.vehicles.keys.sorted()
            #expect(shown == (descending ? expected.reversed() : expected))
            for (row, id) in shown.enumerated() { #expect(rows.row(ofVehicle: id) == row) }
        }
        var state = Fixture.richFleet()
        let index = RowIndex(refreshInterval: 1)
        let byCharge = VehicleSort(.charge)
        _ = index.rows(for: state, filter: .none, sort: byCharge, now: 10)
        state.apply(Fixture.reading("AAA", charge: 1, at: "12:29:00", eventID: "new"))
        #expect(index.rows(for: state, filter: .none, sort: byCharge, now: 10.2).vehicleID(atRow: 7) == "AAA")
        #expect(index.rows(for: state, filter: .none, sort: byCharge, now: 11.2).vehicleID(atRow: 0) == "AAA")
    }

    /// Under a filter, a new vehicle that matches joins the rows at the next refilter, at most an interval away,
    /// as a changed value does: the rows kept meanwhile still hold every vehicle they did, each once.
    @Test func aNewVehicleJoinsTheFilteredRowsWithinAnInterval() {
        var state = Fixture.richFleet()
        let index = RowIndex(refreshInterval: 1)
        let filter = VehicleFilter("veh")
        func shown(at now: Double) -> [String] {
            let rows = index.rows(for: state, filter: filter, now: now)
            return (0..<rows.count(.vehicles)).compactMap(rows.vehicleID(atRow:))
        }
        let before = shown(at: 10)
        #expect(!before.isEmpty && before.allSatisfy { $0.hasPrefix("VEH") })
        state.apply(Fixture.reading("VEH-000", charge: 50, at: "12:29:00", eventID: "new"))
        #expect(shown(at: 10.5) == before)
        #expect(shown(at: 11) == ["VEH-000"] + before)
    }

    /// The in-place insert against a plain sort, either direction: fleets of 0 to 60 ids, new ids before, among
    /// and after the old ones, none or all of them new (deterministic cases, so a failure repeats).
    @Test func insertingIntoTheOrderMatchesSorting() {
        for round in 0..<200 {
            let numbers = Set((0..<(round % 61)).map { ($0 * 7_919 + round * 104_729) % 1_000 })
            let all = Set(numbers.map(String.init))
            let added = Set(numbers.filter { round % 7 == 0 || $0 % (round % 5 + 2) == 0 }.map(String.init))
            let old = all.subtracting(added)
            for descending in [false, true] {
                let by: (String, String) -> Bool = descending ? { $0 > $1 } : { $0 < $1 }
                var ids = old.sorted(by: by)
                let shared = ids  // a second reference: the insert must copy, not change this one
                RowIndex.insert(added.sorted(by: by), into: &ids, descending: descending)
                #expect(ids == all.sorted(by: by), "round \(round)")
                #expect(shared == old.sorted(by: by))
            }
        }
    }

    /// A quick filter combines with `/`, and the title names it.
    @Test func quickFilterCombinesWithTheTextFilter() {
        let state = Fixture.richFleet()
        var model = Fixture.model()
        model.wallNow = Fixture.wall
        model.quickFilter = .offline
        let offline = RowIndex().rows(for: state, model: model, now: 0)
        #expect((0..<offline.count(.vehicles)).compactMap(offline.vehicleID(atRow:)) == ["K2M9X", "VEH-044"])
        model.filter = VehicleFilter("veh")
        let both = RowIndex().rows(for: state, model: model, now: 0)
        #expect((0..<both.count(.vehicles)).compactMap(both.vehicleID(atRow:)) == ["VEH-044"])
        let title = DashboardView.titleParts(.vehicles, model: model, rows: both).map(\.0).joined()
        #expect(title == "Vehicles 1/7 [offline] [/veh]")
    }

    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        #expect(VehicleCSV.field("B-FW 832") == "B-FW 832")
        #expect(VehicleCSV.field("a,b") == "\"a,b\"")
        #expect(VehicleCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(VehicleCSV.field("line\nbreak") == "\"line\nbreak\"")
        #expect(VehicleCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(VehicleCSV.field("@cmd") == "'@cmd")
        #expect(VehicleCSV.field("-12") == "-12")
    }

    /// `e` writes the table as shown (filtered, sorted, the chosen columns, every row) to a new file.
    @Test func exportWritesTheTableAsShown() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = Fixture.richFleet()
        let rows = RowIndex().rows(for: state, filter: VehicleFilter("veh"), sort: VehicleSort(.charge, descending: true),
                                   wallNow: Fixture.wall)
        var model = Fixture.model()
        model.columns = [.id, .charge, .report]
        model.wallNow = Fixture.wall
        let csv = VehicleCSV.text(ids: rows.ids, state: state, model: model)
        let first = VehicleExport.write(csv, rows: rows.ids.count, directory: dir, now: Fixture.wall)
        let second = VehicleExport.write(csv, rows: rows.ids.count, directory: dir, now: Fixture.wall)
        guard case let .notice(.info, text) = first, case let .notice(.info, text2) = second else {
            Issue.record("\(first) \(second)")
            return
        }
        #expect(text == "exported 3 vehicles to \(dir)/fleetwatch-vehicles-20261128-123000.csv")
        #expect(text2.hasSuffix("fleetwatch-vehicles-20261128-123000-2.csv"))
        let written = try String(contentsOfFile: "\(dir)/fleetwatch-vehicles-20261128-123000.csv", encoding: .utf8)
        #expect(written == "ID,CHARGE %,REPORT\r\nVEH-043,91,5m\r\nVEH-042,45,20m\r\nVEH-044,,3h stale\r\n")
        let refused = VehicleExport.write(csv, rows: 3, directory: "\(dir)/missing", now: Fixture.wall)
        guard case .notice(.error, _) = refused else {
            Issue.record("an export into a missing directory should be an error: \(refused)")
            return
        }
    }
}

/// Clicks and the wheel, through `update` like every other input.
@Suite struct MouseTests {
    let index = RowIndex()

    /// A click on a Vehicles row selects that vehicle; one in the Rentals pane focuses it and selects the entry
    /// (and its vehicle); the wheel moves three rows; the header, a dialog or help take no clicks.
    @Test func clicksSelectAndFocusAndTheWheelScrolls() throws {
        let state = Fixture.fleet()
        let rows = index.rows(for: state, filter: .none)
        var model = Fixture.model()  // 100×30
        let vehicles = model.layout.content[.vehicles]!
        _ = model.update(.mouse(MouseEvent(.click, x: vehicles.x + 3, y: vehicles.y + 2)), rows: rows)
        #expect(model.focus == .vehicles)
        #expect(model.selectedVehicleID(in: rows) == rows.vehicleID(atRow: 2))

        let rentals = model.layout.content[.rentals]!
        _ = model.update(.mouse(MouseEvent(.click, x: rentals.x + 5, y: rentals.y + 1)), rows: rows)
        #expect(model.focus == .rentals)
        #expect(model.selectedRow(.rentals, in: rows) == 1)
        #expect(model.selectedVehicleID(in: rows) == rows.entry(atRow: 1, in: .rentals)?.vehicleID)

        // The wheel over the Vehicles pane focuses it and moves from the row the rental selected.
        let from = try #require(model.selectedRow(.vehicles, in: rows))
        _ = model.update(.mouse(MouseEvent(.wheelDown, x: vehicles.x + 3, y: vehicles.y)), rows: rows)
        #expect(model.focus == .vehicles)
        #expect(model.selectedRow(.vehicles, in: rows) == from + 3)
        _ = model.update(.mouse(MouseEvent(.wheelUp, x: vehicles.x + 3, y: vehicles.y)), rows: rows)
        #expect(model.selectedRow(.vehicles, in: rows) == from)

        // Below the last row, on the header or the status line: nothing selected anew.
        _ = model.update(.mouse(MouseEvent(.click, x: vehicles.x + 3, y: vehicles.y + 20)), rows: rows)
        #expect(model.selectedRow(.vehicles, in: rows) == from)
        _ = model.update(.mouse(MouseEvent(.click, x: 3, y: 0)), rows: rows)
        #expect(model.focus == .vehicles && model.selectedRow(.vehicles, in: rows) == from)

        // Behind a dialog a click does nothing.
        _ = model.update(.key(.character("L")), rows: rows)
        _ = model.update(.mouse(MouseEvent(.click, x: rentals.x + 5, y: rentals.y)), rows: rows)
        #expect(model.focus == .vehicles && model.dialog != nil)
    }
}
