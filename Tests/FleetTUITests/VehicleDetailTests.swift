import FleetCore
import TestSupport
import Testing
@testable import FleetTUI

/// Enter opens a vehicle's detail from any pane and Esc returns; `r` refreshes; a command is confirmed by the
/// stream or said to be unconfirmed.
@Suite struct VehicleDetailTests {
    let index = RowIndex()

    func press(_ keys: [Key], _ model: inout DashboardModel, _ state: FleetState = Fixture.detailFleet())
        -> [DashboardEffect] {
        keys.flatMap { model.update(.key($0), rows: index.rows(for: state, filter: model.filter)) }
    }

    @Test func enterInALogPaneOpensTheEntrysVehicleAndEscReturnsToThePane() {
        var model = Fixture.model()
        _ = press([.tab, .tab, .tab, .down], &model)  // Trips, its newest entry: JQ7RP's metrics
        let before = model
        #expect(model.focus == .trips)
        _ = press([.enter], &model)
        #expect(model.detail == VehicleDetail(vehicleID: "JQ7RP"))
        _ = press([.down, .down], &model)  // scrolls the timeline, moves no selection
        #expect(model.detail?.scroll == 2)
        _ = press([.escape], &model)
        #expect(model.detail == nil)
        #expect(model.focus == before.focus && model.selections == before.selections)
    }

    @Test func lockFromTheDetailActsOnItsVehicle() {
        var model = Fixture.model()
        _ = press([.down, .enter], &model)
        #expect(model.detail?.vehicleID == "JQ7RP")
        let effects = press([.character("L"), .character("y")], &model)
        #expect(effects == [.discardTypeahead, .send(.lockCentralLock, vehicleID: "JQ7RP")])
        #expect(model.detail?.vehicleID == "JQ7RP")  // still open behind the dialog, and after it
        #expect(model.sent.map(\.vehicleID) == ["JQ7RP"])
    }

    @Test func refreshSendsAtOnceWithoutADialog() {
        var model = Fixture.model()
        let effects = press([.down, .character("r")], &model)
        #expect(effects == [.send(.requestVehicleState, vehicleID: "JQ7RP")])
        #expect(model.dialog == nil)
        #expect(model.flash?.text == "sending request-vehicle-state to JQ7RP…")
        // From the detail view too, once the first has come back.
        _ = model.update(.commandFinished(vehicleID: "JQ7RP", command: .requestVehicleState,
                                          result: .success(CommandResult(state: VehicleState(), flowID: "f"))),
                         rows: index.rows(for: Fixture.detailFleet(), filter: .none))
        #expect(model.flash?.text.hasPrefix("Refreshed JQ7RP: 200") == true)
        #expect(press([.enter, .character("r")], &model) == [.send(.requestVehicleState, vehicleID: "JQ7RP")])
    }

    @Test func refreshIsRefusedForAVehicleWithoutTheCapability() {
        var model = Fixture.model()
        _ = press([.down, .down, .down, .down, .down], &model)  // A81TZ, JQ7RP, K2M9X, VEH-042, VEH-043, VEH-044
        #expect(model.selectedVehicleID(in: index.rows(for: Fixture.detailFleet(), filter: .none)) == "VEH-044")
        #expect(press([.character("r")], &model).isEmpty)
        #expect(model.flash?.level == .warn)
        #expect(model.flash?.text.contains("capabilities are not known") == true)
        var withOthers = Fixture.detailFleet()
        withOthers.apply(Fixture.changedCommands("VEH-044", ["LOCK_CENTRAL_LOCK"]))
        #expect(press([.character("r")], &model, withOthers).isEmpty)
        #expect(model.flash?.text == "VEH-044 cannot be refreshed: it lacks REQUEST_VEHICLE_STATE")
    }

    @Test func readOnlyRemovesRefreshAndLockFromTheMainScreenAndTheDetail() {
        var model = Fixture.model(readOnly: true)
        #expect(press([.down, .character("r")], &model).isEmpty)
        #expect(model.flash?.text == "read-only: refresh is disabled")
        _ = press([.enter], &model)
        #expect(model.detail != nil)
        #expect(press([.character("L")], &model).isEmpty && model.dialog == nil)
        #expect(model.flash?.text == "read-only: lock is disabled")
        #expect(!model.detailKeymap.hintRows.contains { ["lock", "unlock", "refresh"].contains($0.word) })
    }

    @Test func theStreamsEventWithTheFlowIDConfirmsTheLock() {
        var model = Fixture.model()
        var state = Fixture.detailFleet()
        Fixture.lockSent(&model, &state, index: index)
        #expect(model.sent.last?.confirmation == .awaiting)
        #expect(model.flash?.text == "Locked JQ7RP: 200, waiting for the stream to confirm (flow \(Fixture.flowID))")
        state.apply(Fixture.lockedByTheCommand())
        _ = model.update(.tick(now: 101.5, wall: Fixture.time("12:30:02")), rows: index.rows(for: state, filter: .none))
        #expect(model.sent.last?.confirmation == .confirmed(.flowID, afterSeconds: 1.5))
        #expect(model.flash?.text == "Lock JQ7RP confirmed by the stream after 1.5 s (flow \(Fixture.flowID))")
    }

    @Test func anEventThatArrivedBeforeTheAnswerConfirmsItAtOnce() {
        var model = Fixture.model()
        var state = Fixture.detailFleet()
        state.apply(Fixture.lockedByTheCommand())
        Fixture.lockSent(&model, &state, index: index)
        #expect(model.sent.last?.confirmation == .confirmed(.flowID, afterSeconds: 0.5))
        #expect(model.flash?.text.contains("200, confirmed by the stream after 0.5 s") == true)
    }

    @Test func withoutTheStreamWithinTheTimeoutTheStatusLineSaysUnconfirmed() {
        var model = Fixture.model()
        model.confirmTimeout = 30
        var state = Fixture.detailFleet()
        Fixture.lockSent(&model, &state, index: index)
        let answeredAt = model.now
        #expect(model.nextConfirmationDeadline == answeredAt + 30)
        _ = model.update(.tick(now: answeredAt + 29, wall: Fixture.wall), rows: index.rows(for: state, filter: .none))
        #expect(model.sent.last?.confirmation == .awaiting)
        _ = model.update(.tick(now: answeredAt + 30, wall: Fixture.wall), rows: index.rows(for: state, filter: .none))
        #expect(model.sent.last?.confirmation == .unconfirmed)
        #expect(model.flash?.level == .warn)
        #expect(model.flash?.text == "Lock JQ7RP unconfirmed: the stream showed nothing of it within 30 s (flow \(Fixture.flowID))")
        #expect(model.nextConfirmationDeadline == nil)
    }
}

extension Fixture {
    static func changedCommands(_ id: String, _ commands: [String]) -> Event {
        Event(id: "caps-\(id)", type: .vehicleChanged, occurredAt: time("09:00:20"), vehicleID: id,
              payload: .vehicleChanged(VehicleChange(reasons: [], vehicle: VehicleResource(id: id, commands: commands))))
    }
}
