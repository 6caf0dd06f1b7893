import FleetCore

/// `update`'s share for what the Vehicles table shows and which row is selected: sort, quick filter, filter,
/// clicks and moves.
extension DashboardModel {
    /// `s` moves the sort to the next shown column, ascending; `S` turns the order round. The selection stays on
    /// its vehicle (selections are by id); the view scrolls to it.
    mutating func cycleSort(reverse: Bool, rows: FleetRows) {
        if reverse {
            sort.descending.toggle()
        } else {
            let shown = columns.filter { $0 != .smoke || columns.count == 1 }
            let i = shown.firstIndex(of: sort.column).map { ($0 + 1) % shown.count } ?? 0
            sort = VehicleSort(shown[i])
        }
        scrollTops[.vehicles] = nil
        show(.info, "sorted by \(sort.column.rawValue) \(sort.descending ? "descending" : "ascending")")
    }

    /// After the quick filter changed: a selection it hides is dropped (the first row is then selected).
    mutating func keepSelectionIfShown(rows: FleetRows) {
        if case let .vehicle(id)? = selections[.vehicles], let vehicle = rows.vehicle(id), let wall = wallNow,
           quickFilter.matches(vehicle, thresholds: thresholds, now: wall) {
            return
        }
        selections[.vehicles] = nil
        lastRows[.vehicles] = nil
        scrollTops[.vehicles] = nil
    }

    /// A filter the user types moves the selection to the first match when it hides the selected vehicle: the
    /// user sees that row selected before any key can act on it. (Rows that change under the user, by events,
    /// leave nothing selected instead: see `selectedRow`.)
    mutating func applyFilter(_ new: VehicleFilter, rows: FleetRows) {
        filter = new
        if case let .vehicle(id)? = selections[.vehicles], let vehicle = rows.vehicle(id), new.matches(vehicle) {
            return
        }
        selections[.vehicles] = nil
        lastRows[.vehicles] = nil
        scrollTops[.vehicles] = nil
    }

    // MARK: - Selection

    /// A click focuses the pane under it and selects the row it hit; the wheel moves that pane's selection by
    /// three rows. Outside every pane (header, status line) it does nothing.
    mutating func pointer(_ event: MouseEvent, rows: FleetRows) {
        let layout = self.layout
        guard !layout.isTooSmall,
              let pane = visiblePanes.first(where: { layout.box(of: $0).contains(x: event.x, y: event.y) })
        else { return }
        focus = pane
        if pane == .map { return }  // the map has no rows: a click focuses it (its keys then pan)
        switch event.kind {
        case .click:
            guard let content = layout.content[pane], content.contains(x: event.x, y: event.y) else { return }
            let count = rows.count(pane)
            let top = scrollTop(pane, selected: selectedRow(pane, in: rows), count: count)
            let row = top + (event.y - content.y)
            if row < count { move(to: row, rows: rows) }
        case .wheelUp: move(by: -3, rows: rows)
        case .wheelDown: move(by: 3, rows: rows)
        }
    }

    mutating func move(by delta: Int, rows: FleetRows) {
        if let current = selectedRow(focus, in: rows) {
            move(to: current + delta, rows: rows)
        } else if selections[focus] != nil, let last = lastRows[focus] {
            move(to: last, rows: rows)  // the selection left: select what is now nearest to where it was
        } else {
            move(to: delta > 0 ? 0 : rows.count(focus) - 1, rows: rows)
        }
    }

    /// Selects a row of the focused pane; a log pane's selection also selects its vehicle in the Vehicles pane.
    mutating func move(to row: Int, rows: FleetRows) {
        let count = rows.count(focus)
        guard count > 0 else { return }
        let row = min(max(0, row), count - 1)
        lastRows[focus] = row
        if focus == .vehicles {
            if let id = rows.vehicleID(atRow: row) { selections[.vehicles] = .vehicle(id) }
        } else if let entry = rows.entry(atRow: row, in: focus) {
            selections[focus] = .entry(entry)
            if let vehicleRow = rows.row(ofVehicle: entry.vehicleID) {
                selections[.vehicles] = .vehicle(entry.vehicleID)
                lastRows[.vehicles] = vehicleRow
                scrollTops[.vehicles] = scrollTop(.vehicles, selected: vehicleRow, count: rows.count(.vehicles))
            }
        }
        scrollTops[focus] = scrollTop(focus, selected: row, count: count)
    }
}
