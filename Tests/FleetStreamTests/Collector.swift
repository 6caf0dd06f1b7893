import FleetCore
import FleetStream
import Foundation

/// A subscriber for tests: records what a stream delivers and settles each event (optionally not, or slowly).
final class Collector: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var _deliveries: [String: Int] = [:]
    private var _events: [Event] = []
    private var _rejections: [Rejection] = []
    private var _statuses: [StreamStatus] = []
    private var _unsettled: [EventBatch] = []
    private var _threads: Set<String> = []
    private var task: Task<Void, Never>?

    enum Mode: Sendable {
        case settle
        /// Keep the settlements; `settleAll()` settles them later.
        case hold
        /// Settle, but pause 1 ms every `every` events: a slow store, so that faults hit a stream in flight.
        case paced(every: Int)
    }

    init(_ stream: AsyncStream<StreamMessage>, mode: Mode = .settle) {
        task = Task { [self] in
            var n = 0
            for await message in stream {
                guard let batch = record(message) else { continue }
                switch mode {
                case .settle: batch.settle()
                case .hold: lock.withLock { _unsettled.append(batch) }
                case let .paced(every):
                    // A slow store: a pause for every `every` events applied, then the settlement.
                    let before = n
                    n += batch.events.count
                    for _ in 0..<(n / every - before / every) { try? await Task.sleep(for: .milliseconds(1)) }
                    batch.settle()
                }
            }
        }
    }

    /// An inline subscriber (`subscribe(onMessage:)`): records on the source's thread, and which thread that was.
    init(inline source: some EventSource, hold: Bool = false) {
        source.subscribe { [self] message in
            guard let batch = record(message) else { return }
            lock.withLock { _ = _threads.insert(Thread.current.name ?? "unnamed") }
            if hold { lock.withLock { _unsettled.append(batch) } } else { batch.settle() }
        }
    }

    /// The names of the threads that delivered events to an inline collector.
    var threads: Set<String> { lock.withLock { _threads } }

    /// Settles the first `count` events held so far (the batches in order, the last one maybe in part).
    func settleFirst(_ count: Int) {
        let held = lock.withLock { _unsettled }
        var left = count
        for batch in held where left > 0 {
            batch.settle(first: left)
            left -= batch.events.count
        }
    }

    /// Records `message`; returns its batch, for the caller to settle (or hold), when it carries events.
    private func record(_ message: StreamMessage) -> EventBatch? {
        lock.withLock {
            switch message {
            case let .events(batch):
                for event in batch.events { _deliveries[event.id, default: 0] += 1 }
                _events.append(contentsOf: batch.events)
                return batch
            case let .rejected(rejection):
                _rejections.append(rejection)
            case let .status(status):
                _statuses.append(status)
            }
            return nil
        }
    }

    func settleAll() {
        let held = lock.withLock { let h = _unsettled; _unsettled = []; return h }
        for batch in held { batch.settle() }
    }

    var deliveries: [String: Int] { lock.withLock { _deliveries } }
    var eventCount: Int { lock.withLock { _events.count } }
    var events: [Event] { lock.withLock { _events } }
    var rejections: [Rejection] { lock.withLock { _rejections } }
    var statuses: [StreamStatus] { lock.withLock { _statuses } }
    var latestStatus: StreamStatus? { lock.withLock { _statuses.last } }

    func cancel() { task?.cancel() }
}
