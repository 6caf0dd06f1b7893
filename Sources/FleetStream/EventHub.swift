import FleetCore
import Foundation

/// One producer, many subscribers: every subscriber gets every message, in order, through its own
/// `AsyncStream`. Each subscriber is one bit, so that the ack ledger can tell who still has to settle a
/// delivery; hence at most 64 subscribers at a time.
final class EventHub: @unchecked Sendable {
    typealias Continuation = AsyncStream<StreamMessage>.Continuation

    // Guarded by `lock`.
    private let lock = NSLock()
    private var subscribers: [(bit: UInt64, continuation: Continuation)] = []
    private var bitsInUse: UInt64 = 0
    private var finished = false
    private var latestStatus: StreamStatus

    /// Called (on any thread) when a subscriber's stream ends, with its bit.
    private let onUnsubscribe: @Sendable (UInt64) -> Void

    init(initialStatus: StreamStatus, onUnsubscribe: @escaping @Sendable (UInt64) -> Void) {
        self.latestStatus = initialStatus
        self.onUnsubscribe = onUnsubscribe
    }

    /// A new subscriber; it first receives the current status.
    func subscribe() -> AsyncStream<StreamMessage> {
        let (stream, continuation) = AsyncStream.makeStream(of: StreamMessage.self)
        lock.lock()
        guard !finished, bitsInUse != .max else {
            lock.unlock()
            continuation.finish()
            return stream
        }
        let bit = UInt64(1) << UInt64((~bitsInUse).trailingZeroBitCount)
        bitsInUse |= bit
        subscribers.append((bit, continuation))
        continuation.yield(.status(latestStatus))
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.remove(bit) }
        return stream
    }

    private func remove(_ bit: UInt64) {
        lock.lock()
        let wasThere = subscribers.contains { $0.bit == bit }
        subscribers.removeAll { $0.bit == bit }
        lock.unlock()
        // The bit stays in use until the consumer thread has forgotten it (see `release`), so that a new
        // subscriber never inherits an old one's pending settlements.
        if wasThere { onUnsubscribe(bit) }
    }

    /// The consumer thread has forgotten `bit`: it may be given to a new subscriber.
    func release(_ bit: UInt64) {
        lock.lock()
        bitsInUse &= ~bit
        lock.unlock()
    }

    /// The current subscribers, to deliver one event to.
    func current() -> [(bit: UInt64, continuation: Continuation)] {
        lock.lock()
        defer { lock.unlock() }
        return subscribers
    }

    func broadcast(_ message: StreamMessage) {
        lock.lock()
        if case let .status(status) = message { latestStatus = status }
        let targets = subscribers
        lock.unlock()
        for target in targets { target.continuation.yield(message) }
    }

    var status: StreamStatus {
        lock.lock()
        defer { lock.unlock() }
        return latestStatus
    }

    /// Ends every subscription; later subscribers get an ended stream.
    func finish() {
        lock.lock()
        finished = true
        let targets = subscribers
        subscribers.removeAll()
        lock.unlock()
        for target in targets { target.continuation.finish() }
    }
}
