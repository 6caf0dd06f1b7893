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
    private var _unsettled: [Settlement] = []
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
                switch message {
                case let .event(event, settlement):
                    record(event, settlement, hold: { if case .hold = mode { true } else { false } }())
                    n += 1
                    if case let .paced(every) = mode, n % every == 0 { try? await Task.sleep(for: .milliseconds(1)) }
                case let .rejected(rejection):
                    lock.withLock { _rejections.append(rejection) }
                case let .status(status):
                    lock.withLock { _statuses.append(status) }
                }
            }
        }
    }

    private func record(_ event: Event, _ settlement: Settlement, hold: Bool) {
        lock.withLock {
            _deliveries[event.id, default: 0] += 1
            _events.append(event)
            if hold { _unsettled.append(settlement) }
        }
        if !hold { settlement.settle() }
    }

    func settleAll() {
        let held = lock.withLock { let h = _unsettled; _unsettled = []; return h }
        for settlement in held { settlement.settle() }
    }

    var deliveries: [String: Int] { lock.withLock { _deliveries } }
    var eventCount: Int { lock.withLock { _events.count } }
    var events: [Event] { lock.withLock { _events } }
    var rejections: [Rejection] { lock.withLock { _rejections } }
    var statuses: [StreamStatus] { lock.withLock { _statuses } }
    var latestStatus: StreamStatus? { lock.withLock { _statuses.last } }

    func cancel() { task?.cancel() }
}
