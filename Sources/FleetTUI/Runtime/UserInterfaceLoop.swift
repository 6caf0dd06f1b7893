import Dispatch
import FleetCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The UI thread's state and loop.
struct UserInterfaceLoop {
    let runtime: DashboardRuntime
    let terminal: any Terminal
    var model: DashboardModel
    var palette: Palette
    let index: RowIndex
    /// The map's picture between frames.
    let mapIndex = MapIndex()
    /// The fleet as it was when paused.
    var frozen: FleetState?
    var grid: CellGrid?
    var drawnModel: DashboardModel?
    var drawnRevision: UInt64?
    var lastFrameAt = -Double.infinity

    init(runtime: DashboardRuntime, terminal: any Terminal) {
        self.runtime = runtime
        self.terminal = terminal
        let config = runtime.configuration
        let keymap = config.readOnly ? Keymap.standard.clearingDanger() : Keymap.standard
        var names = config.themeNames
        if !names.contains(config.theme.name) { names.insert(config.theme.name, at: 0) }
        model = DashboardModel(keymap: keymap, size: terminal.size, themeNames: names, theme: config.theme.name,
                               stream: StreamStatus(state: .connecting, endpoint: config.endpoint))
        model.now = monotonicSeconds()
        model.wallNow = .now()
        model.confirmTimeout = config.confirmTimeoutSeconds
        model.catchUpTo = config.catchUpTo
        model.columns = config.columns
        model.sort = config.sort
        model.thresholds = config.thresholds
        index = RowIndex(thresholds: config.thresholds)
        model.asciiOnly = config.asciiOnly || terminal.asciiOnly
        palette = Palette(theme: config.theme, depth: terminal.colorDepth)
        model.statusColors = palette.tellsStatusesByColor
        if config.mapShown {
            model.map.shown = true
            model.focus = .map
        }
        if let error = config.themeError { runtime.uiInbox.post(Self.themeNotice(error)) }
    }

    mutating func run() {
        let inbox = runtime.uiInbox
        while !model.quitting {
            let now = monotonicSeconds()
            var messages: [DashboardMessage] = [.tick(now: now, wall: .now())]
            messages += inbox.drain()
            let input = terminal.readInput()
            for event in input {
                switch event {
                case let .key(key): messages.append(.key(key))
                case let .resized(size): messages.append(.resized(size))
                case let .mouse(event): messages.append(.mouse(event))
                }
            }
            let effects = step(messages, answeringInput: !input.isEmpty, now: now)
            for effect in effects { perform(effect) }
            if model.quitting { break }
            let after = monotonicSeconds()
            wait(timeout: nextTimeout(now: after), inbox: !isFramePending(now: after))
        }
    }

    /// Applies messages and draws if due, holding the store's lock only for that. A frame answering input is
    /// due at once: only the fleet's changes wait for the frame budget.
    private mutating func step(_ messages: [DashboardMessage], answeringInput: Bool, now: Double) -> [DashboardEffect] {
        var effects: [DashboardEffect] = []
        var painted: CellGrid?
        var discardingKeys = false
        var export: (csv: String, rows: Int)?
        let frozen = self.frozen
        runtime.store.read { live in
            let shown = frozen ?? live
            var rows = index.rows(for: shown, model: model, now: now)
            // Keys read in the same batch as the one that opened a dialog were typed before it was drawn: they
            // must not answer it (`L` `y` arriving together never locks). Ctrl-C still quits.
            for message in messages {
                if discardingKeys, case let .key(key) = message, key != .control("c") { continue }
                let before = (model.filter, model.quickFilter, model.sort)
                let produced = model.update(message, rows: rows)
                if produced.contains(.discardTypeahead) { discardingKeys = true }
                // The table as shown, taken while the store is read (the file is written after, outside the lock),
                // sorted and filtered afresh: the screen's cached order may be up to a second behind the values.
                if produced.contains(.exportVehicles) {
                    let fresh = RowIndex(thresholds: model.thresholds).rows(for: shown, model: model, now: now)
                    export = (VehicleCSV.text(ids: fresh.ids, state: shown, model: model), fresh.ids.count)
                }
                effects += produced
                if before != (model.filter, model.quickFilter, model.sort) {
                    rows = index.rows(for: shown, model: model, now: now)
                }
            }
            // Input is answered at once, frame budget or not. A dialog must be: the terminal's unread input is
            // discarded just before it is shown, so a key read after that was typed by someone who could see the
            // dialog (discarding after the frame instead would race with a key typed at the sight of it).
            if isDue(revision: shown.revision, now: now) || (answeringInput && isDirty(revision: shown.revision)) {
                var next = grid?.size == model.size ? grid! : CellGrid(size: model.size)
                DashboardView.render(model, rows: rows, map: mapIndex, into: &next)
                painted = next
                drawnRevision = shown.revision
            }
        }
        if discardingKeys { terminal.discardTypeahead() }
        if let export {
            runtime.uiInbox.post(VehicleExport.write(export.csv, rows: export.rows,
                                                     directory: FileManager.default.currentDirectoryPath, now: .now()))
        }
        if let painted {
            terminal.present(painted, palette: palette)
            grid = painted
            drawnModel = comparable(model)
            lastFrameAt = now
        }
        return effects
    }

    /// Something changed and the fleet's frame budget allows a frame.
    private func isDue(revision: UInt64, now: Double) -> Bool {
        guard isDirty(revision: revision) else { return false }
        return now - lastFrameAt >= 1 / runtime.configuration.fleetFramesPerSecond
    }

    private func isDirty(revision: UInt64) -> Bool {
        drawnRevision != revision || drawnModel != comparable(model)
    }

    /// The model without the clock, which moves on every tick without changing the screen.
    private func comparable(_ model: DashboardModel) -> DashboardModel {
        var copy = model
        copy.now = 0
        return copy
    }

    /// A theme that could not be loaded, for the status line (through `update`, as every change of the model).
    private static func themeNotice(_ error: ThemeError) -> DashboardMessage {
        .notice(.error, "theme: \(SafeText.sanitize(error.description))")
    }

    private mutating func perform(_ effect: DashboardEffect) {
        switch effect {
        case let .send(command, vehicleID): runtime.send(command, to: vehicleID)
        case .bell: if runtime.configuration.bell { terminal.bell() }
        case let .notify(text): if runtime.configuration.notify { terminal.notify(text) }
        case .quit: model.quitting = true
        case .freezeDisplay: frozen = runtime.store.read { $0 }
        case .resumeDisplay: frozen = nil
        case .discardTypeahead: break  // done in `step`, before the dialog's frame is presented
        case .exportVehicles: break  // done in `step`, where the rows are
        case let .applyTheme(name):
            do {
                palette = Palette(theme: try runtime.configuration.themeCatalog.load(name), depth: terminal.colorDepth)
                runtime.uiInbox.post(.statusColors(palette.tellsStatusesByColor))
            } catch {
                runtime.uiInbox.post(Self.themeNotice(error))
            }
        }
    }

    /// Milliseconds to sleep: until the next frame is allowed if something is waiting to be drawn, until the
    /// flash expires, or forever (-1) when idle: no wake-ups without input or events.
    private func nextTimeout(now: Double) -> Int32 {
        let revision = (frozen?.revision) ?? runtime.store.read { $0.revision }
        var deadline = Double.infinity
        if isDirty(revision: revision) {
            deadline = lastFrameAt + 1 / runtime.configuration.fleetFramesPerSecond
        }
        if let expiry = model.flash?.expiresAt { deadline = min(deadline, expiry) }
        // Ages on screen move with the clock: wake when the next second starts.
        if let wall = model.wallNow {
            let intoSecond = Double(Timestamp.now().microseconds - wall.microseconds) / 1e6
            deadline = min(deadline, now + max(0, 1 - intoSecond.truncatingRemainder(dividingBy: 1)))
        }
        // A command the stream has not confirmed yet: wake when it times out, to say so.
        if let timeout = model.nextConfirmationDeadline { deadline = min(deadline, timeout) }
        guard deadline.isFinite else { return -1 }
        return Int32(max(0, min(60_000, ((deadline - now) * 1000).rounded(.up))))
    }

    /// Something waits to be drawn and the frame budget does not allow it yet.
    private func isFramePending(now: Double) -> Bool {
        let revision = (frozen?.revision) ?? runtime.store.read { $0.revision }
        return isDirty(revision: revision) && !isDue(revision: revision, now: now)
    }

    /// Sleeps until input, the timeout, or (when `inbox`) a message from another thread. While a frame is pending,
    /// messages wait for it: the consumer posts after every batch, and waking for each one to take in what the
    /// frame would take in anyway cost a quarter of the dashboard's CPU while catching up. Keys still wake at once.
    private func wait(timeout: Int32, inbox: Bool) {
        var fds = [
            pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: runtime.uiInbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&fds, nfds_t(inbox ? 2 : 1), timeout)
    }
}
