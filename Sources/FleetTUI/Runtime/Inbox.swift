import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages for the UI thread from other threads, with a pipe that wakes its `poll`.
///
/// Event totals are coalesced into one slot (a burst of 10,000 events is one wake-up, not 10,000 messages).
final class Inbox: @unchecked Sendable {  // all state under `lock`; the pipe is thread-safe
    private let lock = NSLock()
    private var messages: [DashboardMessage] = []
    private var eventsApplied: Int?
    private var wakePending = false
    private let fds: [Int32]

    init() {
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        self.fds = fds
    }

    deinit {
        close(fds[0])
        close(fds[1])
    }

    var wakeDescriptor: Int32 { fds[0] }

    func post(_ message: DashboardMessage) {
        lock.withLock { messages.append(message) }
        wake()
    }

    /// Records the store's event total; only the latest counts.
    func eventsApplied(_ total: Int) {
        lock.withLock { eventsApplied = total }
        wake()
    }

    /// Everything posted since the last drain, in order, the event total last.
    func drain() -> [DashboardMessage] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(fds[0], &buffer, buffer.count) > 0 {}
        return lock.withLock {
            wakePending = false
            var out = messages
            messages = []
            if let total = eventsApplied { out.append(.eventsApplied(total: total)) }
            eventsApplied = nil
            return out
        }
    }

    /// Wakes the reader with nothing to read but the terminal.
    func wakeUp() { wake() }

    private func wake() {
        let needed = lock.withLock {
            defer { wakePending = true }
            return !wakePending
        }
        guard needed else { return }
        var byte: UInt8 = 1
        _ = write(fds[1], &byte, 1)
    }
}
