import FleetCore

/// The map's picture of a fleet, kept between frames so that a frame costs the vehicles that changed, not the
/// fleet (as `RowIndex` does for the rows).
///
/// Per vehicle it keeps the projected position, status, position time and filter match, and where the vehicle is
/// counted in the `MapRaster`. Each frame it reads the store's `VehicleChangeJournal` and moves only the vehicles
/// changed since: the trigonometry of the projection runs once per change of a vehicle, not once per frame. A new
/// view (zoom, pan, size) or a new stale cutoff places every vehicle again from the kept projections, without the
/// trigonometry; a new filter, an unrelated state or a journal that has forgotten the changes rebuilds it all.
public final class MapIndex {
    private struct Entry {
        enum Kind: UInt8 { case absent, noPosition, invalid, positioned }
        var kind: Kind = .absent
        var matches = false
        var point = WorldPoint(x: 0, y: 0)
        var time: Int64 = .min
        var status = MapStatus.unknown
        /// The dot it is counted on in the raster (y × width + x), -1 when not drawn.
        var placedDot: Int32 = -1
        var placedStatus = MapStatus.unknown
    }

    /// What the picture was made for.
    private struct Placement: Equatable {
        var viewport: MapViewport
        var columns: Int
        var rows: Int
        var staleBefore: Timestamp?
    }

    private var entries: [Entry] = []
    private var lineage: UInt64 = 0
    private var mark: UInt64 = 0
    private var filter: VehicleFilter?
    private var placement: Placement?
    private var raster = MapRaster(columns: 0, rows: 0)
    private var counts = MapCounts()
    /// Full rebuilds so far (tests check that a frame after one event did not rebuild).
    package private(set) var rebuilds = 0

    public init() {}

    /// The picture of `state`'s vehicles that `filter` lets through, in a pane of `columns` × `rows` cells seen
    /// through `viewport`; positions stamped before `staleBefore` count as stale (none when it is nil).
    public func picture(for state: FleetState, filter: VehicleFilter, viewport: MapViewport, columns: Int, rows: Int,
                        staleBefore: Timestamp?) -> MapPicture {
        let wanted = Placement(viewport: viewport, columns: max(0, columns), rows: max(0, rows),
                               staleBefore: staleBefore)
        let journal = state.vehicleChanges
        let vehicles = state.vehicles.values
        var changed: [Int]?
        if journal.lineage == lineage, filter == self.filter, entries.count <= vehicles.count {
            changed = journal.changes(since: mark)
        }
        if let changed {
            if entries.count < vehicles.count {
                entries.append(contentsOf: repeatElement(Entry(), count: vehicles.count - entries.count))
            }
            if wanted == placement {
                for i in changed where i >= 0 && i < entries.count {
                    unplace(i)
                    entries[i] = Self.entry(vehicles[i], filter)
                    place(i, wanted)
                }
            } else {
                for i in changed where i >= 0 && i < entries.count {
                    entries[i] = Self.entry(vehicles[i], filter)
                }
                placeAll(wanted)
            }
        } else {
            rebuilds += 1
            entries = vehicles.map { Self.entry($0, filter) }
            placeAll(wanted)
        }
        lineage = journal.lineage
        mark = journal.mark
        self.filter = filter
        return MapPicture(raster: raster, counts: counts)
    }

    private static func entry(_ vehicle: Vehicle, _ filter: VehicleFilter) -> Entry {
        var entry = Entry()
        entry.matches = filter.isEmpty || filter.matches(vehicle)
        guard entry.matches else { return entry }
        guard let position = vehicle.position else {
            entry.kind = .noPosition
            return entry
        }
        guard let point = WorldPoint(position.value) else {
            entry.kind = .invalid
            return entry
        }
        entry.kind = .positioned
        entry.point = point
        entry.time = position.stamp.time.microseconds
        entry.status = MapStatus(current: vehicle)
        return entry
    }

    private func placeAll(_ wanted: Placement) {
        if raster.columns != wanted.columns || raster.rows != wanted.rows {
            raster = MapRaster(columns: wanted.columns, rows: wanted.rows)
        } else {
            raster.clear()
        }
        counts = MapCounts()
        placement = wanted
        for i in entries.indices {
            entries[i].placedDot = -1
            place(i, wanted)
        }
    }

    /// Counts entry `i` in the raster (if it falls in the view) and in the counts.
    private func place(_ i: Int, _ wanted: Placement) {
        let entry = entries[i]
        guard entry.matches else { return }
        switch entry.kind {
        case .absent: return
        case .noPosition: counts.noPosition += 1
        case .invalid: counts.invalid += 1
        case .positioned:
            let stale = wanted.staleBefore.map { entry.time < $0.microseconds } ?? false
            let status = stale ? MapStatus.stale : entry.status
            if stale { counts.stale += 1 }
            let size = raster.dotSize
            if let dot = wanted.viewport.dot(for: entry.point, in: size) {
                raster.add(dotX: dot.x, dotY: dot.y, status: status)
                entries[i].placedDot = Int32(truncatingIfNeeded: dot.y * size.width + dot.x)
                entries[i].placedStatus = status
                counts.drawn += 1
            } else {
                counts.outside += 1
            }
        }
    }

    /// Takes back `place(i, placement)`.
    private func unplace(_ i: Int) {
        let entry = entries[i]
        guard entry.matches else { return }
        switch entry.kind {
        case .absent: return
        case .noPosition: counts.noPosition -= 1
        case .invalid: counts.invalid -= 1
        case .positioned:
            let stale = placement?.staleBefore.map { entry.time < $0.microseconds } ?? false
            if stale { counts.stale -= 1 }
            if entry.placedDot >= 0 {
                let width = raster.dotSize.width
                let dot = Int(entry.placedDot)
                raster.remove(dotX: dot % width, dotY: dot / width, status: entry.placedStatus)
                entries[i].placedDot = -1
                counts.drawn -= 1
            } else {
                counts.outside -= 1
            }
        }
    }
}
