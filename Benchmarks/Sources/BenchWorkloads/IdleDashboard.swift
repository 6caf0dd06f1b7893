import FleetCore
import FleetTUI
import Foundation

/// A running dashboard (its UI thread on an in-memory terminal, its consumer on a silent source) over a fleet,
/// with no events arriving: what it costs while nothing happens is the idle-CPU benchmark.
public final class IdleDashboard {
    private let runtime: DashboardRuntime
    private let terminal = MemoryTerminal(size: FrameLoop.screen)
    private let done = DispatchSemaphore(value: 0)

    /// Starts the dashboard over `vehicles` vehicles and returns once its first frame shows the stream connected
    /// (or after 5 s), and 200 ms more: a flash, if any, expires on its own timer.
    public init(vehicles: Int) {
        runtime = DashboardRuntime(source: SilentSource(), commands: nil, store: FleetStore(FleetFixture.fleet(vehicles)),
                                   configuration: DashboardConfiguration(endpoint: "idle"))
        let (runtime, terminal, done) = (runtime, terminal, done)
        let thread = Thread {
            runtime.runUserInterface(on: terminal)
            done.signal()
        }
        runtime.startConsuming()
        thread.start()
        let deadline = monotonicSeconds() + 5
        while terminal.frames == 0 || !(terminal.lastFrame?.lines.first?.contains("connected") ?? false) {
            if monotonicSeconds() > deadline { break }
            usleep(10_000)
        }
        usleep(200_000)
    }

    /// Frames the dashboard has drawn so far.
    public var framesDrawn: Int { terminal.frames }

    /// Quits the UI thread, waits for it, and stops the source.
    public func stop() {
        runtime.requestQuit()
        done.wait()
        runtime.stop()
    }
}
