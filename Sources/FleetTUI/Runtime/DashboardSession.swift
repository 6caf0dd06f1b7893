import CTerminalRescue
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a dashboard on the controlling terminal: a dedicated UI thread owns ncurses from `initscr` to `endwin`;
/// SIGINT, SIGTERM and SIGHUP ask the loop to quit, so the terminal is restored on every way out.
///
/// A terminal that does not read (Ctrl-S with flow control on, a frozen SSH session) blocks the UI thread in
/// `write`, and `endwin` would block the same way: so a termination signal also starts a deadline, after which
/// the process gives the terminal back without blocking (`fw_rescue_exit`) and ends, whatever still runs.
public enum DashboardSession {
    /// How long an orderly shutdown after a termination signal may take before the process is ended anyway
    /// (the signal must end it within 2 s).
    public static let shutdownDeadline: DispatchTimeInterval = .milliseconds(1_200)

    /// Why the dashboard cannot start.
    public struct StartError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Refuses when stdin or stdout is not a terminal (the dashboard would write escape codes into a pipe).
    public static func checkTerminal() throws(StartError) {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw StartError(description: "the dashboard needs a terminal, and stdin or stdout is not one; "
                             + "for scripts and pipes use `fleetwatch tail`")
        }
    }

    /// Starts consuming, loads the snapshot, runs the UI until the user quits or a signal arrives, then stops
    /// the source. Returns the signal that ended it, if any. The terminal is set up as the runtime's
    /// configuration says (colour, ASCII only).
    @discardableResult
    public static func run(_ runtime: DashboardRuntime) async -> Int32? {
        let received = SignalRecord()
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                received.set(signalNumber)
                runtime.requestQuit()
                DispatchQueue.global().asyncAfter(deadline: .now() + shutdownDeadline) {
                    fw_rescue_exit(128 + signalNumber)
                }
            }
            source.resume()
            sources.append(source)
        }
        // Resize: the loop reads the new size itself when woken (ncurses' own handler would only flag it for a
        // thread that may be asleep in poll).
        signal(SIGWINCH, SIG_IGN)
        let winch = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        winch.setEventHandler { runtime.wake() }
        winch.resume()
        sources.append(winch)
        defer {
            for source in sources { source.cancel() }
            for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { signal(signalNumber, SIG_DFL) }
        }

        runtime.startConsuming()
        runtime.loadSnapshot()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                let terminal = CursesTerminal(colorAllowed: runtime.configuration.colorAllowed,
                                              asciiOnly: runtime.configuration.asciiOnly,
                                              mouse: runtime.configuration.mouse)
                runtime.runUserInterface(on: terminal)
                terminal.restore()
                done.resume()
            }
            thread.name = "fleetwatch-ui"
            thread.start()
        }
        runtime.stop()
        return received.value
    }
}

/// The signal that ended the session, written by a signal handler, read after the UI thread finished.
private final class SignalRecord: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var number: Int32?
    func set(_ n: Int32) { lock.withLock { number = n } }
    var value: Int32? { lock.withLock { number } }
}
