import FleetCore

extension DashboardModel {
    /// Applies one message and returns the effects for the runtime to perform. `rows` is the fleet as the
    /// screen shows it (frozen while paused), read to move selections and to capture a dialog's vehicle.
    public mutating func update(_ message: DashboardMessage, rows: FleetRows) -> [DashboardEffect] {
        pinFirstVehicle(rows)
        defer { fitMapIfDue(rows) }
        switch message {
        case let .key(key):
            return handle(key, rows: rows)
        case let .tick(now, wall):
            self.now = now
            // To the second: the screen shows ages in whole seconds, and the model changes only when they do.
            if let wall { wallNow = Timestamp(microseconds: wall.microseconds - wall.microseconds % 1_000_000) }
            if let expiry = flash?.expiresAt, now >= expiry { flash = nil }
            checkConfirmations(rows)
            return []
        case let .resized(size):
            self.size = size
            return []
        case let .mouse(event):
            // Like a key: nothing behind a dialog, help or the prompt.
            guard dialog == nil, !helpOpen, prompt == nil else { return [] }
            pointer(event, rows: rows)
            return []
        case let .statusColors(colors):
            statusColors = colors
            return []
        case let .stream(status):
            if case let .retrying(_, reason) = status.state, status.state != stream.state {
                show(.warn, "connection: \(SafeText.sanitize(reason))")
            }
            stream = status
            return []
        case let .rejected(rejection, count):
            let more = count > 1 ? " (and \(count - 1) more)" : ""
            show(.warn, "rejected a message from \(SafeText.sanitize(rejection.queue)): "
                 + SafeText.sanitize(String(describing: rejection.error)) + more)
            return []
        case let .snapshot(progress):
            snapshot = progress
            switch progress {
            case .loading: show(.info, "loading vehicles…")
            case let .loaded(n): show(.info, "loaded \(n) vehicles")
            case let .failed(failure): show(.error, "vehicle list failed: \(failure.description)")
            case .skipped: break
            }
            return []
        case let .commandFinished(vehicleID, command, result):
            pending[vehicleID] = nil
            let who = SafeText.sanitize(vehicleID)
            let index = sent.lastIndex { $0.vehicleID == vehicleID && $0.command == command && $0.isInFlight }
            switch result {
            case let .success(answer):
                let flow = answer.flowID.map { " (flow \(SafeText.sanitize($0)))" } ?? ""
                var text = "\(command.pastTense) \(who): \(answer.httpStatus)"
                if let index {
                    sent[index].answer = .succeeded(httpStatus: answer.httpStatus, flowID: answer.flowID, at: now)
                    sent[index].confirmation = CommandConfirmation.confirmation(
                        of: sent[index], timeline: rows.vehicle(vehicleID)?.timeline, now: now, timeout: confirmTimeout)
                    switch sent[index].confirmation {
                    case let .confirmed(evidence, after): text += ", " + Self.confirmedText(evidence, after: after)
                    default: text += ", waiting for the stream to confirm"
                    }
                }
                show(.info, text + flow)
            case let .failure(failure):
                if let index { sent[index].answer = .failed(failure) }
                show(.error, "\(command.verb) \(who) failed: \(failure.description)")
            }
            return []
        case let .smokeDetected(vehicleID, at):
            if smokeAlerts.count < Self.maxSmokeAlerts {
                smokeAlerts.append(SmokeAlert(vehicleID: vehicleID, at: at))
            } else {
                smokeAlertsUnlisted += 1
            }
            return [.bell, .notify("fleetwatch: smoke detected in \(SafeText.sanitize(vehicleID))")]
        case let .eventsApplied(total):
            eventsApplied = total
            return []
        case let .notice(level, text):
            show(level, text)
            return []
        case let .warnings(texts):
            for text in texts.map(SafeText.sanitize) where !warnings.contains(text) && warnings.count < Self.maxWarnings {
                warnings.append(text)
            }
            return []
        case .quitRequested:
            return quit()
        }
    }

    mutating func quit() -> [DashboardEffect] {
        quitting = true
        return [.quit]
    }

    /// Before any selection the Vehicles pane shows its first row selected: pin that to its vehicle, so what the
    /// user saw selected is what stays selected when rows arrive in front of it.
    mutating func pinFirstVehicle(_ rows: FleetRows) {
        guard selections[.vehicles] == nil, let id = rows.vehicleID(atRow: 0) else { return }
        selections[.vehicles] = .vehicle(id)
        lastRows[.vehicles] = 0
    }

    /// Puts a message in the status line.
    mutating func show(_ level: Flash.Level, _ text: String) {
        flash = Flash(level, text, now: now)
    }

    // MARK: - Keys, by mode: dialog, help, prompt, then the keymap.

    mutating func handle(_ key: Key, rows: FleetRows) -> [DashboardEffect] {
        if key == .control("c") { return quit() }
        if dialog != nil { return handleDialog(key) }
        if helpOpen {
            switch ModeKeymaps.help.action(for: key) {
            case .close?: helpOpen = false
            case .scrollDown?: helpScroll = min(helpScroll + 1, 500)
            case .scrollUp?: helpScroll = max(0, helpScroll - 1)
            case nil: break
            }
            return []
        }
        if prompt != nil { return handlePrompt(key, rows: rows) }
        if detail != nil { return handleDetail(key, rows: rows) }
        if map.shown, let action = ModeKeymaps.map.action(for: key), !action.needsFocus || focus == .map {
            performMap(action, rows: rows)
            return []
        }
        guard let action = keymap.action(for: key) else {
            if let refusal = keymap.refusal(for: key) { show(.warn, refusal) }
            return []
        }
        return perform(action, rows: rows)
    }

    mutating func perform(_ action: KeyAction, rows: FleetRows) -> [DashboardEffect] {
        let page = layout.pageSize(focus)
        switch action {
        case .moveUp: move(by: -1, rows: rows)
        case .moveDown: move(by: 1, rows: rows)
        case .pageUp: move(by: -page, rows: rows)
        case .pageDown: move(by: page, rows: rows)
        case .top: move(to: 0, rows: rows)
        case .bottom: move(to: rows.count(focus) - 1, rows: rows)
        case .nextPane: focus = focus.next(among: visiblePanes)
        case .previousPane: focus = focus.next(by: -1, among: visiblePanes)
        case .toggleMap:
            map.shown.toggle()
            if map.shown {
                map.viewport = nil  // fits on open
                focus = .map
            } else if focus == .map {
                focus = .vehicles
            }
        case .filter: prompt = FilterPrompt(text: filter.text)
        case .clearFilter:
            if !filter.isEmpty { applyFilter(.none, rows: rows) }
        case .lock: return openDialog(.lockCentralLock, vehicleID: selectedVehicleID(in: rows), rows: rows)
        case .unlock: return openDialog(.unlockCentralLock, vehicleID: selectedVehicleID(in: rows), rows: rows)
        case .refresh: return refresh(selectedVehicleID(in: rows), rows: rows)
        case .openDetail:
            guard let id = selectedVehicleID(in: rows) else {
                show(.warn, "no vehicle selected: select one with ↑ ↓")
                return []
            }
            detail = VehicleDetail(vehicleID: id)
        case .acknowledgeSmoke:
            if smokeAlerts.isEmpty {
                show(.info, "no smoke alerts to acknowledge")
            } else {
                show(.info, "acknowledged \(smokeAlertCount) smoke alert\(smokeAlertCount == 1 ? "" : "s")")
                smokeAlerts = []
                smokeAlertsUnlisted = 0
            }
        case .pause:
            paused.toggle()
            if paused {
                pausedAtEvents = eventsApplied
                return [.freezeDisplay]
            }
            show(.info, "resumed")
            return [.resumeDisplay]
        case .nextTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            show(.info, "theme: \(themeName)")
            return [.applyTheme(themeName)]
        case .sortNext: cycleSort(reverse: false, rows: rows)
        case .sortReverse: cycleSort(reverse: true, rows: rows)
        case .quickFilter:
            quickFilter = quickFilter.next
            show(.info, quickFilter == .all ? "showing all vehicles" : "showing \(quickFilter.rawValue) vehicles")
            keepSelectionIfShown(rows: rows)
        case .export: return [.exportVehicles]
        case .help:
            helpOpen = true
            helpScroll = 0
        case .quit:
            return quit()
        }
        return []
    }
}
