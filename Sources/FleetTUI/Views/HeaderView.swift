import FleetCore

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
        if let behind = model.eventsBehind {
            add("  ", .header)
            add("catching up: \(groupedText(behind)) events behind\(timeLeft(behind, at: model.stream.eventsPerSecond))",
                .statusWarn)
        }
        // What needs the operator comes before the counts, so a narrow screen cuts the counts, not the alert.
        if let queue = model.stream.sharedQueues.first {
            add("  ", .header)
            add("SHARED QUEUE \(SafeText.sanitize(queue)): part of its events only (? help)", .statusWarn)
        }
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
        // The alerts by threshold (`F` filters by each), once the clock has given them; before the fleet's counts,
        // which a narrow screen cuts first.
        if let alerts = rows.alerts {
            for (label, count) in [("offline", alerts.offline), ("low charge", alerts.lowCharge), ("stale", alerts.stale)] {
                add("  \(label) \(count)", count > 0 ? .statusWarn : .header)
            }
        }
        let counts = rows.state.counts
        add("   vehicles \(counts.vehicles)  online \(counts.online)  in rental \(counts.inRental)", .header)
        add("  smoke \(counts.activeSmoke)", counts.activeSmoke > 0 ? .smoke : .header)
    }

    /// ` (~40s left)`: how long `behind` events take at the rate the source reads now; empty while it reads
    /// under one a second (stalled, or not yet measured), when no estimate means anything.
    static func timeLeft(_ behind: Int64, at eventsPerSecond: Double) -> String {
        guard eventsPerSecond >= 1, eventsPerSecond.isFinite else { return "" }
        // At ≥ 1 a second the estimate is at most `behind` seconds: it fits an Int64, but is checked all the same.
        guard let seconds = Int64(exactly: (Double(behind) / eventsPerSecond).rounded(.up)) else { return "" }
        return " (~\(compactDuration(seconds: seconds)) left)"
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
