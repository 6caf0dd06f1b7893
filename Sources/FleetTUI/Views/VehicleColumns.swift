import FleetCore

/// The Vehicles table's columns as laid out for one frame: those chosen (config order) that fit the pane's width,
/// the least important dropped first, the name as wide as the longest shown.
struct VehicleColumns {
    /// The columns shown, left to right, with their widths.
    let layout: [(column: VehicleColumn, x: Int, width: Int)]

    /// `nameWidth` is the display width of the longest name among the rows shown.
    init(width: Int, chosen: [VehicleColumn] = VehicleColumn.standard, nameWidth: Int = 0) {
        let nameWanted = min(max(VehicleColumn.name.width, nameWidth), 32)
        func want(_ column: VehicleColumn) -> Int { column == .name ? nameWanted : column.width }
        var kept = Set<VehicleColumn>()
        var used = 0
        // Strictly by importance: once one does not fit, it and every less important one are dropped (a smaller,
        // less important column slipping into the gap would make the table change shape unpredictably).
        for column in chosen.sorted(by: { $0.priority < $1.priority }) {
            let need = (column == .name ? VehicleColumn.name.width : column.width) + (kept.isEmpty ? 0 : 1)
            if used + need > width { break }
            kept.insert(column)
            used += need
        }
        // The name grows into what is left, up to what its content needs.
        let nameExtra = kept.contains(.name) ? max(0, min(width - used, nameWanted - VehicleColumn.name.width)) : 0
        var x = 0
        var layout: [(VehicleColumn, Int, Int)] = []
        for column in chosen where kept.contains(column) {
            let w = column == .name ? VehicleColumn.name.width + nameExtra : want(column)
            layout.append((column, x, w))
            x += w + 1
        }
        self.layout = layout
    }

    /// The name the name column shows (custom name, else brand and model); sanitised.
    static func name(of vehicle: Vehicle) -> String {
        let name = vehicle.name?.value ?? [vehicle.brand?.value, vehicle.model?.value]
            .compactMap { $0 }.joined(separator: " ")
        return SafeText.sanitize(name)
    }

    /// A cell's text and slot for one vehicle; the text is sanitised here, where network data meets the screen.
    /// `now` (wall clock) gives the ages; without it they are left out.
    static func value(_ column: VehicleColumn, of vehicle: Vehicle, command: LockCommandMark?, now: Timestamp?,
                      thresholds: AlertThresholds) -> (String, StyleSlot) {
        switch column {
        case .id:
            return (SafeText.sanitize(vehicle.id), .normal)
        case .plate:
            return (vehicle.plate.map { SafeText.sanitize($0.value) } ?? "—", .normal)
        case .name:
            let name = name(of: vehicle)
            return (name.isEmpty ? "—" : name, .muted)
        case .life:
            var suffix = ""
            if let now, let life = vehicle.lifeStatus, let since = age(from: life.stamp.time, to: now) { suffix = " \(since)" }
            switch vehicle.lifeStatus?.value {
            case .online?: return ("● ONLINE" + suffix, .online)
            case .offline?:
                let alert = now.map { QuickFilter.offline.matches(vehicle, thresholds: thresholds, now: $0) } ?? false
                return ("○ OFFLINE" + suffix, alert ? .statusWarn : .offline)
            case let .other(raw)?: return (SafeText.sanitize(raw), .normal)
            case nil: return ("—", .muted)
            }
        case .rental:
            switch vehicle.rentalStatus?.value {
            case .inRental?: return ("IN_RENTAL", .inRental)
            case .notInRental?: return ("—", .muted)
            case let .other(raw)?: return (SafeText.sanitize(raw), .normal)
            case nil: return ("—", .muted)
            }
        case .lock:
            if let command { return command.cell }
            switch vehicle.centralLock?.value {
            case .locked?: return ("LOCKED", .locked)
            case .unlocked?: return ("UNLOCKED", .normal)
            case let .other(raw)?: return (SafeText.sanitize(raw), .normal)
            case nil: return ("—", .muted)
            }
        case .charge:
            guard let charge = vehicle.chargeOrFuelPercent?.value else { return ("—", .muted) }
            let low = charge < thresholds.lowChargePercent
            return (wholeNumberText(charge) + (low ? " low" : ""), low ? .statusWarn : .normal)
        case .range:
            guard let range = vehicle.remainingRangeKilometers?.value else { return ("—", .muted) }
            return (wholeNumberText(range), .normal)
        case .trip:
            guard let trip = vehicle.trip, trip.endedAt == nil, trip.discardReason == nil else { return ("—", .muted) }
            guard let started = trip.startedAt, started != Stamp.unknownTime else { return ("in trip", .inRental) }
            return ("since \(started.timeOfDay.prefix(5))", .inRental)
        case .report:
            guard let now, let last = vehicle.lastEventAt, let since = age(from: last, to: now) else { return ("—", .muted) }
            let stale = QuickFilter.stale.matches(vehicle, thresholds: thresholds, now: now)
            return (since + (stale ? " stale" : ""), stale ? .statusWarn : .normal)
        case .smoke:
            return vehicle.hasActiveSmoke ? ("⚠", .smoke) : ("", .normal)
        }
    }

    /// `12s`, `5m`, `3h`, `2d`: how long from `from` to `to`, in its largest whole unit; nil for an unknown time.
    static func age(from: Timestamp, to: Timestamp) -> String? {
        guard from != Stamp.unknownTime else { return nil }
        let (micros, overflow) = to.microseconds.subtractingReportingOverflow(from.microseconds)
        guard !overflow else { return nil }
        return compactDuration(seconds: micros / 1_000_000)
    }
}
