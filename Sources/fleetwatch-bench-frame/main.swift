// fleetwatch-bench-frame: the cost of one dashboard frame at 1,000 and 100,000 vehicles on a 200×60 screen,
// and the CPU an idle dashboard uses. Run with `scripts/bench-frame` (release build).
//
// A frame here is what the UI thread does per redraw after events arrived: refresh the row caches for the
// state's new revision, draw the screen into the cell grid, and diff it against the last frame (what the ncurses
// backend does before painting). Applying the events is the consumer's cost and is not timed.
import FleetCore
import FleetTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let size = ScreenSize(width: 200, height: 60)

func makeFleet(_ n: Int) -> FleetState {
    var state = FleetState()
    let t0 = Timestamp(iso8601: "2026-11-28T08:00:00Z")!
    for i in 0..<n {
        let id = "VEH-\(String(i, radix: 36).uppercased())"
        let resource = VehicleResource(
            id: id, masterData: MasterData(licensePlate: "B-FW \(i % 10_000)", customName: "Golf \(i % 97)"),
            lifeStatus: StatusValue(i % 7 == 0 ? .offline : .online),
            rentalStatus: StatusValue(i % 3 == 0 ? .inRental : .notInRental))
        state.apply(Event(id: "seed-\(i)", type: .vehicleChanged, occurredAt: t0.adding(seconds: Double(i % 3600)),
                          vehicleID: id,
                          payload: .vehicleChanged(VehicleChange(reasons: [.rentalStatusChanged, .lifeStatusChanged],
                                                                 vehicle: resource))),
                    arrivedAt: .now())
    }
    return state
}

/// An event that changes one vehicle (not membership): what a live frame follows.
func liveEvent(_ k: Int, fleetSize n: Int) -> Event {
    let id = "VEH-\(String(k * 7919 % n, radix: 36).uppercased())"
    let resource = VehicleResource(id: id, rentalStatus: StatusValue(k % 2 == 0 ? .inRental : .notInRental))
    return Event(id: "live-\(k)", type: .vehicleChanged,
                 occurredAt: Timestamp(iso8601: "2026-11-28T10:00:00Z")!.adding(seconds: Double(k)),
                 vehicleID: id,
                 payload: .vehicleChanged(VehicleChange(reasons: [.rentalStatusChanged], vehicle: resource)))
}

/// Median microseconds per frame over `frames` frames, each after one live event.
func frameCost(vehicles n: Int, frames: Int, filter: String = "") -> (median: Double, p99: Double) {
    var state = makeFleet(n)
    let index = RowIndex()
    var model = DashboardModel(size: size, stream: StreamStatus(state: .connected, endpoint: "bench"))
    model.filter = VehicleFilter(filter)
    // Select a vehicle in the middle, so the frame scrolls there (not just the first page).
    let middle = index.rows(for: state, filter: model.filter)
    if let id = middle.vehicleID(atRow: middle.count(.vehicles) / 2) { model.selections[.vehicles] = .vehicle(id) }
    var previous = CellGrid(size: size)
    var grid = CellGrid(size: size)
    var samples: [Double] = []
    var changedCells = 0
    for k in 0..<(frames + 20) {
        state.apply(liveEvent(k, fleetSize: n), arrivedAt: .now())
        let t = monotonicSeconds()
        let rows = index.rows(for: state, filter: model.filter, now: t)
        DashboardView.render(model, rows: rows, into: &grid)
        for i in grid.cells.indices where grid.cells[i] != previous.cells[i] { changedCells += 1 }
        let elapsed = monotonicSeconds() - t
        swap(&previous, &grid)
        if k >= 20 { samples.append(elapsed * 1e6) }  // the first frames warm caches
    }
    precondition(changedCells > 0)
    samples.sort()
    return (samples[samples.count / 2], samples[samples.count * 99 / 100])
}

/// A source with nothing to say.
struct SilentSource: EventSource {
    func subscribe() -> AsyncStream<StreamMessage> {
        AsyncStream { $0.yield(.status(StreamStatus(state: .connected, endpoint: "idle"))) }
    }
    func start() {}
    func stop() {}
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_stime.tv_usec) / 1e6
}

/// CPU used by an idle dashboard (1,000 vehicles, no events) over `seconds`, and frames drawn meanwhile.
func idle(seconds: Double) -> (cpuPercent: Double, frames: Int) {
    let store = FleetStore(makeFleet(1000))
    let runtime = DashboardRuntime(source: SilentSource(), commands: nil, store: store,
                                   configuration: DashboardConfiguration(endpoint: "idle"))
    let terminal = MemoryTerminal(size: size)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        runtime.runUserInterface(on: terminal)
        done.signal()
    }
    runtime.startConsuming()
    thread.start()
    // Let the first frame and the connection status settle (a flash, if any, expires on its own timer).
    let settleDeadline = monotonicSeconds() + 5
    while terminal.frames == 0 || !(terminal.lastFrame?.lines.first?.contains("connected") ?? false) {
        if monotonicSeconds() > settleDeadline { break }
        usleep(10_000)
    }
    usleep(200_000)
    let framesBefore = terminal.frames
    let cpuBefore = cpuSeconds(), wallBefore = monotonicSeconds()
    usleep(UInt32(seconds * 1e6))
    let cpu = cpuSeconds() - cpuBefore, wall = monotonicSeconds() - wallBefore
    let frames = terminal.frames - framesBefore
    runtime.requestQuit()
    done.wait()
    runtime.stop()
    return (cpu / wall * 100, frames)
}

func format(_ us: Double) -> String { String(format: "%.0f µs", us) }

print("fleetwatch frame benchmark: 200×60 screen, one live event before each frame (median of 2,000 frames)")
let small = frameCost(vehicles: 1_000, frames: 2_000)
let large = frameCost(vehicles: 100_000, frames: 2_000)
let ratio = large.median / small.median
print("  1,000 vehicles:    \(format(small.median)) per frame (p99 \(format(small.p99)))")
print("  100,000 vehicles:  \(format(large.median)) per frame (p99 \(format(large.p99)))")
print(String(format: "  ratio 100k/1k:     %.2f×   (target: ≤ 2,000 µs and ≤ 1.5×: %@)", ratio,
             large.median <= 2000 && ratio <= 1.5 ? "met" : "NOT met"))
let filtered = frameCost(vehicles: 100_000, frames: 2_000, filter: "veh-1")
print("  100,000 vehicles, filter /veh-1: \(format(filtered.median)) per frame (p99 \(format(filtered.p99)); "
      + "the full refilter runs at most once a second)")
let (cpu, frames) = idle(seconds: 3)
print(String(format: "  idle, 3 s, 1,000 vehicles, no events: %.2f %% CPU, %d frames drawn", cpu, frames))

