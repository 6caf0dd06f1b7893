import FleetCore

/// Rentals, Online/Offline, Trips and Smoke: one box, newest entries first.
enum LogPanesView {
    static func render(_ model: DashboardModel, rows: FleetRows, layout: DashboardLayout, alerted: Set<String>,
                       into grid: inout CellGrid) {
        let box = layout.logsBox
        let logFocused = model.focus.isLog && model.dialog == nil
        Box.draw(box, in: &grid, style: logFocused ? .borderFocus : .border)
        for pane in Pane.logs {
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
