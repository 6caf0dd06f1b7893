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
        let columns = VehicleColumns(width: content.width)
        for (column, x, width) in columns.layout {
            grid.put(column.heading, x: content.x + x, y: content.y - 1, maxColumns: width, style: .columnHeader)
        }
        let count = rows.count(.vehicles)
        if count == 0 {
            let empty = model.filter.isEmpty ? "no vehicles yet" : "no vehicle matches /\(model.filter.text)"
            grid.put(empty, x: content.x + 1, y: content.y, maxColumns: content.width - 1, style: .muted)
            return
        }
        let selected = model.selectedRow(.vehicles, in: rows)
        let top = model.scrollTop(.vehicles, selected: selected, count: count)
        for line in 0..<min(content.height, count - top) {
            let row = top + line
            guard let id = rows.vehicleID(atRow: row), let vehicle = rows.vehicle(id) else { continue }
            let y = content.y + line
            let command = LockCommandMark.of(vehicle, in: model)
            for (column, x, width) in columns.layout {
                var (text, style) = VehicleColumns.value(column, of: vehicle, command: command)
                if alerted.contains(id), column == .marker || column == .id {
                    if column == .marker { text = "⚠" }
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
