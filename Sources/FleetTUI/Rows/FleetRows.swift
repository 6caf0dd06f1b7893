import FleetCore

/// The rows every pane shows, in display order, for one state and filter: what navigation moves through and
/// what views draw. Vehicles are in id order; logs newest first. Made by `RowIndex.rows(for:filter:)`.
public struct FleetRows {
    public let state: FleetState
    public let filter: VehicleFilter
    let sortedIDs: [String]
    let filteredIDs: [String]?
    let logMatches: [Pane: [Int]]

    init(state: FleetState, sortedIDs: [String], filteredIDs: [String]?, logMatches: [Pane: [Int]],
         filter: VehicleFilter) {
        self.state = state
        self.sortedIDs = sortedIDs
        self.filteredIDs = filteredIDs
        self.logMatches = logMatches
        self.filter = filter
    }

    /// Rows a pane shows now (matched by the filter).
    public func count(_ pane: Pane) -> Int {
        if pane == .map { return 0 }  // the map has no rows to move through
        if pane == .vehicles { return (filteredIDs ?? sortedIDs).count }
        return logMatches[pane]?.count ?? state.log(for: pane).count
    }

    /// Rows a pane would show without the filter.
    public func total(_ pane: Pane) -> Int {
        if pane == .map { return 0 }
        return pane == .vehicles ? sortedIDs.count : state.log(for: pane).count
    }

    /// The vehicle id at a row of the Vehicles pane.
    public func vehicleID(atRow row: Int) -> String? {
        let ids = filteredIDs ?? sortedIDs
        return ids.indices.contains(row) ? ids[row] : nil
    }

    /// The row of a vehicle in the Vehicles pane, if the filter shows it (binary search: ids are sorted).
    public func row(ofVehicle id: String) -> Int? {
        let ids = filteredIDs ?? sortedIDs
        var low = 0, high = ids.count
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
