import Dispatch
import FleetCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the dashboard: a task consumes the event source into the store; the UI thread (the caller of
/// `runUserInterface`) owns the terminal, turns input and messages into `update` calls, performs the effects,
/// and draws only when something changed: input at once, the fleet's changes at most `fleetFramesPerSecond`.
/// Idle, it sleeps in `poll`.
public final class DashboardRuntime: @unchecked Sendable {  // mutable state is confined to the UI thread
    public let store: FleetStore
    private let source: any EventSource
    private let commands: (any VehicleCommands)?
    /// On a stream: keeps how far the store has applied it, for the next start.
    private let progress: (any StreamProgressRecorder)?
    /// How it is set up; the session sets the terminal up from it too.
    public let configuration: DashboardConfiguration
    private let inbox = UIThreadInbox()

    public init(source: any EventSource, commands: (any VehicleCommands)?, store: FleetStore = FleetStore(),
                configuration: DashboardConfiguration, progress: (any StreamProgressRecorder)? = nil) {
        self.source = source
        self.commands = commands
        self.progress = progress
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
        let progress = self.progress
        source.subscribe { message in
            switch message {
            case let .events(batch):
                let (smoke, total) = store.apply(batch.events, arrivedAt: batch.arrivedAt)
                batch.settle()
                progress?.applied(batch)  // only now: a saved offset never runs ahead of the store
                for event in smoke {
                    if let id = event.vehicleID { inbox.post(.smokeDetected(vehicleID: id, at: event.occurredAt)) }
                }
                inbox.eventsApplied(total)
            case let .rejected(rejection):
                inbox.post(.rejected(rejection, count: 1))
            case let .status(status):
                inbox.post(.stream(status))
                progress?.keepIfDue()
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
        if let notice = configuration.startNotice { inbox.post(.notice(.info, notice)) }
        var loop = UserInterfaceLoop(runtime: self, terminal: terminal)
        loop.run()
    }

    var uiInbox: UIThreadInbox { inbox }

    /// Sends a command off the UI thread; its answer comes back as a message (and its state goes into the store).
    func send(_ command: VehicleCommand, to vehicleID: String) {
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
    private func postAnswerWarnings(from commands: any VehicleCommands) async {
        let answers = await commands.answerWarnings()
        if !answers.isEmpty { inbox.post(.warnings(answers)) }
    }
}
