import FleetCore

/// The rows every pane shows, in display order, for one state, filter, quick filter and sort: what navigation
/// moves through and what views draw. Vehicles in the sort's order; logs newest first. Made by `RowIndex`.
public struct FleetRows {
    public let state: FleetState
    public let filter: VehicleFilter
    public let quickFilter: QuickFilter
    public let sort: VehicleSort
    /// The vehicles shown, in order.
    let ids: [String]
    /// Row by id, when `ids` is not in ascending id order (where a binary search finds it).
    let positions: [String: Int]?
    let logMatches: [Pane: [Int]]
    /// The fleet's alert counts (as of the last count: at most a second old); nil when the rows were made without
    /// the wall clock, which the counts need.
    public let alerts: AlertCounts?

    init(state: FleetState, ids: [String], positions: [String: Int]?, logMatches: [Pane: [Int]],
         filter: VehicleFilter, quickFilter: QuickFilter, sort: VehicleSort, alerts: AlertCounts?) {
        self.state = state
        self.ids = ids
        self.positions = positions
        self.logMatches = logMatches
        self.filter = filter
        self.quickFilter = quickFilter
        self.sort = sort
        self.alerts = alerts
    }

    /// Rows a pane shows now (matched by the filters).
    public func count(_ pane: Pane) -> Int {
        if pane == .map { return 0 }  // the map has no rows to move through
        if pane == .vehicles { return ids.count }
        return logMatches[pane]?.count ?? state.log(for: pane).count
    }

    /// Rows a pane would show without the filters.
    public func total(_ pane: Pane) -> Int {
        if pane == .map { return 0 }
        return pane == .vehicles ? state.vehicles.count : state.log(for: pane).count
    }

    /// The vehicle id at a row of the Vehicles pane.
    public func vehicleID(atRow row: Int) -> String? {
        ids.indices.contains(row) ? ids[row] : nil
    }

    /// The row of a vehicle in the Vehicles pane, if the filters show it.
    public func row(ofVehicle id: String) -> Int? {
        if let positions { return positions[id] }
        var low = 0, high = ids.count  // ascending ids: binary search
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }

    /// The entry at a row of a log pane (row 0 is the newest).
    public func entry(atRow row: Int, in pane: Pane) -> LogEntry? {
        guard pane.isLog, row >= 0 else { return nil }
        let entries = state.log(for: pane).entries
        if let matches = logMatches[pane] {
            return matches.indices.contains(row) ? entries[matches[row]] : nil
        }
        guard row < entries.count else { return nil }
        return entries[entries.count - 1 - row]
    }

    /// The row of an entry in a log pane, if it is still there.
    public func row(ofEntry entry: LogEntry, in pane: Pane) -> Int? {
        let n = count(pane)
        for row in 0..<n where self.entry(atRow: row, in: pane) == entry { return row }
        return nil
    }

    /// The vehicle a row of any pane is about.
    public func vehicleID(atRow row: Int, in pane: Pane) -> String? {
        pane == .vehicles ? vehicleID(atRow: row) : entry(atRow: row, in: pane)?.vehicleID
    }

    public func vehicle(_ id: String) -> Vehicle? { state.vehicles[id] }
}
