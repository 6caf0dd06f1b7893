import FleetCore

/// `update`'s share for the map pane: fitting it to the fleet, zoom, pan and centre.
extension DashboardModel {
    // MARK: - Map

    /// The map's picture in dots, as the layout gives it at this size.
    var mapDotSize: DotSize { DotSize(columns: layout.mapPicture.width, rows: layout.mapPicture.height) }

    /// While the map is shown and not fitted yet, fits it to the fleet (as filtered) once there is a position; while
    /// it follows the fleet (no zoom, pan or centre since), widens it, at most once a `followInterval`, when
    /// positions lie outside it.
    mutating func fitMapIfDue(_ rows: FleetRows) {
        guard map.shown else { return }
        if map.viewport != nil {
            guard map.following, now - map.checkedAt >= MapState.followInterval else { return }
            map.checkedAt = now
        }
        guard let bounds = MapState.bounds(of: rows.state, filter: filter) else { return }
        let size = mapDotSize
        if let viewport = map.viewport {
            let corners = [WorldPoint(x: bounds.minX, y: bounds.minY), WorldPoint(x: bounds.maxX, y: bounds.maxY)]
            guard corners.contains(where: { viewport.dot(for: $0, in: size) == nil }) else { return }
        }
        map.viewport = .fitting(bounds, in: size)
        map.following = true
        map.checkedAt = now
    }

    mutating func performMap(_ action: MapAction, rows: FleetRows) {
        if action == .fit {
            map.viewport = nil
            fitMapIfDue(rows)
            if map.viewport == nil { show(.info, "no vehicle with a position to fit") }
            return
        }
        guard let viewport = map.viewport else {
            show(.info, "no vehicle with a position on the map yet")
            return
        }
        let size = mapDotSize
        let moved: MapViewport
        switch action {
        case .zoomIn: moved = viewport.zoomed(by: 1)
        case .zoomOut: moved = viewport.zoomed(by: -1)
        case .panWest: moved = viewport.panned(dotsEast: -max(1, size.width / 4), dotsSouth: 0)
        case .panEast: moved = viewport.panned(dotsEast: max(1, size.width / 4), dotsSouth: 0)
        case .panNorth: moved = viewport.panned(dotsEast: 0, dotsSouth: -max(1, size.height / 4))
        case .panSouth: moved = viewport.panned(dotsEast: 0, dotsSouth: max(1, size.height / 4))
        case .centreOnSelection:
            guard let id = selectedVehicleID(in: rows) else {
                show(.warn, "no vehicle selected: select one in the Vehicles pane")
                return
            }
            guard let position = rows.vehicle(id)?.position?.value, let point = WorldPoint(position) else {
                show(.warn, "\(SafeText.sanitize(id)) has no position to centre on")
                return
            }
            moved = viewport.centred(on: point)
        case .fit: return
        }
        map.viewport = moved
        map.following = false  // the user moved the view: it stays where they put it
    }
}
