import FleetCore
import FleetTUI

/// A dashboard's UI thread, frame after frame, over a fleet that one live event changes before each frame.
///
/// A frame is what the UI thread does per redraw after events arrived: refresh the row caches for the state's
/// new revision, draw the screen into the cell grid, and diff it against the last frame (what the ncurses backend
/// does before painting). Applying the event is the consumer's cost: `advance()` does it, outside the frame.
public final class FrameLoop {
    /// The screen every frame benchmark draws.
    public static let screen = ScreenSize(width: 200, height: 60)

    private let fleetSize: Int
    private var state: FleetState
    private let index = RowIndex()
    private let mapIndex = MapIndex()
    private let map: Bool
    private var model: DashboardModel
    private var previous: CellGrid
    private var grid: CellGrid
    private var live = 0
    /// Cells that differed from the previous frame, over all frames: a frame that changes nothing drew nothing.
    public private(set) var changedCells = 0

    /// A fleet of `vehicles`, the vehicle in the middle of the list selected (so frames scroll there, not only
    /// the first page), and `filter` typed into the filter prompt. With `map`, every vehicle has a position and the
    /// map is open (as `m` opens it: fitted to the fleet); the wall clock is 09:00, so positions stamped before 08:15
    /// are stale (a quarter of the large fleet, most of the small one: both draw dim and bright dots).
    /// With `sorted`, the table is sorted by charge, descending (re-sorted at most once a second as events change
    /// charges).
    public init(vehicles: Int, filter: String = "", map: Bool = false, sorted: Bool = false) {
        fleetSize = vehicles
        self.map = map
        state = map ? FleetFixture.positionedFleet(vehicles) : FleetFixture.fleet(vehicles)
        model = DashboardModel(size: Self.screen, stream: StreamStatus(state: .connected, endpoint: "bench"))
        model.filter = VehicleFilter(filter)
        if sorted { model.sort = VehicleSort(.charge, descending: true) }
        let rows = index.rows(for: state, filter: model.filter)
        if let id = rows.vehicleID(atRow: rows.count(.vehicles) / 2) { model.selections[.vehicles] = .vehicle(id) }
        if map {
            _ = model.update(.tick(now: 0, wall: Timestamp(iso8601: "2026-11-28T09:00:00Z")!), rows: rows)
            _ = model.update(.key(.character("m")), rows: rows)
        }
        previous = CellGrid(size: Self.screen)
        grid = CellGrid(size: Self.screen)
    }

    /// Applies the next live event: the consumer's work between two frames.
    public func advance() {
        let event = map ? FleetFixture.liveMapEvent(live, fleetSize: fleetSize)
            : FleetFixture.liveEvent(live, fleetSize: fleetSize)
        state.apply(event, arrivedAt: .now())
        live += 1
    }

    /// Draws one frame and diffs it against the previous one.
    public func frame() {
        let rows = index.rows(for: state, model: model, now: monotonicSeconds())
        DashboardView.render(model, rows: rows, map: mapIndex, into: &grid)
        for i in grid.cells.indices where grid.cells[i] != previous.cells[i] { changedCells += 1 }
        swap(&previous, &grid)
    }
}
