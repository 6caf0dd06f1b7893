import FleetCore

/// One vehicle, in full (Enter): every property the store holds with its value, time and age on the left; its
/// capabilities, the commands sent to it from this dashboard and its timeline (newest first, scrollable) on the
/// right. Drawn over the panes, between the header and the status line.
enum VehicleDetailView {
    static func render(_ detail: VehicleDetail, model: DashboardModel, rows: FleetRows, into grid: inout CellGrid) {
        let layout = model.layout
        let box = Rect(x: 0, y: layout.header.maxY, width: model.size.width,
                       height: layout.status.y - layout.header.maxY)
        guard box.width >= 20, box.height >= 4 else { return }
        grid.fill(box, style: .normal)
        Box.draw(box, in: &grid, style: .borderFocus)
        let vehicle = rows.vehicle(detail.vehicleID)
        var title: [(String, StyleSlot)] = [("Vehicle \(SafeText.sanitize(detail.vehicleID))", .title)]
        if let plate = vehicle?.plate?.value { title.append((" \(SafeText.sanitize(plate))", .title)) }
        Box.title(title, x: box.x, y: box.y, maxColumns: box.width - 2, in: &grid)

        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        let leftWidth = min(46, max(36, inner.width / 2 - 1))
        let left = Rect(x: inner.x, y: inner.y, width: leftWidth, height: inner.height)
        let right = Rect(x: left.maxX + 2, y: inner.y, width: inner.maxX - left.maxX - 2, height: inner.height)
        guard let vehicle else {
            grid.put("not in the store", x: left.x, y: left.y, maxColumns: left.width, style: .muted)
            return
        }
        renderState(vehicle, now: model.wallClock, in: left, into: &grid)
        let sent = model.sent.filter { $0.vehicleID == vehicle.id }
        var y = renderCapabilities(vehicle, in: right, into: &grid)
        y = renderCommands(sent, model: model, x: right.x, y: y + 1, width: right.width, bottom: right.maxY,
                           into: &grid)
        renderTimeline(vehicle.timeline, sent: sent, detail: detail, now: model.wallClock,
                       in: Rect(x: right.x, y: y + 1, width: right.width, height: right.maxY - y - 1), into: &grid)
    }

    // MARK: - State

    /// One line per property the store keeps: name, value, time of day (or date) and age.
    private static func renderState(_ v: Vehicle, now: Timestamp, in rect: Rect, into grid: inout CellGrid) {
        let labelWidth = 10, whenWidth = 8, ageWidth = 5
        let valueWidth = rect.width - labelWidth - whenWidth - ageWidth - 3
        grid.put("State", x: rect.x, y: rect.y, maxColumns: rect.width, style: .title)
        grid.put("at", x: rect.x + labelWidth + valueWidth + 2, y: rect.y, style: .columnHeader)
        grid.put("age", x: rect.maxX - ageWidth, y: rect.y, style: .columnHeader)
        var y = rect.y + 1
        func line(_ label: String, _ value: String?, _ time: Timestamp?, style: StyleSlot = .normal) {
            guard y < rect.maxY else { return }
            grid.put(label, x: rect.x, y: y, maxColumns: labelWidth, style: .muted)
            grid.put(value ?? "—", x: rect.x + labelWidth + 1, y: y, maxColumns: valueWidth,
                     style: value == nil ? .muted : style)
            if let time, time != Stamp.unknownTime {
                grid.put(when(time, now: now), x: rect.x + labelWidth + valueWidth + 2, y: y, maxColumns: whenWidth,
                         style: .muted)
                grid.put(age(of: time, now: now), x: rect.maxX - ageWidth, y: y, maxColumns: ageWidth, style: .muted)
            }
            y += 1
        }
        func text<T: Hashable & Sendable>(_ stamped: Stamped<T>?, _ show: (T) -> String) -> (String?, Timestamp?) {
            (stamped.map { SafeText.sanitize(show($0.value)) }, stamped?.stamp.time)
        }
        let rows: [(String, (String?, Timestamp?), StyleSlot)] = [
            ("plate", text(v.plate) { $0 }, .normal),
            ("name", text(v.name) { $0 }, .normal),
            ("brand", text(v.brand) { $0 }, .normal),
            ("model", text(v.model) { $0 }, .normal),
            ("life", text(v.lifeStatus) { $0.raw }, v.isOnline ? .online : .offline),
            ("rental", text(v.rentalStatus) { $0.raw }, v.isInRental ? .inRental : .normal),
            ("operation", text(v.operationStatus) { $0 }, .normal),
            ("lock", text(v.centralLock) { $0.raw }, v.centralLock?.value == .locked ? .locked : .normal),
            ("position", text(v.position) { "\(fourDecimals($0.lat)), \(fourDecimals($0.lon))" }, .normal),
            ("charge", text(v.chargeOrFuelPercent) { "\(wholeNumberText($0)) %" }, .normal),
            ("range", text(v.remainingRangeKilometers) { "\(oneDecimal($0)) km" }, .normal),
            ("mileage", text(v.mileageKilometers) { "\(oneDecimal($0)) km" }, .normal),
            ("driving", text(v.drivingEnabled) { $0 ? "enabled" : "disabled" }, .normal),
            ("ignition", text(v.ignition) { $0 }, .normal),
        ]
        for (label, (value, time), style) in rows { line(label, value, time, style: style) }
        if let trip = v.trip {
            let value = trip.endedAt != nil
                ? "ended" + (trip.distanceKilometers.map { " \(oneDecimal($0)) km" } ?? "")
                : "in trip"
            line("trip", value, trip.endedAt ?? trip.startedAt)
        } else {
            line("trip", nil, nil)
        }
        if let smoke = v.smoke {
            line("smoke", smoke.isActive ? "SMOKE" : "over", smoke.detectedAt, style: smoke.isActive ? .smoke : .normal)
        } else {
            line("smoke", nil, nil)
        }
        line("last event", v.lastEventAt == nil ? nil : "", v.lastEventAt)
    }

    // MARK: - Capabilities

    /// Returns the last row used.
    private static func renderCapabilities(_ v: Vehicle, in rect: Rect, into grid: inout CellGrid) -> Int {
        grid.put("Capabilities", x: rect.x, y: rect.y, maxColumns: rect.width, style: .title)
        guard let commands = v.commands?.value, !commands.isEmpty else {
            grid.put(v.commands == nil ? "not known" : "none", x: rect.x, y: rect.y + 1, maxColumns: rect.width,
                     style: .muted)
            return rect.y + 1
        }
        let lines = HelpView.wrap(commands.map(SafeText.sanitize).joined(separator: " "), to: rect.width)
        var y = rect.y
        for line in lines.prefix(3) {
            y += 1
            grid.put(line, x: rect.x, y: y, maxColumns: rect.width, style: .normal)
        }
        return y
    }

    // MARK: - Commands sent

    /// The commands sent to the vehicle from this dashboard, newest first, two lines each: when, what, the
    /// outcome and the confirmation; then the flow id. Returns the last row used.
    private static func renderCommands(_ sent: [SentCommand], model: DashboardModel, x: Int, y top: Int, width: Int,
                                       bottom: Int, into grid: inout CellGrid) -> Int {
        grid.put("Commands sent from here (\(sent.count))", x: x, y: top, maxColumns: width, style: .title)
        var y = top
        guard !sent.isEmpty else {
            y += 1
            grid.put("none", x: x, y: y, maxColumns: width, style: .muted)
            return y
        }
        for command in sent.reversed().prefix(3) where y + 2 < bottom {
            y += 1
            var column = x
            func add(_ text: String, _ style: StyleSlot) {
                guard column < x + width else { return }
                column += grid.put(text, x: column, y: y, maxColumns: x + width - column, style: style)
            }
            add(when(command.sentWall, now: model.wallClock), .muted)
            add(" \(command.command.verb)", .normal)
            for (text, style) in describe(command, timeout: model.confirmTimeout) { add(" " + text, style) }
            y += 1
            let flow = command.flowID.map { "flow \(SafeText.sanitize($0))" } ?? (command.isInFlight ? "" : "no flow id")
            grid.put("  " + flow, x: x, y: y, maxColumns: width, style: .muted)
        }
        return y
    }

    /// A sent command's outcome and confirmation, in words.
    static func describe(_ command: SentCommand, timeout: Double) -> [(String, StyleSlot)] {
        switch command.answer {
        case .inFlight:
            return [("sending…", .pending)]
        case let .failed(failure):
            var text = failure.status.map(String.init) ?? "failed"
            text += ": " + SafeText.sanitize(failure.title)
            return [(text, .statusError)]
        case let .succeeded(status, _, _):
            let outcome = ("\(status)", StyleSlot.statusOK)
            switch command.confirmation {
            case .notAwaited: return [outcome]
            case .awaiting: return [outcome, ("sent, awaiting the stream", .pending)]
            case let .confirmed(evidence, seconds):
                let by = evidence == .flowID ? "" : " (lock state)"
                return [outcome, ("✓ confirmed after \(oneDecimal(seconds)) s\(by)", .statusOK)]
            case .unconfirmed:
                return [outcome, ("? unconfirmed after \(wholeNumberText(timeout)) s", .statusWarn)]
            }
        }
    }

    // MARK: - Timeline

    private static func renderTimeline(_ timeline: VehicleTimeline, sent: [SentCommand], detail: VehicleDetail,
                                       now: Timestamp, in rect: Rect, into grid: inout CellGrid) {
        guard rect.height >= 2 else { return }
        let visible = rect.height - 1
        let count = timeline.count
        let top = max(0, min(detail.scroll, count - visible))
        let range = count == 0 ? "none yet" : "\(top + 1)–\(min(count, top + visible)) of \(count), newest first"
        grid.put("Timeline (\(range))", x: rect.x, y: rect.y, maxColumns: rect.width, style: .title)
        for line in 0..<min(visible, max(0, count - top)) {
            guard let entry = timeline.newest(top + line) else { continue }
            let y = rect.y + 1 + line
            var x = rect.x
            func add(_ text: String, _ style: StyleSlot) {
                guard x < rect.maxX else { return }
                x += grid.put(text, x: x, y: y, maxColumns: rect.maxX - x, style: style)
            }
            add(entry.time == Stamp.unknownTime ? "--:--:--" : when(entry.time, now: now), .muted)
            let (what, style) = describe(entry.summary)
            add(" " + what, style)
            if let ours = sent.last(where: { $0.flowID.map(entry.carries(flowID:)) ?? false }) {
                add(" ← \(ours.command.verb)", .statusOK)
            } else if entry.hasFlowID {
                add(" (by a REST call)", .muted)
            }
        }
    }

    /// An event's summary in words.
    static func describe(_ summary: TimelineSummary) -> (String, StyleSlot) {
        switch summary {
        case let .vehicleChanged(reasons, rental, life):
            var parts: [String] = []
            var style = StyleSlot.normal
            if reasons.contains(.rental), let rental {
                parts.append(rental == .inRental ? "rental started" : rental == .notInRental ? "rental ended" : "rental")
                if rental == .inRental { style = .inRental }
            }
            if reasons.contains(.life), let life {
                parts.append(life == .online ? "online" : life == .offline ? "offline" : "life status")
                if life == .offline { style = .offline } else if life == .online, style == .normal { style = .online }
            }
            if reasons.contains(.masterData) { parts.append("master data") }
            return ("changed: " + (parts.isEmpty ? "vehicle" : parts.joined(separator: ", ")), style)
        case let .stateRecorded(lock, charge):
            var text = "state"
            switch lock {
            case .locked?: text += " LOCKED"
            case .unlocked?: text += " UNLOCKED"
            case .other?: text += " lock ?"
            case nil: break
            }
            if let charge { text += " \(charge) %" }
            return (text, lock == .locked ? .locked : .normal)
        case .tripStarted: return ("trip started", .normal)
        case .tripEnded: return ("trip ended", .normal)
        case let .tripMetricsReady(decikilometres):
            return ("trip metrics" + (decikilometres.map { " \($0 / 10).\($0 % 10) km" } ?? ""), .normal)
        case .tripDiscarded: return ("trip discarded", .muted)
        case .smokeDetected: return ("SMOKE DETECTED", .smoke)
        case let .smokeDataReady(pm): return ("smoke over" + (pm.map { ", PM2.5 max \($0)" } ?? ""), .normal)
        case .other: return ("other event", .muted)
        }
    }

    // MARK: - Times

    /// The time of day when `time` is on the same (UTC) day as `now`, else its date (`11-27`).
    static func when(_ time: Timestamp, now: Timestamp) -> String {
        let day = time.iso8601.prefix(10), today = now.iso8601.prefix(10)
        return day == today ? time.timeOfDay : String(day.dropFirst(5))
    }

    /// `42s`, `12m`, `3h05`, `12d`: how long ago; `now` when in the future (a clock ahead of ours).
    static func age(of time: Timestamp, now: Timestamp) -> String {
        let (difference, overflow) = now.microseconds.subtractingReportingOverflow(time.microseconds)
        guard !overflow else { return "?" }
        let seconds = difference / 1_000_000
        if seconds < 0 { return "now" }
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 {
            let minutes = seconds / 60 % 60
            return "\(seconds / 3600)h\(minutes < 10 ? "0" : "")\(minutes)"
        }
        return "\(min(seconds / 86_400, 9999))d"
    }

    /// `52.5200`: four decimals (about 10 m), without Foundation; see `oneDecimal` for the limits.
    static func fourDecimals(_ value: Double) -> String {
        guard value.isFinite, abs(value) <= 1000 else { return "?" }
        let scaled = Int(exactly: (value * 10_000).rounded()) ?? 0
        let fraction = String(scaled.magnitude % 10_000)
        return "\(scaled < 0 ? "-" : "")\(scaled.magnitude / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }
}
