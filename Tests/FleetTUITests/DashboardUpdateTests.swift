import FleetCore
import Testing
@testable import FleetTUI

/// The update function without a terminal: keys in, model and effects out.
@Suite struct DashboardUpdateTests {
    let index = RowIndex()

    func press(_ keys: [Key], _ model: inout DashboardModel, _ state: FleetState = Fixture.fleet()) -> [DashboardEffect] {
        let rows = index.rows(for: state, filter: model.filter)
        var effects: [DashboardEffect] = []
        for key in keys { effects += model.update(.key(key), rows: index.rows(for: state, filter: model.filter)) }
        _ = rows
        return effects
    }

    func selected(_ model: DashboardModel, _ state: FleetState = Fixture.fleet()) -> String? {
        model.selectedVehicleID(in: index.rows(for: state, filter: model.filter))
    }

    @Test func lockOpensADialogNamingTheVehicleWithCancelFocused() {
        var model = Fixture.model()
        _ = press([.down], &model)  // rows: A81TZ, JQ7RP, …
        #expect(selected(model) == "JQ7RP")
        _ = press([.character("L")], &model)
        #expect(model.dialog == ConfirmDialog(command: .lockCentralLock, vehicleID: "JQ7RP", plate: "B-FW 832"))
        #expect(model.dialog?.focus == .cancel)
    }

    @Test func enterOnTheDefaultFocusCancels() {
        var model = Fixture.model()
        let effects = press([.character("L"), .enter], &model)
        #expect(model.dialog == nil)
        #expect(effects == [.discardTypeahead])
        #expect(model.pending.isEmpty)
    }

    @Test func yConfirmsAndTheRowShowsTheCommandPending() {
        var model = Fixture.model()
        let effects = press([.character("U"), .character("y")], &model)
        #expect(effects == [.discardTypeahead, .send(.unlockCentralLock, vehicleID: "A81TZ")])
        #expect(model.pending == ["A81TZ": .unlockCentralLock])
        let grid = DashboardView.render(model, rows: index.rows(for: Fixture.fleet(), filter: .none))
        #expect(grid.lines.contains { $0.contains("A81TZ") && $0.contains("UNLOCKING…") })
    }

    @Test func tabThenEnterConfirms() {
        var model = Fixture.model()
        let effects = press([.character("L"), .tab, .enter], &model)
        #expect(effects == [.discardTypeahead, .send(.lockCentralLock, vehicleID: "A81TZ")])
    }

    @Test func nAndEscapeCancel() {
        for cancel in [Key.character("n"), .escape] {
            var model = Fixture.model()
            #expect(press([.character("L"), cancel], &model) == [.discardTypeahead])
            #expect(model.dialog == nil)
        }
    }

    @Test func theDialogKeepsItsVehicleWhenRowsMoveUnderneath() {
        var model = Fixture.model()
        var state = Fixture.fleet()
        _ = press([.character("L")], &model, state)
        #expect(model.dialog?.vehicleID == "A81TZ")
        // A new vehicle sorts before A81TZ: the row under the selection index is now a different vehicle.
        state.apply(Fixture.changed("00AAA", plate: "X-1", at: "11:00:00", eventID: "new-1"))
        let effects = press([.character("y")], &model, state)
        #expect(effects == [.send(.lockCentralLock, vehicleID: "A81TZ")])
    }

    @Test func selectionFollowsTheVehicleNotTheRowIndex() {
        var model = Fixture.model()
        var state = Fixture.fleet()
        _ = press([.down, .down], &model, state)
        #expect(selected(model, state) == "K2M9X")
        state.apply(Fixture.changed("00AAA", plate: "X-1", at: "11:00:00", eventID: "new-1"))
        state.apply(Fixture.changed("00AAB", plate: "X-2", at: "11:00:00", eventID: "new-2"))
        #expect(selected(model, state) == "K2M9X")
        _ = press([.down], &model, state)
        #expect(selected(model, state) == "VEH-042")
    }

    @Test func aLogPaneSelectionSelectsItsVehicle() {
        var model = Fixture.model()
        // Rentals, newest first: JQ7RP started 10:15:02, A81TZ ended 10:14:40.
        _ = press([.tab, .down, .down], &model)
        #expect(model.focus == .rentals)
        #expect(selected(model) == "A81TZ")
        #expect(model.selections[.vehicles] == .vehicle("A81TZ"))
        _ = press([.character("L")], &model)
        #expect(model.dialog?.vehicleID == "A81TZ")
    }

    @Test func aLogSelectionStaysOnItsEntryAsNewerEntriesArrive() {
        var model = Fixture.model()
        var state = Fixture.fleet()
        _ = press([.tab, .down, .down], &model, state)  // Rentals: the A81TZ entry, row 1
        state.apply(Fixture.changed("VEH-043", rental: .notInRental, at: "10:20:00", eventID: "r-new-1"))
        state.apply(Fixture.changed("VEH-043", rental: .inRental, at: "10:21:00", eventID: "r-new-2"))
        let rows = index.rows(for: state, filter: .none)
        #expect(model.selectedRow(.rentals, in: rows) == 3)
        #expect(model.selectedVehicleID(in: rows) == "A81TZ")
    }

    @Test func openingADialogAsksTheRuntimeToDiscardTypeahead() {
        var model = Fixture.model()
        #expect(press([.character("L")], &model) == [.discardTypeahead])
        #expect(model.dialog != nil)
    }

    @Test func theFirstRowIsPinnedToItsVehicleBeforeAnyKey() {
        var model = Fixture.model()
        var state = Fixture.fleet()
        _ = model.update(.tick(now: 101, wall: Fixture.wall), rows: index.rows(for: state, filter: .none))
        #expect(selected(model, state) == "A81TZ")
        state.apply(Fixture.changed("00AAA", plate: "X-1", at: "11:00:00", eventID: "new-1"))  // sorts first
        #expect(selected(model, state) == "A81TZ")
        _ = press([.character("L")], &model, state)
        #expect(model.dialog?.vehicleID == "A81TZ")
    }

    @Test func aVehicleThatLeavesTheRowsLeavesNothingSelectedAndLockSaysSo() {
        let index = RowIndex(refreshInterval: 0)  // refilter on every change, not once a second
        var model = Fixture.model()
        var state = Fixture.fleet()
        func press(_ key: Key) -> [DashboardEffect] { model.update(.key(key), rows: index.rows(for: state, filter: model.filter)) }
        func selected() -> String? { model.selectedVehicleID(in: index.rows(for: state, filter: model.filter)) }
        model.filter = VehicleFilter("b-vw")  // VEH-042, VEH-043, VEH-044 by plate
        _ = press(.down)
        #expect(selected() == "VEH-043")
        // Its plate changes: it no longer matches, and VEH-044 slides into its row.
        state.apply(Fixture.changed("VEH-043", plate: "X-9", at: "11:00:00", eventID: "plate-1"))
        let rows = index.rows(for: state, filter: model.filter)
        #expect(rows.vehicleID(atRow: 1) == "VEH-044")
        #expect(model.selectedRow(.vehicles, in: rows) == nil)
        #expect(press(.character("L")).isEmpty)
        #expect(model.dialog == nil)
        #expect(model.flash?.text.hasPrefix("no vehicle selected") == true)
        // Back in the rows, it is selected again; a move from nothing selected starts where it was.
        state.apply(Fixture.changed("VEH-043", plate: "B-VW 43", at: "11:00:01", eventID: "plate-2"))
        #expect(selected() == "VEH-043")
        state.apply(Fixture.changed("VEH-043", plate: "X-9", at: "11:00:02", eventID: "plate-3"))
        _ = press(.down)
        #expect(selected() == "VEH-044")
    }

    @Test func anEvictedLogEntryLeavesNothingSelected() {
        var model = Fixture.model()
        var state = Fixture.fleet()
        _ = press([.tab, .down, .down], &model, state)  // Rentals: the A81TZ entry
        #expect(selected(model, state) == "A81TZ")
        for i in 0..<1_000 {  // newer rentals push it out of the log's 1,000 entries
            let (m, s) = (i / 60, i % 60)
            state.apply(Fixture.changed("E-\(i)", rental: .inRental,
                                        at: "11:\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s)",
                                        eventID: "evict-\(i)"))
        }
        #expect(selected(model, state) == nil)
        #expect(press([.character("U")], &model, state).isEmpty)
        #expect(model.dialog == nil)
    }

    @Test func aFilterTheUserTypesMovesTheSelectionToTheFirstMatch() {
        var model = Fixture.model()
        let state = Fixture.fleet()
        _ = press([.down], &model, state)
        #expect(selected(model, state) == "JQ7RP")
        _ = press([.character("/"), .character("v"), .character("e"), .character("h"), .enter], &model, state)
        #expect(selected(model, state) == "VEH-042")
        _ = press([.character("L")], &model, state)
        #expect(model.dialog?.vehicleID == "VEH-042")
        // A filter that still shows the selected vehicle keeps it.
        var kept = Fixture.model()
        _ = press([.down], &kept, state)
        _ = press([.character("/"), .character("j"), .character("q")], &kept, state)
        #expect(selected(kept, state) == "JQ7RP")
    }

    @Test func warningsStayUntilTheEndAndAreSanitised() {
        var model = Fixture.model()
        _ = model.update(.warnings(["TLS verification is off\u{1B}[2J", "plain HTTP"]),
                         rows: index.rows(for: Fixture.fleet(), filter: .none))
        #expect(model.warnings == ["TLS verification is off?[2J", "plain HTTP"])
        _ = model.update(.tick(now: 1_000_000, wall: Fixture.wall), rows: index.rows(for: Fixture.fleet(), filter: .none))
        #expect(model.warnings.count == 2)
        // Later warnings (the REST edge's) join them, each once, up to the bound.
        _ = model.update(.warnings(["plain HTTP", "token lifetime replaced"]), rows: index.rows(for: Fixture.fleet(), filter: .none))
        #expect(model.warnings == ["TLS verification is off?[2J", "plain HTTP", "token lifetime replaced"])
        _ = model.update(.warnings((0..<100).map { "w\($0)" }), rows: index.rows(for: Fixture.fleet(), filter: .none))
        #expect(model.warnings.count == DashboardModel.maxWarnings)
    }

    @Test func readOnlyRefusesLockAndUnlockWithAMessage() {
        var model = Fixture.model(readOnly: true)
        #expect(press([.character("L")], &model).isEmpty)
        #expect(model.dialog == nil)
        #expect(model.flash?.text == "read-only: lock is disabled")
        #expect(press([.character("U")], &model).isEmpty)
        #expect(model.flash?.text == "read-only: unlock is disabled")
    }

    @Test func filterNarrowsLiveEnterKeepsEscapeClears() {
        var model = Fixture.model()
        _ = press([.character("/"), .character("0"), .character("4"), .character("3")], &model)
        #expect(model.filter.text == "043")
        #expect(index.rows(for: Fixture.fleet(), filter: model.filter).count(.vehicles) == 1)
        #expect(selected(model) == "VEH-043")
        _ = press([.enter], &model)
        #expect(model.prompt == nil && model.filter.text == "043")
        _ = press([.character("/"), .escape], &model)
        #expect(model.filter.isEmpty)
    }

    @Test func bangInvertsTheFilter() {
        var model = Fixture.model()
        _ = press([.character("/"), .character("!"), .character("v"), .character("e"), .character("h")], &model)
        #expect(index.rows(for: Fixture.fleet(), filter: model.filter).count(.vehicles) == 4)
    }

    @Test func commandResultsReachTheStatusLineWithTheFlowID() {
        var model = Fixture.model()
        _ = press([.character("L"), .character("y")], &model)
        let rows = index.rows(for: Fixture.fleet(), filter: .none)
        _ = model.update(.commandFinished(vehicleID: "A81TZ", command: .lockCentralLock,
                                          result: .success(CommandResult(state: VehicleState(), flowID: "5e77e3e3"))),
                         rows: rows)
        #expect(model.pending.isEmpty)
        #expect(model.flash?.text == "Locked A81TZ: 200, waiting for the stream to confirm (flow 5e77e3e3)")
        _ = model.update(.commandFinished(vehicleID: "A81TZ", command: .unlockCentralLock,
                                          result: .failure(CommandFailure(kind: .problem, status: 409,
                                                                          title: "Conflict", flowID: "f-1"))),
                         rows: rows)
        #expect(model.flash?.level == .error)
        #expect(model.flash?.text == "Unlock A81TZ failed: 409 Conflict (flow f-1)")
    }

    @Test func smokeAlertsRingAndStayUntilAcknowledged() {
        var model = Fixture.model()
        let rows = index.rows(for: Fixture.fleet(), filter: .none)
        #expect(model.update(.smokeDetected(vehicleID: "K2M9X", at: nil), rows: rows)
                == [.bell, .notify("fleetwatch: smoke detected in K2M9X")])
        _ = model.update(.tick(now: 10_000, wall: Fixture.wall), rows: rows)
        #expect(model.smokeAlerts.count == 1)
        _ = press([.character("a")], &model)
        #expect(model.smokeAlerts.isEmpty)
    }

    /// A flood of detections nobody acknowledges cannot grow memory: the list stops at its bound, the rest are
    /// counted, still ring, and are acknowledged with the rest.
    @Test func smokeAlertsAreBoundedAndTheRestCounted() {
        var model = Fixture.model()
        let rows = index.rows(for: Fixture.fleet(), filter: .none)
        let flood = DashboardModel.maxSmokeAlerts + 500
        for i in 0..<flood {
            #expect(model.update(.smokeDetected(vehicleID: "V\(i)", at: nil), rows: rows)
                    == [.bell, .notify("fleetwatch: smoke detected in V\(i)")])
        }
        #expect(model.smokeAlerts.count == DashboardModel.maxSmokeAlerts)
        #expect(model.smokeAlertCount == flood)
        let header = DashboardView.render(model, rows: rows).line(0)
        #expect(header.contains("⚠ SMOKE V0 +\(flood - 1)"), "\(header)")
        _ = press([.character("a")], &model)
        #expect(model.flash?.text == "acknowledged \(flood) smoke alerts")
        #expect(model.smokeAlertCount == 0)
    }

    @Test func pauseFreezesAndCountsEvents() {
        var model = Fixture.model()
        let rows = index.rows(for: Fixture.fleet(), filter: .none)
        _ = model.update(.eventsApplied(total: 10), rows: rows)
        #expect(press([.character("p")], &model) == [.freezeDisplay])
        _ = model.update(.eventsApplied(total: 25), rows: rows)
        #expect(model.eventsSincePause == 15)
        #expect(press([.character("p")], &model) == [.resumeDisplay])
    }

    @Test func infoFlashesExpireOnTick() {
        var model = Fixture.model()
        let rows = index.rows(for: Fixture.fleet(), filter: .none)
        _ = model.update(.notice(.info, "hello"), rows: rows)
        _ = model.update(.tick(now: model.now + 1, wall: Fixture.wall), rows: rows)
        #expect(model.flash != nil)
        _ = model.update(.tick(now: model.now + 10, wall: Fixture.wall), rows: rows)
        #expect(model.flash == nil)
    }

    @Test func quitKeys() {
        for key in [Key.character("q"), .control("c")] {
            var model = Fixture.model()
            #expect(press([key], &model) == [.quit])
        }
    }

    /// A signal's request to quit is a message of its own, not a faked Ctrl-C, and quits from any mode.
    @Test func aQuitRequestEndsTheDashboardFromAnyMode() {
        let rows = index.rows(for: Fixture.fleet(), filter: .none)
        for opening in [[Key](), [.character("?")], [.character("/")]] {
            var model = Fixture.model()
            _ = press(opening, &model)
            #expect(model.update(.quitRequested, rows: rows) == [.quit])
            #expect(model.quitting)
        }
    }

    @Test func themeKeyCyclesThroughTheBuiltIns() {
        var model = Fixture.model()
        #expect(press([.character("t")], &model) == [.applyTheme("light")])
        for _ in 0..<5 { _ = press([.character("t")], &model) }
        #expect(model.themeName == "default")
    }

    @Test func navigationKeysMoveThroughThePane() {
        var model = Fixture.model()
        _ = press([.character("G")], &model)
        #expect(selected(model) == "ZR5T1")
        _ = press([.character("g")], &model)
        #expect(selected(model) == "A81TZ")
        _ = press([.pageDown], &model)
        #expect(selected(model) == "ZR5T1")
        _ = press([.character("j"), .character("k")], &model)
        #expect(selected(model) == "VEH-044")
        _ = press([.backTab], &model)
        #expect(model.focus == .smoke)
    }
}

/// The keymap is one table for dispatch, hints and help.
@Suite struct KeymapTests {
    @Test func everyDesignKeyIsBound() {
        let map = Keymap.standard
        let expected: [(Key, KeyAction)] = [
            (.up, .moveUp), (.character("k"), .moveUp), (.down, .moveDown), (.character("j"), .moveDown),
            (.pageUp, .pageUp), (.pageDown, .pageDown), (.character("g"), .top), (.character("G"), .bottom),
            (.home, .top), (.end, .bottom), (.tab, .nextPane), (.backTab, .previousPane), (.character("/"), .filter),
            (.character("L"), .lock), (.character("U"), .unlock), (.character("p"), .pause),
            (.character("t"), .nextTheme), (.character("?"), .help), (.character("q"), .quit),
            (.control("c"), .quit), (.character("a"), .acknowledgeSmoke),
        ]
        for (key, action) in expected { #expect(map.action(for: key) == action, "\(key)") }
    }

    @Test func everyActionHasAKeyAndSoAHelpLine() {
        let helped = Set(Keymap.standard.helpSections.flatMap(\.bindings).map(\.action))
        #expect(helped == Set(KeyAction.allCases))
    }

    @Test func noKeyIsBoundTwice() {
        let keys = Keymap.standard.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test func readOnlyRemovesDangerousRowsFromDispatchHintsAndHelp() {
        let map = Keymap.standard.clearingDanger()
        #expect(map.action(for: .character("L")) == nil)
        #expect(map.action(for: .character("U")) == nil)
        #expect(map.refusal(for: .character("L")) == "read-only: lock is disabled")
        #expect(!map.hints.contains { $0.key == "L" || $0.key == "U" })
        let helpRows = map.helpSections.flatMap(\.bindings)
        #expect(helpRows.allSatisfy { !$0.dangerous })
        #expect(Keymap.standard.hints.map(\.key) == ["/", "L", "U", "F", "Tab", "s", "?", "q"])
    }

    @Test func theHintLineIsGeneratedFromTheTable() {
        let model = Fixture.model()
        let grid = DashboardView.render(model, rows: RowIndex().rows(for: Fixture.fleet(), filter: .none))
        #expect(grid.line(grid.height - 1).hasPrefix(" / filter  L lock  U unlock  F quick filter  Tab pane  s sort  ? help  q quit"))
    }
}
