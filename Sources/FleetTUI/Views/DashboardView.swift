import FleetCore

/// Draws the whole screen, a function of the fleet (as `FleetRows`) and the model. Never mutates either.
public enum DashboardView {
    /// Renders into `grid`, which must be the model's size. `map` keeps the map's picture between frames; give the
    /// same one every frame (a fresh one draws the same screen, at the cost of projecting the whole fleet).
    public static func render(_ model: DashboardModel, rows: FleetRows, map: MapIndex = MapIndex(),
                              into grid: inout CellGrid) {
        grid.clear()
        let layout = model.layout
        if layout.isTooSmall {
            TooSmallView.render(size: model.size, into: &grid)
            return
        }
        HeaderView.render(model, rows: rows, in: layout.header, into: &grid)
        let alerted = Set(model.smokeAlerts.map(\.vehicleID))
        VehiclesView.render(model, rows: rows, layout: layout, alerted: alerted, into: &grid)
        if model.map.shown {
            MapView.render(model, rows: rows, layout: layout, index: map, into: &grid)
        } else {
            LogPanesView.render(model, rows: rows, layout: layout, alerted: alerted, into: &grid)
        }
        StatusLineView.render(model, rows: rows, in: layout.status, into: &grid)
        if let detail = model.detail { VehicleDetailView.render(detail, model: model, rows: rows, into: &grid) }
        if model.helpOpen { HelpView.render(model, into: &grid) }
        if let dialog = model.dialog { DialogView.render(dialog, into: &grid) }
    }

    /// A fresh grid of the model's size with the screen drawn in it.
    public static func render(_ model: DashboardModel, rows: FleetRows, map: MapIndex = MapIndex()) -> CellGrid {
        var grid = CellGrid(size: model.size)
        render(model, rows: rows, map: map, into: &grid)
        return grid
    }

    /// Title parts for a pane: the name, the matched/total count, and the filter when one is active.
    static func titleParts(_ pane: Pane, model: DashboardModel, rows: FleetRows) -> [(String, StyleSlot)] {
        var parts: [(String, StyleSlot)] = [(pane.title, .title)]
        let filtered = !model.filter.isEmpty
        if pane == .map {
            return filtered ? parts + [(" [/\(model.filter.text)]", .titleFilter)] : parts
        }
        if pane == .vehicles || filtered {
            parts.append((" \(rows.count(pane))/\(rows.total(pane))", .title))
        }
        if pane == .vehicles, model.quickFilter != .all {
            parts.append((" [\(model.quickFilter.rawValue)]", .titleFilter))
        }
        if filtered, pane == .vehicles {
            parts.append((" [/\(model.filter.text)]", .titleFilter))
        }
        return parts
    }
}
