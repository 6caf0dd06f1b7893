import FleetCore
import Foundation

/// One producer, many subscribers: every subscriber gets every message, in order, through its own
/// `AsyncStream` (backed by a `SubscriberTaskInbox`) or, for an inline subscriber, by a call on the producer's
/// thread. Each subscriber is one bit, so that the ack ledger can tell who still has to settle a delivery; hence
/// at most 64 subscribers at a time.
final class EventHub: @unchecked Sendable {
    struct Subscriber {
        enum Delivery {
            case mailbox(SubscriberTaskInbox)
            case inline(@Sendable (StreamMessage) -> Void)
        }

        var bit: UInt64
        var delivery: Delivery

        /// Hands `message` over; false (and dropped) when the subscriber is gone.
        func push(_ message: StreamMessage) -> Bool {
            switch delivery {
            case let .mailbox(mailbox): return mailbox.push(message)
            case let .inline(handler):
                handler(message)
                return true
            }
        }
    }

    // Guarded by `lock`.
    private let lock = NSLock()
    private var subscribers: [Subscriber] = []
    private var bitsInUse: UInt64 = 0
    private var finished = false
    private var latestStatus: StreamStatus

    /// Called (on any thread) when a subscriber's stream ends, with its bit.
    private let onUnsubscribe: @Sendable (UInt64) -> Void

    init(initialStatus: StreamStatus, onUnsubscribe: @escaping @Sendable (UInt64) -> Void) {
        self.latestStatus = initialStatus
        self.onUnsubscribe = onUnsubscribe
    }

    /// A new subscriber; it first receives the current status. The subscription ends when the task iterating it
    /// is cancelled or the stream is dropped.
    func subscribe() -> AsyncStream<StreamMessage> {
        let mailbox = SubscriberTaskInbox()
        lock.lock()
        guard !finished, bitsInUse != .max else {
            lock.unlock()
            mailbox.finish()
            return AsyncStream(unfolding: { await mailbox.next() })
        }
        let bit = takeBit()
        subscribers.append(Subscriber(bit: bit, delivery: .mailbox(mailbox)))
        mailbox.push(.status(latestStatus))
        lock.unlock()
        let lease = SubscriptionLease { [weak self] in self?.remove(bit) }
        return AsyncStream(unfolding: { [lease] in
            _ = lease  // kept alive as long as the stream: its end (deinit) unsubscribes
            return await mailbox.next()
        }, onCancel: { lease.end() })
    }

    /// An inline subscriber: `handler` gets the current status now, on this thread, then every message on the
    /// producer's thread, for as long as the hub runs.
    func subscribe(onMessage handler: @escaping @Sendable (StreamMessage) -> Void) {
        lock.lock()
        guard !finished, bitsInUse != .max else {
            lock.unlock()
            return
        }
        subscribers.append(Subscriber(bit: takeBit(), delivery: .inline(handler)))
        let status = latestStatus
        lock.unlock()
        handler(.status(status))
    }

    /// A free bit, marked in use. Call with the lock held.
    private func takeBit() -> UInt64 {
        let bit = UInt64(1) << UInt64((~bitsInUse).trailingZeroBitCount)
        bitsInUse |= bit
        return bit
    }

    private func remove(_ bit: UInt64) {
        lock.lock()
        let gone = subscribers.first { $0.bit == bit }
        subscribers.removeAll { $0.bit == bit }
        lock.unlock()
        guard let gone, case let .mailbox(mailbox) = gone.delivery else { return }
        mailbox.close()
        // The bit stays in use until the consumer thread has forgotten it (see `release`), so that a new
        // subscriber never inherits an old one's pending settlements.
        onUnsubscribe(bit)
    }

    /// The consumer thread has forgotten `bit`: it may be given to a new subscriber.
    func release(_ bit: UInt64) {
        lock.lock()
        bitsInUse &= ~bit
        lock.unlock()
    }

    /// The current subscribers, to deliver a burst of events to.
    func current() -> [Subscriber] {
        lock.lock()
        defer { lock.unlock() }
        return subscribers
    }

    func broadcast(_ message: StreamMessage) {
        lock.lock()
        if case let .status(status) = message { latestStatus = status }
        let targets = subscribers
        lock.unlock()
        for target in targets { _ = target.push(message) }
    }

    var status: StreamStatus {
        lock.lock()
        defer { lock.unlock() }
        return latestStatus
    }

    /// Ends every subscription (after what is buffered); later subscribers get an ended stream.
    func finish() {
        lock.lock()
        finished = true
        let targets = subscribers
        subscribers.removeAll()
        lock.unlock()
        for target in targets {
            if case let .mailbox(mailbox) = target.delivery { mailbox.finish() }
        }
    }
}

/// Runs `end` once: when the subscription's task is cancelled, or when its stream is released.
private final class SubscriptionLease: @unchecked Sendable {
    private let lock = NSLock()
    private var action: (@Sendable () -> Void)?

    init(_ end: @escaping @Sendable () -> Void) { action = end }

    func end() {
        let run = lock.withLock { () -> (@Sendable () -> Void)? in
            defer { action = nil }
            return action
        }
        run?()
    }

    deinit { end() }
}
