/// The fleet shared by the event consumer (which applies events) and the UI thread (which draws it), behind a
/// lock. The UI reads it in place under the lock rather than copying it: a copy would make the consumer's next
/// change copy all the vehicles.
public final class FleetStore: Sendable {
    private let state: Locked<FleetState>

    public init(_ state: FleetState = FleetState()) { self.state = Locked(state) }

    /// Changes the fleet.
    public func modify<T>(_ body: (inout FleetState) -> T) -> T {
        state.withLock(body)
    }

    /// Applies a batch from the event source, delivered at `arrivedAt` (see `FleetState.apply(_:arrivedAt:)`),
    /// under one lock. Answers the smoke detections among the events newly applied (alerts are raised after the
    /// lock is released) and how many events the fleet has applied in all.
    public func apply(_ events: [Event], arrivedAt: Timestamp) -> (smokeDetected: [Event], eventsApplied: Int) {
        modify { state in
            var smoke: [Event] = []
            state.apply(events, arrivedAt: arrivedAt) { event, outcome in
                if outcome == .applied && event.type == .smokeDetected { smoke.append(event) }
            }
            return (smoke, state.eventsApplied)
        }
    }

    /// Reads the fleet; keep `body` short, the consumer waits meanwhile.
    public func read<T>(_ body: (FleetState) -> T) -> T {
        state.withLock { body($0) }
    }
}
