import FleetCore

/// The Vehicles table: only the visible rows are looked up and drawn.
enum VehiclesView {
    static func render(_ model: DashboardModel, rows: FleetRows, layout: DashboardLayout, alerted: Set<String>,
                       into grid: inout CellGrid) {
        let box = layout.vehiclesBox
        let focused = model.focus == .vehicles && model.dialog == nil
        Box.draw(box, in: &grid, style: focused ? .borderFocus : .border)
        Box.title(DashboardView.titleParts(.vehicles, model: model, rows: rows), x: box.x, y: box.y,
                  maxColumns: box.width - 2, in: &grid)
        guard let content = layout.content[.vehicles], content.width > 0 else { return }
        let count = rows.count(.vehicles)
        let selected = model.selectedRow(.vehicles, in: rows)
        let top = model.scrollTop(.vehicles, selected: selected, count: count)
        let visible = max(0, min(content.height, count - top))
        // The name column is as wide as the longest name on screen, so only the visible rows are measured.
        var nameWidth = 0
        if model.columns.contains(.name) {
            for row in top..<(top + visible) {
                if let id = rows.vehicleID(atRow: row), let vehicle = rows.vehicle(id) {
                    nameWidth = max(nameWidth, DisplayWidth.of(VehicleColumns.name(of: vehicle)))
                }
            }
        }
        let columns = VehicleColumns(width: content.width, chosen: model.columns, nameWidth: nameWidth)
        for (column, x, width) in columns.layout {
            var heading = column.heading
            if column == model.sort.column { heading += model.sort.arrow }
            grid.put(heading, x: content.x + x, y: content.y - 1, maxColumns: width, style: .columnHeader)
        }
        if count == 0 {
            let empty = model.filter.isEmpty && model.quickFilter == .all ? "no vehicles yet" : "no vehicle matches"
            grid.put(empty, x: content.x + 1, y: content.y, maxColumns: content.width - 1, style: .muted)
            return
        }
        for line in 0..<visible {
            let row = top + line
            guard let id = rows.vehicleID(atRow: row), let vehicle = rows.vehicle(id) else { continue }
            let y = content.y + line
            let command = LockCommandMark.of(vehicle, in: model)
            for (column, x, width) in columns.layout {
                var (text, style) = VehicleColumns.value(column, of: vehicle, command: command, now: model.wallNow,
                                                         thresholds: model.thresholds)
                if alerted.contains(id), column == .smoke || column == .id {
                    if column == .smoke { text = "⚠" }
                    style = .smokeAlert
                }
                grid.put(text, x: content.x + x, y: y, maxColumns: width, style: style)
            }
            if row == selected {
                grid.restyle(Rect(x: content.x, y: y, width: content.width, height: 1), style: .selected)
            }
        }
    }
}
