import FleetCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages for the UI thread from other threads, with a pipe that wakes its `poll`.
///
/// Bounded whatever arrives while the UI thread is not draining it (a stalled terminal blocks it in `write`):
/// what can flood is coalesced into fixed slots (the event total, the latest stream status, rejections as a
/// count and the latest, the newest smoke alerts and a count of the rest), and the few other messages (command
/// answers, notices) queue up to `capacity`, beyond which they are counted and reported as dropped.
final class UIThreadInbox: @unchecked Sendable {  // all state under `lock`; the pipe is thread-safe
    /// Queued messages kept at most (commands, notices, snapshot progress, warnings).
    static let capacity = 256
    /// Smoke alerts kept at most between two drains; older ones are counted.
    static let smokeCapacity = 64

    private let lock = NSLock()
    private var messages: [DashboardMessage] = []
    private var dropped = 0
    private var quitRequested = false
    private var status: StreamStatus?
    private var rejected: (latest: Rejection, count: Int)?
    private var smoke: [DashboardMessage] = []
    private var smokeDropped = 0
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
        lock.withLock {
            switch message {
            case let .stream(latest):
                status = latest
            case let .rejected(rejection, count):
                rejected = (rejection, (rejected?.count ?? 0) &+ max(count, 1))
            case .smokeDetected:
                if smoke.count == Self.smokeCapacity {
                    smoke.removeFirst()
                    smokeDropped &+= 1
                }
                smoke.append(message)
            case let .eventsApplied(total):
                eventsApplied = total
            case .quitRequested:
                quitRequested = true  // never dropped, however full the queue
            default:
                if messages.count < Self.capacity { messages.append(message) } else { dropped &+= 1 }
            }
        }
        wake()
    }

    /// Asks the UI loop to quit; never lost to the bound.
    func requestQuit() { post(.quitRequested) }

    /// Records the store's event total; only the latest counts.
    func eventsApplied(_ total: Int) { post(.eventsApplied(total: total)) }

    /// How many messages are held now (for tests of the bound).
    var held: Int {
        lock.withLock { messages.count + smoke.count + (status == nil ? 0 : 1) + (rejected == nil ? 0 : 1) }
    }

    /// Everything posted since the last drain: a quit first, then the queue in order, the coalesced slots, and
    /// the event total last.
    func drain() -> [DashboardMessage] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(fds[0], &buffer, buffer.count) > 0 {}
        return lock.withLock {
            wakePending = false
            var out: [DashboardMessage] = quitRequested ? [.quitRequested] : []
            out += messages
            if dropped > 0 { out.append(.notice(.warn, "\(dropped) status messages dropped while the screen was stalled")) }
            if let status { out.append(.stream(status)) }
            if let rejected { out.append(.rejected(rejected.latest, count: rejected.count)) }
            if smokeDropped > 0 { out.append(.notice(.warn, "\(smokeDropped) more smoke alerts: see the Smoke pane")) }
            out += smoke
            if let total = eventsApplied { out.append(.eventsApplied(total: total)) }
            quitRequested = false
            messages = []
            dropped = 0
            status = nil
            rejected = nil
            smoke = []
            smokeDropped = 0
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
