import FleetCore
import FleetTUI

/// The dashboard's long run, for the memory benchmark: a realistic event mix decoded, checked against the
/// consumer's dedup table and applied to the store, with a frame drawn from the store every chunk, as the UI
/// thread would. What stays resident afterwards is what the dashboard holds after a long day.
public enum LongRun {
    /// What the run left in the store.
    public struct Outcome: Sendable {
        public var vehicles: Int
        public var eventsApplied: Int
    }

    /// Runs `events` events over `vehicles` vehicles, a frame at 200×60 every 10,000 events.
    public static func run(events: Int, vehicles: Int) -> Outcome {
        let store = FleetStore()
        var seen = SeenEvents()  // the consumer's own table (the store keeps another)
        let decoder = EventDecoder()
        let index = RowIndex()
        let model = DashboardModel(size: FrameLoop.screen, stream: StreamStatus(state: .connected, endpoint: "bench"))
        var grid = CellGrid(size: FrameLoop.screen)
        var rejected = 0
        let chunk = 10_000
        // Bodies are made a chunk at a time: all of them at once would be 600 MB that the dashboard never holds.
        for first in stride(from: 0, to: events, by: chunk) {
            let bodies = EventMix.bodies(count: min(chunk, events - first), vehicles: vehicles, first: first)
            let arrival = Timestamp.now()
            store.modify { state in
                for body in bodies {
                    guard let event = try? decoder.decode(body: body) else {
                        rejected += 1
                        continue
                    }
                    if seen.insert(event.idHash) { state.apply(event, arrivedAt: arrival) }
                }
            }
            store.read { state in
                DashboardView.render(model, rows: index.rows(for: state, filter: model.filter, now: monotonicSeconds()),
                                     into: &grid)
            }
        }
        let outcome = store.read { Outcome(vehicles: $0.vehicles.count, eventsApplied: $0.eventsApplied) }
        precondition(rejected == 0 && outcome.eventsApplied == events, "the mix should decode and apply whole")
        return outcome
    }
}
