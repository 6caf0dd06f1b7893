import FleetCore
import FleetTUI
import Foundation

/// Types keys into a running dashboard and times each until the first presented frame that shows it: `/` opens
/// the filter prompt and Esc closes it, alternately, so that every press changes the status line and a frame
/// can be told to show it or not. One press at a time: the next is typed `interval` after the last one showed.
final class KeyProbe: @unchecked Sendable {  // `pending` and `latencies` are guarded by `lock`
    private let lock = NSLock()
    private let shown = DispatchSemaphore(value: 0)
    /// The press waiting to show: whether it opens the prompt, and when it was typed.
    private var pending: (opens: Bool, typedAt: Double)?
    /// Seconds from typing to showing; infinity for a press no frame showed.
    private var latencies: [Double] = []

    /// For `MemoryTerminal`'s `onPresent`, on the UI thread.
    func presented(_ grid: CellGrid) {
        let now = monotonicSeconds()
        // The open prompt takes the status line: " /", the text typed, a block cursor (StatusLineView). The
        // hints, which also start with " /" ("/ filter"), have no cursor.
        let status = grid.line(grid.height - 1)
        let open = status.hasPrefix(" /") && status.contains("█")
        lock.withLock {
            guard let press = pending, press.opens == open else { return }
            latencies.append(now - press.typedAt)
            pending = nil
            shown.signal()
        }
    }

    /// Presses keys until `done()`, then waits up to `grace` seconds for the last press to show (it counts as never
    /// shown otherwise). Returns every press's latency in milliseconds.
    func run(on terminal: MemoryTerminal, every interval: Double, grace: Double = 1,
             until done: () -> Bool) -> [Double] {
        var opens = true
        while !done() {
            usleep(UInt32(interval * 1_000_000))
            if done() { break }
            lock.withLock { pending = (opens, monotonicSeconds()) }
            terminal.type([.key(opens ? .character("/") : .escape)])
            opens.toggle()
            while shown.wait(timeout: .now() + .milliseconds(20)) == .timedOut, !done() {}
        }
        if lock.withLock({ pending != nil }) { _ = shown.wait(timeout: .now() + .milliseconds(Int(grace * 1000))) }
        return lock.withLock {
            if pending != nil { latencies.append(.infinity) }
            pending = nil
            return latencies.map { $0 * 1000 }
        }
    }
}
