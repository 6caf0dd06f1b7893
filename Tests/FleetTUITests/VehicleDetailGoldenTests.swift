import FleetCore
import TestSupport
import Testing
@testable import FleetTUI

/// The detail view and a command's life in the row and the status line: sent, confirmed, unconfirmed.
@Suite struct VehicleDetailGoldenTests {
    let index = RowIndex()

    func screen(_ model: DashboardModel, _ state: FleetState) -> CellGrid {
        DashboardView.render(model, rows: index.rows(for: state, filter: model.filter))
    }

    func row(_ grid: CellGrid, _ id: String) -> String {
        grid.lines.first { $0.hasPrefix("│") && $0.split(separator: "│").first?.split(separator: " ").first == Substring(id) } ?? ""
    }

    @Test func commandSentAwaitsTheStream() {
        var model = Fixture.model()
        var state = Fixture.detailFleet()
        Fixture.lockSent(&model, &state, index: index)
        let grid = screen(model, state)
        Golden.check(grid.lines, named: "command-sent")
        #expect(row(grid, "JQ7RP").contains("→ LOCKED"))
    }

    @Test func commandConfirmed() {
        var model = Fixture.model()
        var state = Fixture.detailFleet()
        Fixture.lockSent(&model, &state, index: index)
        state.apply(Fixture.lockedByTheCommand())
        _ = model.update(.tick(now: 101.5, wall: Fixture.time("12:30:02")), rows: index.rows(for: state, filter: .none))
        let grid = screen(model, state)
        Golden.check(grid.lines, named: "command-confirmed")
        #expect(row(grid, "JQ7RP").contains("✓ LOCKED"))
        #expect(grid.line(grid.height - 1).contains("confirmed by the stream after 1.5 s"))
    }

    @Test func commandUnconfirmed() {
        var model = Fixture.model()
        var state = Fixture.detailFleet()
        Fixture.lockSent(&model, &state, index: index)
        _ = model.update(.tick(now: model.now + 60, wall: Fixture.time("12:31:00")), rows: index.rows(for: state, filter: .none))
        let grid = screen(model, state)
        Golden.check(grid.lines, named: "command-unconfirmed")
        #expect(row(grid, "JQ7RP").contains("? LOCKED"))
        #expect(grid.line(grid.height - 1).contains("unconfirmed"))
    }

    @Test func detailOfAVehicleWithAConfirmedLock() {
        var model = Fixture.model()
        var state = Fixture.detailFleet()
        Fixture.lockSent(&model, &state, index: index)
        state.apply(Fixture.lockedByTheCommand())
        _ = model.update(.tick(now: 101.5, wall: Fixture.time("12:30:02")), rows: index.rows(for: state, filter: .none))
        _ = model.update(.key(.enter), rows: index.rows(for: state, filter: .none))
        let grid = screen(model, state)
        Golden.check(grid.lines, named: "detail")
        let text = grid.lines.joined(separator: "\n")
        #expect(text.contains("Vehicle JQ7RP B-FW 832"))
        #expect(text.contains("REQUEST_VEHICLE_STATE"))
        #expect(text.contains("✓ confirmed after 1.5 s"))
        #expect(text.contains("flow \(Fixture.flowID)"))
        #expect(text.contains("state LOCKED ← Lock"))
        #expect(text.contains("(by a REST call)"))
    }

    @Test func detailAtTheMinimumSizeWithACommandAwaiting() {
        var model = Fixture.model(size: DashboardLayout.minimum)
        var state = Fixture.detailFleet()
        Fixture.lockSent(&model, &state, index: index)
        _ = model.update(.key(.enter), rows: index.rows(for: state, filter: .none))
        // The answer's message has gone (info lasts 4 s): the hint line shows the detail's keys.
        _ = model.update(.tick(now: model.now + 5, wall: Fixture.time("12:30:05")), rows: index.rows(for: state, filter: .none))
        let grid = screen(model, state)
        Golden.check(grid.lines, named: "detail-80x24")
        #expect(grid.lines.joined().contains("Lock 200 sent, awaiting"))
        #expect(grid.line(grid.height - 1).contains("Esc back"))
    }

    @Test func detailScrolledToTheOldestEvents() {
        var model = Fixture.model(size: DashboardLayout.minimum)
        let state = Fixture.detailFleet()
        for key in [Key.down, .enter, .character("G")] { _ = model.update(.key(key), rows: index.rows(for: state, filter: .none)) }
        let grid = screen(model, state)
        Golden.check(grid.lines, named: "detail-scrolled")
        #expect(grid.lines.joined().contains("changed: rental started"))
    }
}
