import FleetCore

/// The dashboard's row order, cached between frames so a frame never sorts, filters or counts the whole fleet.
///
/// The order takes in a vehicle when it is added (`FleetState.membershipRevision`) and is rebuilt when the sort
/// changes, and, for a sort by a value that events change, at most once a second while they do
/// (`refreshInterval`). The filtered rows are made again when the filter or sort changes, and at most once a
/// second while the fleet changes (new vehicles included), or time alone does for a quick filter that time
/// changes (offline, stale); so are the alert counts. So a frame at 100,000 vehicles costs the visible rows, not
/// the fleet; what it shows may be up to a second behind the fleet.
public final class RowIndex {
    private let thresholds: AlertThresholds
    /// Seconds between rebuilds while the fleet changes (or the clock moves a time-bound filter).
    public var refreshInterval: Double

    private var ordered: [String] = []
    private var orderedAt: (membership: UInt64, revision: UInt64, sort: VehicleSort)?
    /// How many of the store's vehicles `ordered` holds: the store only appends, so the rest are the new ones.
    private var orderedCount = 0
    private var orderedAtTime = -Double.infinity

    private var shown: [String]?
    private var positions: [String: Int]?
    private var shownAt: (membership: UInt64, revision: UInt64, filter: VehicleFilter, quick: QuickFilter,
                          sort: VehicleSort)?
    private var shownAtTime = -Double.infinity

    private var alerts: AlertCounts?
    private var alertsAt: (revision: UInt64, time: Double)?

    private var logMatches: [Pane: [Int]] = [:]
    /// Per log pane: its log's revision and the filter its matches were made for.
    private var logsAt: [Pane: (revision: UInt64, filter: VehicleFilter)] = [:]
    /// When every pane was last matched again, and at which fleet revision.
    private var logsAllAt: (revision: UInt64, time: Double)?

    public init(thresholds: AlertThresholds = .standard, refreshInterval: Double = 1) {
        self.thresholds = thresholds
        self.refreshInterval = refreshInterval
    }

    /// The rows of every pane for `state` and the model's filters and sort. `now` is the monotonic clock (for
    /// the refresh interval), `wallNow` the wall clock (for what time changes: offline for, stale).
    public func rows(for state: FleetState, model: DashboardModel, now: Double) -> FleetRows {
        rows(for: state, filter: model.filter, quickFilter: model.quickFilter, sort: model.sort,
             wallNow: model.wallNow, now: now)
    }

    /// The rows of every pane. Use the result while `state` is not being mutated and let it go before the store
    /// is changed again (it holds `state`, so a later mutation would copy the fleet).
    public func rows(for state: FleetState, filter: VehicleFilter, quickFilter: QuickFilter = .all,
                     sort: VehicleSort = .standard, wallNow: Timestamp? = nil, now: Double = 0) -> FleetRows {
        let wall = wallNow ?? Timestamp(microseconds: 0)
        refreshOrder(state: state, sort: sort, wallNow: wall, now: now)
        refreshShown(state: state, filter: filter, quick: quickFilter, sort: sort, wallNow: wall, now: now)
        refreshAlerts(state: state, wallNow: wallNow, now: now)
        refreshLogs(state: state, filter: filter, now: now)
        let ids = shown ?? ordered
        let byPosition = sort == .standard ? nil : (shown == nil ? orderedPositions(state: state) : positions)
        return FleetRows(state: state, ids: ids, positions: byPosition, logMatches: logMatches, filter: filter,
                         quickFilter: quickFilter, sort: sort, alerts: alerts)
    }

    /// Row by id for `ordered`, built once per order (it is only needed when the order is not by id).
    private var orderedPositionsCache: [String: Int]?

    private func orderedPositions(state: FleetState) -> [String: Int] {
        if let cache = orderedPositionsCache { return cache }
        let map = Self.positions(of: ordered)
        orderedPositionsCache = map
        return map
    }

    private static func positions(of ids: [String]) -> [String: Int] {
        var map: [String: Int] = [:]
        map.reserveCapacity(ids.count)
        for (row, id) in ids.enumerated() { map[id] = row }
        return map
    }

    private func refreshOrder(state: FleetState, sort: VehicleSort, wallNow: Timestamp, now: Double) {
        if let at = orderedAt, at.sort == sort {
            let due = now - orderedAtTime >= refreshInterval
            if at.membership == state.membershipRevision {
                // By id, only membership matters; by a value, changes are taken in at most once an interval.
                if sort.column == .id || at.revision == state.revision || !due { return }
            } else if state.vehicles.count > orderedCount, sort.column == .id || !due {
                // New vehicles while catching up arrive nearly every frame: sorting the whole fleet each time was
                // two thirds of the dashboard's CPU. By id they are merged in (sorting only the new); by a value
                // they wait at the end until the next full sort, at most an interval away.
                let added = Array(state.vehicles.keys[orderedCount...])
                if sort.column == .id {
                    Self.insert(added.sorted(by: sort.descending ? (>) : (<)), into: &ordered,
                                descending: sort.descending)
                } else {
                    ordered += added
                }
                orderedCount = state.vehicles.count
                orderedPositionsCache = nil
                orderedAt = (state.membershipRevision, sort.column == .id ? state.revision : at.revision, sort)
                return
            }
        }
        ordered = sort.ordered(state.vehicles.values, now: wallNow)
        orderedCount = state.vehicles.count
        orderedPositionsCache = nil
        orderedAt = (state.membershipRevision, state.revision, sort)
        orderedAtTime = now
    }

    /// Inserts `added` into `ids`, both in order (ascending, or descending when `descending`), in place.
    ///
    /// Merging into a new array compared, copied and released every id on each frame that brought a new vehicle,
    /// which was most of the dashboard's CPU while catching up on 100,000 vehicles. Here `ids` grows by
    /// `added.count` and is filled from the back: a binary search finds where each new id goes and the old ids
    /// after it move as one block (a move touches no reference count), so a frame costs a search per new id and
    /// a memory move. `ids` is changed in place when uniquely referenced (the frame's rows are let go before the
    /// next one), else copied first.
    static func insert(_ added: [String], into ids: inout [String], descending: Bool) {
        guard !added.isEmpty else { return }
        let comesAfter: (String, String) -> Bool = descending ? { $0 < $1 } : { $0 > $1 }
        var old = ids.count - 1
        ids.append(contentsOf: added)
        var write = ids.count - 1
        ids.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // The appended copies are let go at once: from here on the slots old+1...write are uninitialized,
            // one for each new id still to be placed, and everything after `write` is final.
            (base + old + 1).deinitialize(count: added.count)
            for id in added.reversed() {
                var low = 0
                var high = old + 1
                while low < high {
                    let mid = low + (high - low) / 2
                    if comesAfter(base[mid], id) { high = mid } else { low = mid + 1 }
                }
                let moving = old + 1 - low
                (base + write + 1 - moving).moveInitialize(from: base + low, count: moving)
                old = low - 1
                write -= moving
                (base + write).initialize(to: id)
                write -= 1
            }
        }
    }

    private func refreshShown(state: FleetState, filter: VehicleFilter, quick: QuickFilter, sort: VehicleSort,
                              wallNow: Timestamp, now: Double) {
        if filter.isEmpty, quick == .all {
            shown = nil
            positions = nil
            shownAt = nil
            return
        }
        let timeBound = quick == .offline || quick == .stale
        // New vehicles wait for the next refilter as changed values do: a filtered dashboard catching up would
        // otherwise filter the whole fleet on nearly every frame. The rows kept meanwhile are still whole: the
        // store only adds vehicles, so every id in them is still there.
        if let at = shownAt, at.filter == filter, at.quick == quick, at.sort == sort, shown != nil {
            let changed = at.membership != orderedAt?.membership || at.revision != orderedAt?.revision
                || at.revision != state.revision || timeBound
            if !changed || now - shownAtTime < refreshInterval { return }
        }
        let vehicles = state.vehicles
        let thresholds = self.thresholds
        let ids = ordered.filter { id in
            guard let vehicle = vehicles[id] else { return false }
            return filter.matches(vehicle) && quick.matches(vehicle, thresholds: thresholds, now: wallNow)
        }
        shown = ids
        positions = sort == .standard ? nil : Self.positions(of: ids)
        shownAt = (state.membershipRevision, state.revision, filter, quick, sort)
        shownAtTime = now
    }

    private func refreshAlerts(state: FleetState, wallNow: Timestamp?, now: Double) {
        guard let wallNow else {
            alerts = nil
            alertsAt = nil
            return
        }
        if let at = alertsAt, now - at.time < refreshInterval { return }
        alerts = AlertCounts(state.vehicles.values, thresholds: thresholds, now: wallNow)
        alertsAt = (state.revision, now)
    }

    /// A filtered pane is matched again when its log moved, and every pane at most once an interval while the
    /// fleet changes (a plate or name that changed can change what matches): matching every pane on every event
    /// cost a frame at 100,000 vehicles more than drawing it.
    private func refreshLogs(state: FleetState, filter: VehicleFilter, now: Double) {
        if filter.isEmpty {
            logMatches = [:]
            logsAt = [:]
            logsAllAt = nil
            return
        }
        var all = false
        if logsAllAt?.revision != state.revision, now - (logsAllAt?.time ?? -.infinity) >= refreshInterval {
            all = true
            logsAllAt = (state.revision, now)
        }
        for pane in Pane.logs {
            let log = state.log(for: pane)
            if !all, let at = logsAt[pane], at.revision == log.revision, at.filter == filter { continue }
            let entries = log.entries
            var rows: [Int] = []
            // Newest first: walk the log backwards.
            var i = entries.count - 1
            while i >= 0 {
                let id = entries[i].vehicleID
                let v = state.vehicles[id]
                if filter.matches(id: id, plate: v?.plate?.value, name: v?.name?.value) { rows.append(i) }
                i -= 1
            }
            logMatches[pane] = rows
            logsAt[pane] = (log.revision, filter)
        }
    }
}
