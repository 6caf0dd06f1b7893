import FleetCore
import Foundation

/// One subscriber's queue of stream messages, between the consumer thread (which pushes bursts) and the task
/// that iterates the subscriber's `AsyncStream` (which takes one at a time).
///
/// Why not `AsyncStream`'s own buffer: its `yield` resumes a waiting iterator for every element, and on two
/// cores the iterator wakes up, takes the one element and suspends again before the next `yield`. Here the
/// subscriber is woken only when it waits; taking an element is a lock and an array read.
final class SubscriberTaskInbox: @unchecked Sendable {
    private enum Take {
        case message(StreamMessage)
        case finished
        case empty
    }

    // Guarded by `lock`.
    private let lock = NSLock()
    private var buffer: [StreamMessage] = []
    private var head = 0
    private var waiter: UnsafeContinuation<StreamMessage?, Never>?
    private var finished = false

    /// Appends `message`; returns false (and drops it) when the subscriber is gone.
    @discardableResult
    func push(_ message: StreamMessage) -> Bool {
        lock.lock()
        guard !finished else {
            lock.unlock()
            return false
        }
        buffer.append(message)
        let resumed = waiter
        var first: StreamMessage?
        if resumed != nil {
            waiter = nil
            first = takeLocked()
        }
        lock.unlock()
        resumed?.resume(returning: first)
        return true
    }

    /// Ends the mailbox: the subscriber gets what is buffered, then the end of the stream.
    func finish() {
        lock.lock()
        finished = true
        let resumed = waiter
        waiter = nil
        var first: StreamMessage?
        if resumed != nil { first = takeLocked() }
        lock.unlock()
        resumed?.resume(returning: first)
    }

    /// The subscriber went away: drop what is buffered and accept nothing more.
    func close() {
        lock.lock()
        finished = true
        buffer.removeAll()
        head = 0
        let resumed = waiter
        waiter = nil
        lock.unlock()
        resumed?.resume(returning: nil)
    }

    /// The next message, waiting for one if needed; nil once finished and drained.
    func next() async -> StreamMessage? {
        switch take() {
        case let .message(message): return message
        case .finished: return nil
        case .empty: break
        }
        return await withUnsafeContinuation { (continuation: UnsafeContinuation<StreamMessage?, Never>) in
            switch takeOrWait(continuation) {
            case let .message(message): continuation.resume(returning: message)
            case .finished: continuation.resume(returning: nil)
            case .empty: break  // resumed by `push`, `finish` or `close`
            }
        }
    }

    private func take() -> Take {
        lock.lock()
        defer { lock.unlock() }
        if let message = takeLocked() { return .message(message) }
        return finished ? .finished : .empty
    }

    private func takeOrWait(_ continuation: UnsafeContinuation<StreamMessage?, Never>) -> Take {
        lock.lock()
        defer { lock.unlock() }
        if let message = takeLocked() { return .message(message) }
        if finished { return .finished }
        waiter = continuation
        return .empty
    }

    private func takeLocked() -> StreamMessage? {
        guard head < buffer.count else { return nil }
        let message = buffer[head]
        head += 1
        if head == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            head = 0
        }
        return message
    }
}
