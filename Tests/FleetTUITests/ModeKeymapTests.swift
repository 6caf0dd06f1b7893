import FleetCore
import TestSupport
import Testing
@testable import FleetTUI

/// The tables of the dialog, prompt and help modes: their hints are on screen while the mode is open, every row
/// does what it says, and a key in no row does nothing in that mode.
@Suite struct ModeKeymapTests {
    let index = RowIndex()
    var rows: FleetRows { index.rows(for: Fixture.fleet(), filter: .none) }

    /// Keys to try: every kind, and characters of every sort.
    static let sampleKeys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter,
                                    .escape, .backspace, .delete, .function(1), .control("a"), .control("u"),
                                    .control("l")]
        + "aAbhjklnNqLUyY?/! 1é".map { Key.character($0) }

    func screen(_ model: DashboardModel) -> String {
        DashboardView.render(model, rows: rows).lines.joined(separator: "\n")
    }

    func opened(_ keys: [Key]) -> DashboardModel {
        var model = Fixture.model()
        for key in keys { _ = model.update(.key(key), rows: rows) }
        return model
    }

    @Test func eachModeShowsTheHintsOfItsTable() {
        let dialog = screen(opened([.character("L")]))
        let prompt = screen(opened([.character("/")]))
        let help = screen(opened([.character("?")]))
        for (table, shown) in [(ModeKeymaps.dialog.bindings.map { ($0.label, $0.hint) }, dialog),
                               (ModeKeymaps.prompt.bindings.map { ($0.label, $0.hint) }, prompt),
                               (ModeKeymaps.help.bindings.map { ($0.label, $0.hint) }, help)] {
            for case let (label, hint?) in table {
                #expect(shown.contains("\(label) \(hint)"), "\(label) \(hint) missing:\n\(shown)")
            }
        }
    }

    @Test func aKeyInNoRowOfTheDialogsTableDoesNothing() {
        let table = Set(ModeKeymaps.dialog.bindings.flatMap(\.keys))
        for key in Self.sampleKeys where !table.contains(key) && key != .control("c") {
            var model = opened([.character("L")])
            let before = model.dialog
            #expect(model.update(.key(key), rows: rows).isEmpty, "\(key)")
            #expect(model.dialog == before, "\(key) changed the dialog")
        }
    }

    @Test func theDialogsRowsDoWhatTheySay() {
        var model = opened([.character("L")])
        _ = model.update(.key(.tab), rows: rows)
        #expect(model.dialog?.focus == .confirm)
        #expect(model.update(.key(.enter), rows: rows) == [.send(.lockCentralLock, vehicleID: "A81TZ")])
        model = opened([.character("L")])
        #expect(model.update(.key(.enter), rows: rows).isEmpty)  // Cancel has the focus
        #expect(model.dialog == nil)
        model = opened([.character("L")])
        _ = model.update(.key(.escape), rows: rows)
        #expect(model.dialog == nil)
    }

    @Test func aKeyInNoRowOfHelpsTableLeavesHelpOpen() {
        let table = Set(ModeKeymaps.help.bindings.flatMap(\.keys))
        for key in Self.sampleKeys where !table.contains(key) && key != .control("c") {
            var model = opened([.character("?")])
            #expect(model.update(.key(key), rows: rows).isEmpty, "\(key)")
            #expect(model.helpOpen, "\(key) closed help")
        }
        for binding in ModeKeymaps.help.bindings where binding.action == .close {
            for key in binding.keys {
                var model = opened([.character("?")])
                _ = model.update(.key(key), rows: rows)
                #expect(!model.helpOpen, "\(key) did not close help")
            }
        }
        // The scrolling keys keep it open and move it, within bounds.
        var model = opened([.character("?")])
        _ = model.update(.key(.character("k")), rows: rows)
        #expect(model.helpOpen && model.helpScroll == 0)
        _ = model.update(.key(.character("j")), rows: rows)
        _ = model.update(.key(.down), rows: rows)
        #expect(model.helpOpen && model.helpScroll == 2)
    }

    /// Outside its table the prompt takes printable characters as text and nothing else.
    @Test func thePromptTypesCharactersAndIgnoresOtherKeysOutsideItsTable() {
        let table = Set(ModeKeymaps.prompt.bindings.flatMap(\.keys))
        for key in Self.sampleKeys where !table.contains(key) && key != .control("c") {
            var model = opened([.character("/")])
            _ = model.update(.key(key), rows: rows)
            if case let .character(c) = key {
                #expect(model.prompt?.text == String(c), "\(key)")
            } else {
                #expect(model.prompt?.text == "", "\(key) changed the prompt")
            }
        }
        var model = opened([.character("/"), .character("a"), .character("b")])
        _ = model.update(.key(.backspace), rows: rows)
        #expect(model.prompt?.text == "a")
        _ = model.update(.key(.control("u")), rows: rows)
        #expect(model.prompt?.text == "")
    }

    /// Help lists every row of the prompt's and the dialog's tables (the dialog's only where a lock can be asked
    /// for), beside the main screen's.
    @Test func helpListsTheOtherModesTables() {
        var model = Fixture.model(size: ScreenSize(width: 160, height: 60))
        _ = model.update(.key(.character("?")), rows: rows)
        let help = DashboardView.render(model, rows: rows).lines.joined(separator: "\n")
        for table in [ModeKeymaps.prompt.helpRows, ModeKeymaps.dialog.helpRows] {
            for row in table {
                #expect(help.contains(row.keys) && help.contains(row.description), "\(row) missing:\n\(help)")
            }
        }
        #expect(help.contains(ModeKeymaps.prompt.title) && help.contains(ModeKeymaps.dialog.title))

        var readOnly = Fixture.model(size: ScreenSize(width: 160, height: 60), readOnly: true)
        _ = readOnly.update(.key(.character("?")), rows: rows)
        let shown = DashboardView.render(readOnly, rows: rows).lines.joined(separator: "\n")
        #expect(shown.contains(ModeKeymaps.prompt.title) && !shown.contains(ModeKeymaps.dialog.title))
    }
}
