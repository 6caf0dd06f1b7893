import Dispatch
import FleetCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the dashboard is set up: what it shows and what it may do.
public struct DashboardConfiguration: Sendable {
    /// The header's label for the source before it reports one (never credentials).
    public var endpoint: String
    public var theme: Theme
    /// Names `t` cycles through.
    public var themeNames: [String]
    public var themeCatalog: ThemeCatalog
    /// A problem loading the chosen theme, shown at start (the default is used instead).
    public var themeError: ThemeError?
    public var readOnly: Bool
    /// False for `NO_COLOR` (non-empty) or `--no-color`.
    public var colorAllowed: Bool
    /// ASCII stand-ins for line drawing and glyphs, in a UTF-8 terminal too (`--ascii`, `ascii = true`).
    public var asciiOnly: Bool
    /// Frames at most this often.
    public var maximumFramesPerSecond: Double
    /// Warnings the operator must see while the dashboard runs (credentials in clear text, TLS verification
    /// off): the status line shows them, not stderr just before the screen takes over. Never secrets.
    public var warnings: [String]

    public init(endpoint: String, theme: Theme = BuiltinThemes.standard, themeNames: [String] = BuiltinThemes.names,
                themeCatalog: ThemeCatalog = ThemeCatalog(searchDirectories: []), themeError: ThemeError? = nil,
                readOnly: Bool = false, colorAllowed: Bool = true, asciiOnly: Bool = false,
                maximumFramesPerSecond: Double = 30, warnings: [String] = []) {
        self.endpoint = endpoint
        self.theme = theme
        self.themeNames = themeNames
        self.themeCatalog = themeCatalog
        self.themeError = themeError
        self.readOnly = readOnly
        self.colorAllowed = colorAllowed
        self.asciiOnly = asciiOnly
        self.maximumFramesPerSecond = maximumFramesPerSecond
        self.warnings = warnings
    }

    /// `NO_COLOR` set and non-empty forbids colour (no-color.org).
    public static func colorAllowed(environment: [String: String], noColorFlag: Bool) -> Bool {
        !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }
}

/// Runs the dashboard: a task consumes the event source into the store; the UI thread (the caller of
/// `runUserInterface`) owns the terminal, turns input and messages into `update` calls, performs the effects,
/// and draws at most `maximumFramesPerSecond`, only when something changed. Idle, it sleeps in `poll`.
public final class DashboardRuntime: @unchecked Sendable {  // mutable state is confined to the UI thread
    public let store: FleetStore
    private let source: any EventSource
    private let commands: (any VehicleCommands)?
    /// How it is set up; the session sets the terminal up from it too.
    public let configuration: DashboardConfiguration
    private let inbox = Inbox()

    public init(source: any EventSource, commands: (any VehicleCommands)?, store: FleetStore = FleetStore(),
                configuration: DashboardConfiguration) {
        self.source = source
        self.commands = commands
        self.store = store
        self.configuration = configuration
    }

    /// Subscribes and starts the source; events are applied (and settled) whether or not the display is paused.
    /// Applying is quick (it waits at most for the store lock, which the UI holds while it updates the model and
    /// draws one frame, and the wake of the UI thread never blocks), so it runs on the source's own thread: no task
    /// hop per batch, and a batch is acknowledged as soon as it is applied.
    public func startConsuming() {
        let store = self.store
        let inbox = self.inbox
        source.subscribe { message in
            switch message {
            case let .events(batch):
                let (smoke, total) = store.apply(batch.events, arrivedAt: batch.arrivedAt)
                batch.settle()
                for event in smoke {
                    if let id = event.vehicleID { inbox.post(.smokeDetected(vehicleID: id, at: event.occurredAt)) }
                }
                inbox.eventsApplied(total)
            case let .rejected(rejection):
                inbox.post(.rejected(rejection, count: 1))
            case let .status(status):
                inbox.post(.stream(status))
            }
        }
        source.start()
    }

    /// Loads the REST snapshot (when a command client is configured) into the store.
    public func loadSnapshot() {
        guard let commands else {
            inbox.post(.snapshot(.skipped))
            return
        }
        let store = self.store
        let inbox = self.inbox
        inbox.post(.snapshot(.loading))
        Task.detached {
            do throws(CommandFailure) {
                let vehicles = try await commands.allVehicles()
                let asOf = Timestamp(seconds: Date().timeIntervalSince1970)
                store.modify { $0.seed(vehicles, asOf: asOf) }
                inbox.post(.snapshot(.loaded(vehicles: vehicles.count)))
            } catch {
                inbox.post(.snapshot(.failed(error)))
            }
            await self.postAnswerWarnings(from: commands)
        }
    }

    /// Asks the UI loop to quit (signals use this); any thread.
    public func requestQuit() { inbox.requestQuit() }

    /// Wakes the UI loop without a message (it then reads the terminal: input, a new size); any thread.
    public func wake() { inbox.wakeUp() }

    /// Stops the source (and with it the subscription).
    public func stop() { source.stop() }

    /// The UI loop. Call on the thread that created `terminal`; returns when the user quits. The caller restores
    /// the terminal (it must, on every path).
    public func runUserInterface(on terminal: any Terminal) {
        if !configuration.warnings.isEmpty { inbox.post(.warnings(configuration.warnings)) }
        var loop = UserInterfaceLoop(runtime: self, terminal: terminal)
        loop.run()
    }

    fileprivate var uiInbox: Inbox { inbox }

    /// Sends a command off the UI thread; its answer comes back as a message (and its state goes into the store).
    fileprivate func send(_ command: VehicleCommand, to vehicleID: String) {
        let inbox = self.inbox
        guard let commands else {
            inbox.post(.commandFinished(vehicleID: vehicleID, command: command, result: .failure(
                CommandFailure(kind: .refused, title: "no REST credentials configured (client id and secret)"))))
            return
        }
        let store = self.store
        Task.detached {
            do throws(CommandFailure) {
                let result = try await commands.send(command, to: vehicleID)
                let now = Timestamp(seconds: Date().timeIntervalSince1970)
                store.modify { $0.applyCommandResult(vehicleID: vehicleID, state: result.state, receivedAt: now) }
                inbox.post(.commandFinished(vehicleID: vehicleID, command: command, result: .success(result)))
            } catch {
                inbox.post(.commandFinished(vehicleID: vehicleID, command: command, result: .failure(error)))
            }
            await self.postAnswerWarnings(from: commands)
        }
    }

    /// What the REST edge has noticed in its answers so far (a token lifetime it had to replace), as a
    /// `.warnings` message: posted after each exchange with the API, when there are any.
    fileprivate func postAnswerWarnings(from commands: any VehicleCommands) async {
        let answers = await commands.answerWarnings()
        if !answers.isEmpty { inbox.post(.warnings(answers)) }
    }
}

/// The UI thread's state and loop.
private struct UserInterfaceLoop {
    let runtime: DashboardRuntime
    let terminal: any Terminal
    var model: DashboardModel
    var palette: Palette
    let index = RowIndex()
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
        palette = Palette(theme: config.theme, depth: terminal.colorDepth)
        if let error = config.themeError { model.show(.error, "theme: \(SafeText.sanitize(error.description))") }
    }

    mutating func run() {
        let inbox = runtime.uiInbox
        while !model.quitting {
            let now = monotonicSeconds()
            var messages: [DashboardMessage] = [.tick(now: now)]
            messages += inbox.drain()
            for input in terminal.readInput() {
                switch input {
                case let .key(key): messages.append(.key(key))
                case let .resized(size): messages.append(.resized(size))
                }
            }
            let effects = step(messages, now: now)
            for effect in effects { perform(effect) }
            if model.quitting { break }
            wait(timeout: nextTimeout(now: monotonicSeconds()))
        }
    }

    /// Applies messages and draws if due, holding the store's lock only for that.
    private mutating func step(_ messages: [DashboardMessage], now: Double) -> [DashboardEffect] {
        var effects: [DashboardEffect] = []
        var painted: CellGrid?
        var discardingKeys = false
        let frozen = self.frozen
        runtime.store.read { live in
            let shown = frozen ?? live
            var rows = index.rows(for: shown, filter: model.filter, now: now)
            // Keys read in the same batch as the one that opened a dialog were typed before it was drawn: they
            // must not answer it (`L` `y` arriving together never locks). Ctrl-C still quits.
            for message in messages {
                if discardingKeys, case let .key(key) = message, key != .control("c") { continue }
                let filterBefore = model.filter
                let produced = model.update(message, rows: rows)
                if produced.contains(.discardTypeahead) { discardingKeys = true }
                effects += produced
                if model.filter != filterBefore { rows = index.rows(for: shown, filter: model.filter, now: now) }
            }
            // A dialog is drawn at once, frame budget or not: the terminal's unread input is discarded just before
            // it is shown, so a key read after that was typed by someone who could see the dialog (discarding
            // after the frame instead would race with a key typed at the sight of it).
            if isDue(revision: shown.revision, now: now) || (discardingKeys && isDirty(revision: shown.revision)) {
                var next = grid?.size == model.size ? grid! : CellGrid(size: model.size)
                DashboardView.render(model, rows: rows, into: &next)
                painted = next
                drawnRevision = shown.revision
            }
        }
        if discardingKeys { terminal.discardTypeahead() }
        if let painted {
            terminal.present(painted, palette: palette)
            grid = painted
            drawnModel = comparable(model)
            lastFrameAt = now
        }
        return effects
    }

    /// Something changed and the frame budget allows a frame.
    private func isDue(revision: UInt64, now: Double) -> Bool {
        guard isDirty(revision: revision) else { return false }
        return now - lastFrameAt >= 1 / runtime.configuration.maximumFramesPerSecond
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

    private mutating func perform(_ effect: DashboardEffect) {
        switch effect {
        case let .send(command, vehicleID): runtime.send(command, to: vehicleID)
        case .bell: terminal.bell()
        case .quit: model.quitting = true
        case .freezeDisplay: frozen = runtime.store.read { $0 }
        case .resumeDisplay: frozen = nil
        case .discardTypeahead: break  // done in `step`, before the dialog's frame is presented
        case let .applyTheme(name):
            do {
                palette = Palette(theme: try runtime.configuration.themeCatalog.load(name), depth: terminal.colorDepth)
            } catch {
                model.show(.error, "theme: \(SafeText.sanitize(error.description))")
            }
        }
    }

    /// Milliseconds to sleep: until the next frame is allowed if something is waiting to be drawn, until the
    /// flash expires, or forever (-1) when idle: no wake-ups without input or events.
    private func nextTimeout(now: Double) -> Int32 {
        let revision = (frozen?.revision) ?? runtime.store.read { $0.revision }
        var deadline = Double.infinity
        if isDirty(revision: revision) {
            deadline = lastFrameAt + 1 / runtime.configuration.maximumFramesPerSecond
        }
        if let expiry = model.flash?.expiresAt { deadline = min(deadline, expiry) }
        guard deadline.isFinite else { return -1 }
        return Int32(max(0, min(60_000, ((deadline - now) * 1000).rounded(.up))))
    }

    private func wait(timeout: Int32) {
        var fds = [
            pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: runtime.uiInbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&fds, nfds_t(fds.count), timeout)
    }
}
