import FleetCore
import Foundation

/// An event source the test drives by hand; counts settlements.
final class FakeSource: EventSource, @unchecked Sendable {  // state under `lock`
    private let lock = NSLock()
    private var continuations: [AsyncStream<StreamMessage>.Continuation] = []
    private var settledCount = 0

    func subscribe() -> AsyncStream<StreamMessage> {
        let (stream, continuation) = AsyncStream<StreamMessage>.makeStream()
        lock.withLock { continuations.append(continuation) }
        return stream
    }

    func start() { emit(.status(StreamStatus(state: .connected, endpoint: "fake"))) }
    func stop() { lock.withLock { continuations }.forEach { $0.finish() } }

    func emit(_ message: StreamMessage) { lock.withLock { continuations }.forEach { $0.yield(message) } }

    func emit(_ event: Event) {
        emit(.events(EventBatch([event]) { [self] count in lock.withLock { settledCount += count } }))
    }

    var settled: Int { lock.withLock { settledCount } }
}

/// Commands that succeed at once with the state a real lock would report.
struct FakeCommands: VehicleCommands {
    /// What `answerWarnings()` says (an absurd token lifetime, say).
    var warnings: [String] = []

    func send(_ command: VehicleCommand, to vehicleID: String) async throws(CommandFailure) -> CommandResult {
        let lock: LockState = command == .lockCentralLock ? .locked : .unlocked
        return CommandResult(state: VehicleState(centralLock: Reading(lock, at: Timestamp(seconds: 4_000_000_000))),
                             flowID: "flow-\(vehicleID)")
    }

    func allVehicles() async throws(CommandFailure) -> [VehicleResource] {
        [VehicleResource(id: "SNAP1", masterData: MasterData(licensePlate: "S-NAP 1"))]
    }

    func answerWarnings() async -> [String] { warnings }
}

