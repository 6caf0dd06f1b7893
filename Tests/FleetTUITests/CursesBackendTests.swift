import FleetCore
import TestSupport
import Testing
@testable import FleetTUI

/// The ncurses backend through real ncurses, off-screen: what it paints is what the grid holds, wide characters
/// included, and a second frame repaints only what changed and still ends up right.
@Suite(.serialized) struct CursesBackendTests {
    @Test func paintsTheGridAndThenOnlyTheChangesCorrectly() {
        let terminal = CursesTerminal(offscreenSize: ScreenSize(width: 100, height: 30))
        defer { terminal.restore() }
        var state = Fixture.fleet()
        state.apply(Fixture.changed("CJK01", plate: "京A·12345", name: "車車 🚗", life: .online, at: "10:00:00",
                                    eventID: "cjk"))
        let index = RowIndex()
        var model = Fixture.model()
        let palette = Palette(theme: BuiltinThemes.standard, depth: terminal.colorDepth)
        let first = DashboardView.render(model, rows: index.rows(for: state, filter: model.filter))
        terminal.present(first, palette: palette)
        #expect(terminal.paintedLines() == first.lines)

        // A different frame: the filter, a dialog. Painted as a diff, it must equal the new grid exactly.
        model.filter = VehicleFilter("cjk")
        _ = model.update(.key(.character("L")), rows: index.rows(for: state, filter: model.filter))
        let second = DashboardView.render(model, rows: index.rows(for: state, filter: model.filter))
        terminal.present(second, palette: palette)
        #expect(terminal.paintedLines() == second.lines)
        #expect(second.lines.joined().contains("Lock CJK01 (京A·12345)?"))
    }

    /// `--ascii`: every character the views draw has an ASCII stand-in; nothing else reaches the terminal.
    @Test func asciiOnlyPaintsStandInsForLinesAndGlyphs() {
        let terminal = CursesTerminal(offscreenSize: ScreenSize(width: 100, height: 30), asciiOnly: true)
        defer { terminal.restore() }
        var state = Fixture.fleet()
        state.apply(Fixture.changed("CJK01", plate: "京A·12345", name: "車 🚗", life: .online, at: "10:00:00",
                                    eventID: "cjk"))
        let model = Fixture.model()
        let grid = DashboardView.render(model, rows: RowIndex().rows(for: state, filter: model.filter))
        terminal.present(grid, palette: Palette(theme: BuiltinThemes.standard, depth: terminal.colorDepth))
        let painted = terminal.paintedLines()
        #expect(grid.lines[1].hasPrefix("┌ Vehicles"))
        #expect(painted[1].hasPrefix("+ Vehicles"))
        #expect(painted.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(painted.joined(separator: "\n"))")
        #expect(painted.contains { $0.contains("* ONLINE") })
        // A wide character becomes "?" and a space: every row keeps its width, so the columns stay aligned.
        #expect(painted.first { $0.contains("CJK01") }?.contains("? A.12345") == true)  // 京A·12345
        #expect(painted.map(\.count) == grid.lines.map { DisplayWidth.of($0) })
    }
}
