import TestSupport
import FleetCore
import Foundation
import Testing
@testable import FleetTUI

/// The whole loop against an in-memory terminal: a fake source feeds the store, keys are typed, frames read back.
@Suite(.serialized) struct DashboardRuntimeTests {
    final class Harness: @unchecked Sendable {
        let source = FakeSource()
        let terminal = MemoryTerminal(size: ScreenSize(width: 100, height: 30))
        let runtime: DashboardRuntime
        let thread: Thread
        let finished = DoneFlag()

        init(commands: (any VehicleCommands)? = FakeCommands(), readOnly: Bool = false, warnings: [String] = [],
             themeError: ThemeError? = nil, mapShown: Bool = false, fleetFramesPerSecond: Double = 10) {
            runtime = DashboardRuntime(source: source, commands: commands,
                                       configuration: DashboardConfiguration(endpoint: "fake", themeError: themeError,
                                                                             readOnly: readOnly, mapShown: mapShown,
                                                                             fleetFramesPerSecond: fleetFramesPerSecond,
                                                                             warnings: warnings))
            let runtime = self.runtime, terminal = self.terminal, finished = self.finished
            thread = Thread {
                runtime.runUserInterface(on: terminal)
                finished.set()
            }
            runtime.startConsuming()
            runtime.loadSnapshot()
            thread.start()
        }

        func screen() -> String { terminal.lastFrame?.lines.joined(separator: "\n") ?? "" }
        func shows(_ text: String) -> Bool { screen().contains(text) }
        func row(of id: String) -> String? { terminal.lastFrame?.lines.first { $0.contains(id) } }
        func type(_ keys: Key...) { terminal.type(keys.map { .key($0) }) }
        func type(text: String) { terminal.type(text.map { .key(.character($0)) }) }

        func quit() async -> Bool {
            type(.character("q"))
            let stopped = await eventually { finished.isSet }
            runtime.stop()
            return stopped
        }
    }

    @Test func vehiclesAppearAFilterNarrowsAndALockShowsInTheRow() async {
        let h = Harness()
        #expect(await eventually { h.shows("SNAP1") && h.shows("● connected") }, "\(h.screen())")
        for i in 0..<20 {
            h.source.emit(Fixture.changed("V-\(100 + i)", plate: "P-\(i)", life: .online, at: "10:00:00",
                                          eventID: "ev-\(i)"))
        }
        #expect(await eventually { h.shows("Vehicles 21/21") }, "\(h.screen())")
        h.type(.character("/"))
        h.type(text: "v-107")
        h.type(.enter)
        #expect(await eventually { h.shows("Vehicles 1/21 [/v-107]") }, "\(h.screen())")
        h.type(.character("L"))
        #expect(await eventually { h.shows("Lock V-107 (P-7)?") }, "\(h.screen())")
        h.type(.character("y"))
        #expect(await eventually { h.row(of: "V-107")?.contains("LOCKED") == true }, "\(h.screen())")
        // The fake source publishes no reading for the lock: the stream has yet to confirm it.
        #expect(await eventually { h.shows("Locked V-107: 200, waiting for the stream to confirm (flow flow-V-107)") },
                "\(h.screen())")
        #expect(h.source.settled == 20)
        #expect(await h.quit())
    }

    /// `map = true`: the map is there from the first frame, and fits the fleet when positions arrive.
    @Test func theConfigurationCanStartWithTheMap() async {
        let h = Harness(mapShown: true)
        #expect(await eventually { h.shows("┌ Map") && h.shows("no vehicle has a position yet") }, "\(h.screen())")
        #expect(!h.shows("Rentals"))
        h.source.emit(MapFixture.position("SNAP1", lat: 52.52, lon: 13.405, at: "10:00:00", eventID: "p-1"))
        #expect(await eventually { h.shows("1 shown") }, "\(h.screen())")
        h.type(.character("m"))
        #expect(await eventually { h.shows("Rentals") && !h.shows("┌ Map") }, "\(h.screen())")
        #expect(await h.quit())
    }

    @Test func pauseFreezesTheDisplayButEventsAreStillAppliedAndSettled() async {
        let h = Harness(commands: nil)
        h.source.emit(Fixture.changed("A-1", plate: "A", at: "10:00:00", eventID: "a1"))
        #expect(await eventually { h.shows("A-1") }, "\(h.screen())")
        h.type(.character("p"))
        #expect(await eventually { h.shows("PAUSED (+0)") }, "\(h.screen())")
        h.source.emit(Fixture.changed("B-2", plate: "B", at: "10:00:01", eventID: "b2"))
        #expect(await eventually { h.shows("PAUSED (+1)") }, "\(h.screen())")
        #expect(!h.shows("B-2"))
        #expect(h.source.settled == 2)
        h.type(.character("p"))
        #expect(await eventually { h.shows("B-2") && !h.shows("PAUSED") }, "\(h.screen())")
        #expect(await h.quit())
    }

    @Test func aBurstOfEventsIsCoalescedIntoFewFrames() async {
        let h = Harness(commands: nil)
        #expect(await eventually { h.shows("● connected") })
        let before = h.terminal.frames
        let started = Date()
        for i in 0..<10_000 {
            h.source.emit(Fixture.changed("C-\(i % 500)", plate: "C", at: "10:00:00", eventID: "burst-\(i)"))
        }
        #expect(await eventually { h.source.settled == 10_000 })
        #expect(await eventually { h.shows("vehicles 500") }, "\(h.screen())")
        let elapsed = Date().timeIntervalSince(started)
        let frames = h.terminal.frames - before
        // At most 10 a second, plus the first and the last.
        #expect(Double(frames) <= elapsed * 10 + 3, "\(frames) frames in \(elapsed) s")
        #expect(await h.quit())
    }

    /// With one frame for the fleet's changes every 5 s, a change waits for it, but a key is answered at once
    /// (and its frame shows the change too).
    @Test func aKeyIsAnsweredAtOnceWhileTheFleetsChangesWaitForTheFrameBudget() async {
        let h = Harness(commands: nil, fleetFramesPerSecond: 0.2)
        h.source.emit(Fixture.changed("A-1", plate: "A", at: "10:00:00", eventID: "a1"))
        #expect(await eventually { h.shows("A-1") }, "\(h.screen())")
        h.source.emit(Fixture.changed("B-2", plate: "B", at: "10:00:01", eventID: "b2"))
        #expect(await eventually { h.runtime.store.read { $0["B-2"] } != nil })
        #expect(!h.shows("B-2"), "drawn within the budget: \(h.screen())")
        h.type(.character("/"))
        #expect(await eventually(timeout: 2) { h.shows("B-2") && h.shows("! inverts") }, "\(h.screen())")
        h.type(.escape)
        #expect(await h.quit())
    }

    @Test func smokeRingsTheBellAndStaysUntilAcknowledged() async {
        let h = Harness(commands: nil)
        h.source.emit(Fixture.changed("K2M9X", plate: "M-IN 4711", at: "10:00:00", eventID: "k"))
        h.source.emit(Fixture.smoke("K2M9X", at: "12:00:05", eventID: "smoke-1"))
        #expect(await eventually { h.shows("⚠ SMOKE K2M9X (a: ack)") && h.terminal.bells == 1 }, "\(h.screen())")
        h.source.emit(Fixture.smoke("K2M9X", at: "12:00:05", eventID: "smoke-1"))  // a redelivery: no second bell
        // Read the bells only once the store has taken the redelivery (as a duplicate, or it would have rung).
        #expect(await eventually { h.runtime.store.read { $0.duplicatesIgnored } == 1 })
        #expect(h.terminal.bells == 1)
        h.type(.character("a"))
        #expect(await eventually { !h.shows("(a: ack)") }, "\(h.screen())")
        #expect(h.terminal.bells == 1)
        #expect(await h.quit())
    }

    @Test func withoutCredentialsALockIsRefusedWithAMessage() async {
        let h = Harness(commands: nil)
        h.source.emit(Fixture.changed("A-1", plate: "A", at: "10:00:00", eventID: "a1"))
        #expect(await eventually { h.shows("A-1") })
        h.type(.character("L"))
        #expect(await eventually { h.shows("Lock A-1 (A)?") }, "\(h.screen())")
        h.type(.character("y"))
        #expect(await eventually { h.shows("no REST credentials configured") }, "\(h.screen())")
        #expect(await h.quit())
    }

    @Test func keysTypedWithTheOneThatOpensADialogNeverConfirmIt() async {
        let h = Harness()
        h.source.emit(Fixture.changed("A-1", plate: "A", at: "10:00:00", eventID: "a1"))
        // Both rows first, then `g`: the selection is pinned to whichever vehicle came first (the snapshot's or
        // the event's), and this test is about A-1, the top row.
        #expect(await eventually { h.shows("A-1") && h.shows("SNAP1") }, "\(h.screen())")
        h.type(.character("g"))
        h.type(.character("L"), .character("y"))  // one read: `y` was typed before the dialog was drawn
        #expect(await eventually { h.shows("Lock A-1 (A)?") }, "\(h.screen())")
        #expect(h.terminal.typeaheadDiscards == 1)
        h.type(.escape)
        #expect(await eventually { !h.shows("Lock A-1 (A)?") }, "\(h.screen())")
        #expect(!h.shows("locking") && !h.shows("Locked"), "\(h.screen())")
        // Typed after the dialog is drawn, `y` confirms.
        h.type(.character("L"))
        #expect(await eventually { h.shows("Lock A-1 (A)?") }, "\(h.screen())")
        h.type(.character("y"))
        #expect(await eventually { h.shows("Locked A-1: 200") }, "\(h.screen())")
        #expect(await h.quit())
    }

    /// A theme that failed to load at start reaches the status line through `update`, like any notice.
    @Test func aThemeErrorAtStartIsShown() async {
        let h = Harness(themeError: ThemeError(file: "mine.theme", line: 3, message: "unknown slot `x`"))
        #expect(await eventually { h.shows("theme: mine.theme:3: unknown slot `x`") }, "\(h.screen())")
        #expect(await h.quit())
    }

    @Test func warningsReachTheStatusLineAsAMessageAndStay() async {
        let h = Harness(commands: nil, warnings: ["TLS verification is off for api.example"])
        #expect(await eventually { h.shows("warning: TLS verification is off for api.example") }, "\(h.screen())")
        h.type(.character("t"))  // a flash takes the line for a while…
        #expect(await eventually { h.shows("theme: ") && !h.shows("TLS verification") }, "\(h.screen())")
        h.type(.character("?"))  // …and help still lists it
        #expect(await eventually { h.shows("Warnings") && h.shows("TLS verification is off") }, "\(h.screen())")
        h.type(.escape)
        #expect(await eventually { !h.shows("Warnings") }, "\(h.screen())")
        #expect(await h.quit())
    }

    /// What the REST edge noticed in its answers (a token lifetime it replaced) joins the start-up warnings once
    /// the snapshot has been asked for.
    @Test func answerWarningsOfTheRESTEdgeJoinTheStartUpWarnings() async {
        let h = Harness(commands: FakeCommands(warnings: ["INVERS token answer: expires_in 1e400 taken as 86400 s"]),
                        warnings: ["TLS verification is off for api.example"])
        #expect(await eventually { h.shows("SNAP1") }, "\(h.screen())")
        h.type(.character("?"))
        #expect(await eventually { h.shows("expires_in 1e400") && h.shows("TLS verification is off") }, "\(h.screen())")
        h.type(.escape)
        #expect(await eventually { !h.shows("Warnings") }, "\(h.screen())")
        #expect(await h.quit(), "\(h.screen())")
    }

    @Test func resizeRedrawsAndTooSmallShowsOnlyTheMessage() async {
        let h = Harness(commands: nil)
        #expect(await eventually { h.shows("Vehicles") })
        h.terminal.type([.resized(ScreenSize(width: 60, height: 20))])
        #expect(await eventually { h.shows("Terminal too small: need 80×24, have 60×20") }, "\(h.screen())")
        h.terminal.type([.resized(ScreenSize(width: 120, height: 40))])
        #expect(await eventually { h.terminal.lastFrame?.width == 120 && h.shows("Vehicles") })
        #expect(await h.quit())
    }
}

final class DoneFlag: @unchecked Sendable {  // under `lock`
    private let lock = NSLock()
    private var done = false
    func set() { lock.withLock { done = true } }
    var isSet: Bool { lock.withLock { done } }
}
