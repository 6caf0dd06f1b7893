import Foundation

/// The mailbox of the consumer thread: subscribers post settlements (and unsubscriptions) from any thread, the
/// thread that owns the connection drains them between consume calls and turns them into acks. rabbitmq-c must
/// never be called from another thread, so this is the only way in.
final class ConsumerThreadInbox: @unchecked Sendable {
    enum Command: Sendable {
        /// Subscriber `bit` settled deliveries `tags` of connection/channel `generation`.
        case settle(generation: UInt64, tags: ArraySlice<UInt64>, subscriber: UInt64)
        /// Subscriber `bit` is gone: stop waiting for it.
        case unsubscribe(subscriber: UInt64)
    }

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var commands: [Command] = []
    private var stopRequested = false
    private var ownerWaiting = false

    func post(_ command: Command) {
        condition.lock()
        commands.append(command)
        if ownerWaiting { condition.signal() }
        condition.unlock()
    }

    func requestStop() {
        condition.lock()
        stopRequested = true
        condition.broadcast()
        condition.unlock()
    }

    var isStopRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopRequested
    }

    /// Moves every posted command into `buffer` (which is emptied first); returns whether a stop was requested.
    /// One lock for both: the consumer asks after every delivery.
    func drain(into buffer: inout [Command]) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        condition.lock()
        swap(&buffer, &commands)
        let stop = stopRequested
        condition.unlock()
        return stop
    }

    /// Waits until a command is posted, a stop is requested, or `seconds` pass.
    func wait(seconds: Double) {
        condition.lock()
        defer { condition.unlock() }
        guard commands.isEmpty, !stopRequested else { return }
        ownerWaiting = true
        _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
        ownerWaiting = false
    }

    /// Sleeps `seconds` unless a stop is requested first (settlements do not wake it). Returns false on stop.
    func sleep(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !stopRequested {
            if !condition.wait(until: deadline) { return true }
        }
        return false
    }
}
