import FleetCore
import FleetTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard's resident memory after a long run (DESIGN: 100,000 vehicles after 1,000,000 events in at most
/// 200 MB): the event mix decoded, checked against the consumer's dedup table and applied to the store, with a
/// frame drawn from the store every chunk, as the UI thread would. The baseline is the process's own resident
/// size before any of it; memory is not noisy the way time is, so the figures are absolute.
enum MemoryBenchmark {
    static func run(events: Int, vehicles: Int, target: Double = 200) {
        print("memory: \(Harness.format(Double(events))) events over \(Harness.format(Double(vehicles))) vehicles, "
              + "decoded, deduplicated, applied, and drawn at 200×60 every 10,000 events")
        let before = residentBytes()
        let store = FleetStore()
        var seen = SeenEvents()  // the consumer's own table (the store keeps another)
        let decoder = EventDecoder()
        let index = RowIndex()
        let size = ScreenSize(width: 200, height: 60)
        let model = DashboardModel(size: size, stream: StreamStatus(state: .connected, endpoint: "bench"))
        var grid = CellGrid(size: size)
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
                    if seen.insert(stableHash(event.id)) { state.apply(event, arrivedAt: arrival) }
                }
            }
            store.read { state in
                DashboardView.render(model, rows: index.rows(for: state, filter: model.filter, now: monotonicSeconds()),
                                     into: &grid)
            }
        }
        let after = residentBytes()
        let (count, applied, logs) = store.read { state in
            (state.vehicles.count, state.eventsApplied,
             [state.rentals.count, state.lifeChanges.count, state.trips.count, state.smoke.count])
        }
        precondition(rejected == 0 && applied == events, "the mix should decode and apply whole")
        let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        print("  resident before: \(mb(before))   after: \(mb(after))   peak: \(mb(peakResidentBytes()))")
        print("  the store: \(Harness.format(Double(count))) vehicles, \(Harness.format(Double(applied))) events "
              + "applied; pane logs \(logs.map { Harness.format(Double($0)) }.joined(separator: " / ")) entries")
        print("  \(mb((after - before) / max(count, 1) * 1000)) per 1,000 vehicles above the baseline")
        let met = Double(after) / 1_048_576 <= target
        print("target: ≤ \(Int(target)) MB resident after the run: \(met ? "met" : "NOT met") (\(mb(after)))")
    }

    /// The process's resident set now (`/proc/self/statm`), in bytes.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The largest resident set the process has had, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
