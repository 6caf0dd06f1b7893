import FleetCore
import Foundation

/// The fleet shared by the event consumer (which applies events) and the UI thread (which draws it), behind a
/// lock. The UI reads it in place under the lock rather than copying it: a copy would make the consumer's next
/// change copy all the vehicles.
public final class FleetStore: @unchecked Sendable {  // `state` is only touched under `lock`
    private let lock = NSLock()
    private var state: FleetState

    public init(_ state: FleetState = FleetState()) { self.state = state }

    /// Changes the fleet.
    public func modify<T>(_ body: (inout FleetState) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }

    /// Reads the fleet; keep `body` short, the consumer waits meanwhile.
    public func read<T>(_ body: (FleetState) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(state)
    }
}
