import FleetCore

/// The dashboard's row order, cached between frames so a frame never sorts or filters the whole fleet.
///
/// Vehicles are sorted by id once per change of membership (`FleetState.membershipRevision`), and filtered once
/// per change of the filter or membership. A vehicle whose plate or name changes under an active filter is
/// re-checked at the next full refilter, which runs at most once a second while events flow (`refilterInterval`)
/// — so a frame at 100,000 vehicles costs the visible rows, not the fleet.
public final class RowIndex {
    private var sortedIDs: [String] = []
    private var sortedAt: UInt64?

    private var filteredIDs: [String]?
    private var filterUsed = VehicleFilter.none
    private var filteredAtMembership: UInt64?
    private var filteredAtRevision: UInt64 = 0
    private var filteredAtTime = -Double.infinity

    private var logMatches: [Pane: [Int]] = [:]
    private var logsAt: (revision: UInt64, filter: VehicleFilter)?

    /// Seconds between full refilters while the fleet changes under an active filter.
    public var refilterInterval: Double

    public init(refilterInterval: Double = 1) { self.refilterInterval = refilterInterval }

    /// The rows of every pane for `state` and `filter`. Use the result while `state` is not being mutated and let
    /// it go before the store is changed again (it holds `state`, so a later mutation would copy the fleet).
    public func rows(for state: FleetState, filter: VehicleFilter, now: Double = 0) -> FleetRows {
        if sortedAt != state.membershipRevision {
            sortedIDs = state.vehicles.keys.sorted()
            sortedAt = state.membershipRevision
        }
        refreshVehicleFilter(state: state, filter: filter, now: now)
        refreshLogs(state: state, filter: filter)
        return FleetRows(state: state, sortedIDs: sortedIDs, filteredIDs: filteredIDs, logMatches: logMatches,
                         filter: filter)
    }

    private func refreshVehicleFilter(state: FleetState, filter: VehicleFilter, now: Double) {
        if filter.isEmpty {
            filteredIDs = nil
            filterUsed = filter
            return
        }
        let stale = filter != filterUsed || filteredAtMembership != state.membershipRevision || filteredIDs == nil
            || (filteredAtRevision != state.revision && now - filteredAtTime >= refilterInterval)
        guard stale else { return }
        let vehicles = state.vehicles
        filteredIDs = sortedIDs.filter { id in vehicles[id].map(filter.matches) ?? false }
        filterUsed = filter
        filteredAtMembership = state.membershipRevision
        filteredAtRevision = state.revision
        filteredAtTime = now
    }

    private func refreshLogs(state: FleetState, filter: VehicleFilter) {
        if filter.isEmpty {
            logMatches = [:]
            logsAt = nil
            return
        }
        if let at = logsAt, at.revision == state.revision, at.filter == filter { return }
        var matches: [Pane: [Int]] = [:]
        for pane in Pane.logs {
            let entries = state.log(for: pane).entries
            var rows: [Int] = []
            // Newest first: walk the log backwards.
            var i = entries.count - 1
            while i >= 0 {
                let id = entries[i].vehicleID
                let v = state.vehicles[id]
                if filter.matches(id: id, plate: v?.plate?.value, name: v?.name?.value) { rows.append(i) }
                i -= 1
            }
            matches[pane] = rows
        }
        logMatches = matches
        logsAt = (state.revision, filter)
    }
}
