import FleetCore

/// Draws the whole screen, a function of the fleet (as `FleetRows`) and the model. Never mutates either.
public enum DashboardView {
    /// Renders into `grid`, which must be the model's size.
    public static func render(_ model: DashboardModel, rows: FleetRows, into grid: inout CellGrid) {
        grid.clear()
        let layout = model.layout
        if layout.isTooSmall {
            TooSmallView.render(size: model.size, into: &grid)
            return
        }
        HeaderView.render(model, rows: rows, in: layout.header, into: &grid)
        let alerted = Set(model.smokeAlerts.map(\.vehicleID))
        VehiclesView.render(model, rows: rows, layout: layout, alerted: alerted, into: &grid)
        LogPanesView.render(model, rows: rows, layout: layout, alerted: alerted, into: &grid)
        StatusLineView.render(model, in: layout.status, into: &grid)
        if model.helpOpen { HelpView.render(model, into: &grid) }
        if let dialog = model.dialog { DialogView.render(dialog, into: &grid) }
    }

    /// A fresh grid of the model's size with the screen drawn in it.
    public static func render(_ model: DashboardModel, rows: FleetRows) -> CellGrid {
        var grid = CellGrid(size: model.size)
        render(model, rows: rows, into: &grid)
        return grid
    }

    /// Title parts for a pane: the name, the matched/total count, and the filter when one is active.
    static func titleParts(_ pane: Pane, model: DashboardModel, rows: FleetRows) -> [(String, StyleSlot)] {
        var parts: [(String, StyleSlot)] = [(pane.title, .title)]
        let filtered = !model.filter.isEmpty
        if pane == .vehicles || filtered {
            parts.append((" \(rows.count(pane))/\(rows.total(pane))", .title))
        }
        if filtered, pane == .vehicles {
            parts.append((" [/\(model.filter.text)]", .titleFilter))
        }
        return parts
    }
}

/// `Terminal too small: need 80×24, have 62×18`, and nothing else.
enum TooSmallView {
    static func render(size: ScreenSize, into grid: inout CellGrid) {
        let need = DashboardLayout.minimum
        let lines = ["Terminal too small: need \(need), have \(size)", "enlarge the window, or q to quit"]
        let top = max(0, size.height / 2 - 1)
        for (i, line) in lines.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + i, style: i == 0 ? .statusWarn : .muted)
        }
    }
}

/// The header: name, endpoint, connection state, rate, fleet counts, smoke alerts, PAUSED and the count of
/// values out of range.
enum HeaderView {
    static func render(_ model: DashboardModel, rows: FleetRows, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect, style: .header)
        var x = rect.x
        func add(_ text: String, _ style: StyleSlot) {
            guard x < rect.maxX else { return }
            x += grid.put(text, x: x, y: rect.y, maxColumns: rect.maxX - x, style: style)
        }
        add(" fleetwatch", .title)
        let endpoint = SafeText.sanitize(model.stream.endpoint)
        if !endpoint.isEmpty { add("  \(endpoint)", .header) }
        let (state, style) = connection(model.stream)
        add("  ", .header)
        add(state, style)
        if case .connected = model.stream.state {
            add("  \(wholeNumberText(model.stream.eventsPerSecond)) ev/s", .header)
        }
        // What needs the operator comes before the counts, so a narrow screen cuts the counts, not the alert.
        if model.paused {
            add("  ", .header)
            add("PAUSED (+\(model.eventsSincePause))", .paused)
        }
        if let first = model.smokeAlerts.first {
            let more = model.smokeAlertCount > 1 ? " +\(model.smokeAlertCount - 1)" : ""
            add("  ", .header)
            add("⚠ SMOKE \(SafeText.sanitize(first.vehicleID))\(more) (a: ack)", .smokeAlert)
        }
        if model.isReadOnly {
            add("  ", .header)
            add("READ-ONLY", .statusWarn)
        }
        // Numbers the decoder dropped (NumericDomain): rare, so shown only once there are some.
        let outOfRange = rows.state.valuesOutOfRange
        if outOfRange > 0 {
            add("  ", .header)
            add("values out of range \(outOfRange)", .statusWarn)
        }
        let counts = rows.state.counts
        add("   vehicles \(counts.vehicles)  online \(counts.online)  in rental \(counts.inRental)", .header)
        add("  smoke \(counts.activeSmoke)", counts.activeSmoke > 0 ? .smoke : .header)
    }

    static func connection(_ status: StreamStatus) -> (String, StyleSlot) {
        switch status.state {
        case .connecting: ("◌ connecting…", .statusWarn)
        case .connected: ("● connected", .statusOK)
        case let .retrying(seconds, reason):
            ("○ retrying in \(oneDecimal(seconds)) s: \(SafeText.sanitize(reason))", .statusError)
        case let .queueGone(queue): ("○ queue \(SafeText.sanitize(queue)) gone", .statusError)
        case .stopped: ("○ stopped", .statusWarn)
        }
    }
}

/// What the views show of any number: they format values that came from the network, and a Double can be
/// anything (NaN, ±inf, 1e300), so none reaches an `Int` unchecked. Magnitudes are clamped to a billion (the
/// decoder's domains keep real values far below), NaN shows as `?`.
private let displayLimit = 1e9

/// `2.4`: one decimal, without Foundation's formatting; see `displayLimit`.
func oneDecimal(_ value: Double) -> String {
    guard !value.isNaN else { return "?" }
    let tenths = Int(exactly: (min(max(value, -displayLimit), displayLimit) * 10).rounded()) ?? 0
    return "\(tenths < 0 ? "-" : "")\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
}

/// `25`: rounded to a whole number; see `displayLimit`.
func wholeNumberText(_ value: Double) -> String {
    guard !value.isNaN else { return "?" }
    return String(Int(exactly: min(max(value, -displayLimit), displayLimit).rounded()) ?? 0)
}

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
            for (column, x, width) in columns.layout {
                var (text, style) = VehicleColumns.value(column, of: vehicle, pending: model.pending[id])
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

/// Rentals, Online/Offline, Trips and Smoke: one box, newest entries first.
enum LogPanesView {
    static func render(_ model: DashboardModel, rows: FleetRows, layout: DashboardLayout, alerted: Set<String>,
                       into grid: inout CellGrid) {
        let box = layout.logsBox
        let logFocused = model.focus != .vehicles && model.dialog == nil
        Box.draw(box, in: &grid, style: logFocused ? .borderFocus : .border)
        for pane in [Pane.rentals, .onlineOffline, .trips, .smoke] {
            guard let y = layout.titleRows[pane], let content = layout.content[pane] else { continue }
            let borderStyle: StyleSlot = model.focus == pane && model.dialog == nil ? .borderFocus : .border
            if y != box.y {
                Box.horizontalLine(y: y, from: box.x, to: box.maxX - 1, left: Box.teeLeft, right: Box.teeRight,
                                   in: &grid, style: borderStyle)
            }
            Box.title(DashboardView.titleParts(pane, model: model, rows: rows), x: box.x, y: y,
                      maxColumns: box.width - 2, in: &grid)
            renderEntries(pane, model: model, rows: rows, content: content, alerted: alerted, into: &grid)
        }
    }

    private static func renderEntries(_ pane: Pane, model: DashboardModel, rows: FleetRows, content: Rect,
                                      alerted: Set<String>, into grid: inout CellGrid) {
        let count = rows.count(pane)
        guard content.height > 0, count > 0 else { return }
        let selected = model.selectedRow(pane, in: rows)
        let top = model.scrollTop(pane, selected: selected, count: count)
        for line in 0..<min(content.height, count - top) {
            let row = top + line
            guard let entry = rows.entry(atRow: row, in: pane) else { continue }
            let y = content.y + line
            var x = content.x + 1
            let end = content.maxX
            func add(_ text: String, _ style: StyleSlot) {
                guard x < end else { return }
                x += grid.put(text, x: x, y: y, maxColumns: end - x, style: style)
            }
            add(entry.time == Stamp.unknownTime ? "--:--:--" : entry.time.timeOfDay, .muted)
            add(" \(SafeText.sanitize(entry.vehicleID))", .normal)
            if let plate = rows.vehicle(entry.vehicleID)?.plate?.value {
                add(" \(SafeText.sanitize(plate))", .normal)
            }
            let (what, style) = describe(entry.kind, unacknowledged: alerted.contains(entry.vehicleID))
            add(" \(what)", style)
            if row == selected, model.focus == pane {
                grid.restyle(Rect(x: content.x, y: y, width: content.width, height: 1), style: .selected)
            }
        }
    }

    static func describe(_ kind: LogEntry.Kind, unacknowledged: Bool) -> (String, StyleSlot) {
        switch kind {
        case .rental(.inRental): ("started", .inRental)
        case .rental(.notInRental): ("ended", .normal)
        case let .rental(.other(raw)): (SafeText.sanitize(raw), .normal)
        case .life(.online): ("online", .online)
        case .life(.offline): ("offline", .offline)
        case let .life(.other(raw)): (SafeText.sanitize(raw), .normal)
        case .tripStarted: ("started", .normal)
        case .tripEnded: ("ended", .normal)
        case let .tripMetrics(km, seconds):
            ([km.map { "\(oneDecimal($0)) km" }, seconds.map { "\(wholeNumberText($0 / 60)) min" }]
                .compactMap { $0 }.joined(separator: " ").nonEmpty ?? "metrics", .normal)
        case let .tripDiscarded(reason):
            ("discarded" + (reason.map { " \(SafeText.sanitize($0))" } ?? ""), .muted)
        case .smokeDetected: ("SMOKE DETECTED", unacknowledged ? .smokeAlert : .smoke)
        case let .smokeDataReady(pm): ("smoke over" + (pm.map { ", PM2.5 max \(oneDecimal($0))" } ?? ""), .normal)
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
