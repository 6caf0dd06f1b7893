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

    private mutating func quit() -> [DashboardEffect] {
        quitting = true
        return [.quit]
    }

    /// Before any selection the Vehicles pane shows its first row selected: pin that to its vehicle, so what the
    /// user saw selected is what stays selected when rows arrive in front of it.
    private mutating func pinFirstVehicle(_ rows: FleetRows) {
        guard selections[.vehicles] == nil, let id = rows.vehicleID(atRow: 0) else { return }
        selections[.vehicles] = .vehicle(id)
        lastRows[.vehicles] = 0
    }

    /// Puts a message in the status line.
    mutating func show(_ level: Flash.Level, _ text: String) {
        flash = Flash(level, text, now: now)
    }

    // MARK: - Keys, by mode: dialog, help, prompt, then the keymap.

    private mutating func handle(_ key: Key, rows: FleetRows) -> [DashboardEffect] {
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

    private mutating func perform(_ action: KeyAction, rows: FleetRows) -> [DashboardEffect] {
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

    // MARK: - Map

    /// The map's picture in dots, as the layout gives it at this size.
    var mapDotSize: DotSize { DotSize(columns: layout.mapPicture.width, rows: layout.mapPicture.height) }

    /// While the map is shown and not fitted yet, fits it to the fleet (as filtered) once there is a position; while
    /// it follows the fleet (no zoom, pan or centre since), widens it, at most once a `followInterval`, when
    /// positions lie outside it.
    private mutating func fitMapIfDue(_ rows: FleetRows) {
        guard map.shown else { return }
        if map.viewport != nil {
            guard map.following, now - map.checkedAt >= MapState.followInterval else { return }
            map.checkedAt = now
        }
        guard let bounds = MapState.bounds(of: rows.state, filter: filter) else { return }
        let size = mapDotSize
        if let viewport = map.viewport {
            let corners = [WorldPoint(x: bounds.minX, y: bounds.minY), WorldPoint(x: bounds.maxX, y: bounds.maxY)]
            guard corners.contains(where: { viewport.dot(for: $0, in: size) == nil }) else { return }
        }
        map.viewport = .fitting(bounds, in: size)
        map.following = true
        map.checkedAt = now
    }

    private mutating func performMap(_ action: MapAction, rows: FleetRows) {
        if action == .fit {
            map.viewport = nil
            fitMapIfDue(rows)
            if map.viewport == nil { show(.info, "no vehicle with a position to fit") }
            return
        }
        guard let viewport = map.viewport else {
            show(.info, "no vehicle with a position on the map yet")
            return
        }
        let size = mapDotSize
        let moved: MapViewport
        switch action {
        case .zoomIn: moved = viewport.zoomed(by: 1)
        case .zoomOut: moved = viewport.zoomed(by: -1)
        case .panWest: moved = viewport.panned(dotsEast: -max(1, size.width / 4), dotsSouth: 0)
        case .panEast: moved = viewport.panned(dotsEast: max(1, size.width / 4), dotsSouth: 0)
        case .panNorth: moved = viewport.panned(dotsEast: 0, dotsSouth: -max(1, size.height / 4))
        case .panSouth: moved = viewport.panned(dotsEast: 0, dotsSouth: max(1, size.height / 4))
        case .centreOnSelection:
            guard let id = selectedVehicleID(in: rows) else {
                show(.warn, "no vehicle selected: select one in the Vehicles pane")
                return
            }
            guard let position = rows.vehicle(id)?.position?.value, let point = WorldPoint(position) else {
                show(.warn, "\(SafeText.sanitize(id)) has no position to centre on")
                return
            }
            moved = viewport.centred(on: point)
        case .fit: return
        }
        map.viewport = moved
        map.following = false  // the user moved the view: it stays where they put it
    }

    /// Opens the lock/unlock dialog for `vehicleID` (the selection's, or the detail view's vehicle).
    private mutating func openDialog(_ command: VehicleCommand, vehicleID: String?, rows: FleetRows) -> [DashboardEffect] {
        guard let id = vehicleID else {
            show(.warn, "no vehicle selected: the selected one left the list; select one with ↑ ↓")
            return []
        }
        if let inFlight = pending[id] {
            show(.warn, "\(inFlight.verb) \(SafeText.sanitize(id)) is still in flight")
            return []
        }
        let plate = rows.vehicle(id)?.plate.map { SafeText.sanitize($0.value) }
        dialog = ConfirmDialog(command: command, vehicleID: id, plate: plate)
        return [.discardTypeahead]
    }

    private mutating func handleDialog(_ key: Key) -> [DashboardEffect] {
        guard var open = dialog, let action = ModeKeymaps.dialog.action(for: key) else { return [] }
        switch action {
        case .confirm:
            return confirm(open)
        case .cancel:
            dialog = nil
        case .switchFocus:
            open.focus = open.focus == .cancel ? .confirm : .cancel
            dialog = open
        case .pressFocused:
            if open.focus == .confirm { return confirm(open) }
            dialog = nil
        }
        return []
    }

    private mutating func confirm(_ open: ConfirmDialog) -> [DashboardEffect] {
        dialog = nil
        guard ReadOnlyMode.permits(open.command, readOnly: isReadOnly) else {
            show(.warn, ReadOnlyMode.refusal(open.command))
            return []
        }
        return send(open.command, to: open.vehicleID)
    }

    /// `r`: asks INVERS for the vehicle's state, without a dialog (it changes nothing on the vehicle); only for a
    /// vehicle that lists the capability.
    private mutating func refresh(_ vehicleID: String?, rows: FleetRows) -> [DashboardEffect] {
        let command = VehicleCommand.requestVehicleState
        guard let id = vehicleID else {
            show(.warn, "no vehicle selected: the selected one left the list; select one with ↑ ↓")
            return []
        }
        guard ReadOnlyMode.permits(command, readOnly: isReadOnly) else {
            show(.warn, ReadOnlyMode.refusal(command))
            return []
        }
        let who = SafeText.sanitize(id)
        guard let capabilities = rows.vehicle(id)?.commands?.value else {
            show(.warn, "\(who): its capabilities are not known yet, so no refresh is sent")
            return []
        }
        guard capabilities.contains(command.capability) else {
            show(.warn, "\(who) cannot be refreshed: it lacks \(command.capability)")
            return []
        }
        if let inFlight = pending[id] {
            show(.warn, "\(inFlight.verb) \(who) is still in flight")
            return []
        }
        return send(command, to: id)
    }

    /// Sends a command: in flight until `.commandFinished`, and listed among the commands sent.
    private mutating func send(_ command: VehicleCommand, to vehicleID: String) -> [DashboardEffect] {
        pending[vehicleID] = command
        sent.append(SentCommand(command: command, vehicleID: vehicleID, sentAt: now, sentWall: wallClock))
        if sent.count > Self.maxSentCommands { sent.removeFirst(sent.count - Self.maxSentCommands) }
        show(.info, "\(command.progressive) \(SafeText.sanitize(vehicleID))…")
        return [.send(command, vehicleID: vehicleID)]
    }

    // MARK: - Confirmation

    /// Looks for the stream's confirmation of the commands that wait for one, and times them out: when the fleet
    /// changed (only an event can confirm) or a deadline passed. Not while paused: the fleet shown is frozen, so
    /// its silence would say nothing.
    mutating func checkConfirmations(_ rows: FleetRows) {
        guard !paused else { return }
        let due = nextConfirmationDeadline.map { now >= $0 } ?? false
        guard due || confirmationsCheckedAt != rows.state.revision else { return }
        confirmationsCheckedAt = rows.state.revision
        for i in sent.indices where sent[i].confirmation == .awaiting || sent[i].confirmation == .unconfirmed {
            let before = sent[i].confirmation
            let after = CommandConfirmation.confirmation(of: sent[i], timeline: rows.vehicle(sent[i].vehicleID)?.timeline,
                                                         now: now, timeout: confirmTimeout)
            guard after != before else { continue }
            sent[i].confirmation = after
            let what = "\(sent[i].command.verb) \(SafeText.sanitize(sent[i].vehicleID))"
            let flow = sent[i].flowID.map { " (flow \(SafeText.sanitize($0)))" } ?? ""
            switch after {
            case let .confirmed(evidence, seconds):
                show(.info, "\(what) \(Self.confirmedText(evidence, after: seconds))\(flow)")
            case .unconfirmed:
                show(.warn, "\(what) unconfirmed: the stream showed nothing of it within "
                     + "\(wholeNumberText(confirmTimeout)) s\(flow)")
            case .awaiting, .notAwaited:
                break
            }
        }
    }

    /// The earliest time (monotonic seconds) a command times out, while one awaits confirmation: the runtime wakes
    /// for it.
    public var nextConfirmationDeadline: Double? {
        sent.compactMap { CommandConfirmation.deadline(of: $0, timeout: confirmTimeout) }.min()
    }

    /// `confirmed by the stream after 1.2 s`.
    static func confirmedText(_ evidence: CommandConfirmation.Evidence, after seconds: Double) -> String {
        let by = evidence == .flowID ? "by the stream" : "by the stream's lock state"
        return "confirmed \(by) after \(oneDecimal(seconds)) s"
    }

    // MARK: - Detail view

    private mutating func handleDetail(_ key: Key, rows: FleetRows) -> [DashboardEffect] {
        guard var open = detail else { return [] }
        guard let action = detailKeymap.action(for: key) else {
            if let refusal = keymap.refusal(for: key) { show(.warn, refusal) }
            return []
        }
        let count = rows.vehicle(open.vehicleID)?.timeline.count ?? 0
        let page = max(1, size.height - 12)
        switch action {
        case .close:
            detail = nil
            return []
        case .scrollUp: open.scroll -= 1
        case .scrollDown: open.scroll += 1
        case .pageUp: open.scroll -= page
        case .pageDown: open.scroll += page
        case .top: open.scroll = 0
        case .bottom: open.scroll = count - 1
        case .main(.lock): return openDialog(.lockCentralLock, vehicleID: open.vehicleID, rows: rows)
        case .main(.unlock): return openDialog(.unlockCentralLock, vehicleID: open.vehicleID, rows: rows)
        case .main(.refresh): return refresh(open.vehicleID, rows: rows)
        case let .main(other): return perform(other, rows: rows)
        }
        open.scroll = max(0, min(open.scroll, count - 1))
        detail = open
        return []
    }

    private mutating func handlePrompt(_ key: Key, rows: FleetRows) -> [DashboardEffect] {
        guard var open = prompt else { return [] }
        switch ModeKeymaps.prompt.action(for: key) {
        case .keep?:
            prompt = nil
            return []
        case .clear?:
            prompt = nil
            applyFilter(.none, rows: rows)
            return []
        case .deleteBackward?:
            if !open.text.isEmpty { open.text.removeLast() }
        case .erase?:
            open.text = ""
        case nil:
            // Not in the table: a printable character types itself, anything else does nothing.
            guard case let .character(c) = key else { return [] }
            let text = SafeText.sanitize(String(c))
            guard DisplayWidth.of(text) > 0 else { return [] }
            open.text += text
        }
        prompt = open
        applyFilter(VehicleFilter(open.text), rows: rows)
        return []
    }

    /// `s` moves the sort to the next shown column, ascending; `S` turns the order round. The selection stays on
    /// its vehicle (selections are by id); the view scrolls to it.
    private mutating func cycleSort(reverse: Bool, rows: FleetRows) {
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
    private mutating func keepSelectionIfShown(rows: FleetRows) {
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
    private mutating func applyFilter(_ new: VehicleFilter, rows: FleetRows) {
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
    private mutating func pointer(_ event: MouseEvent, rows: FleetRows) {
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

    private mutating func move(by delta: Int, rows: FleetRows) {
        if let current = selectedRow(focus, in: rows) {
            move(to: current + delta, rows: rows)
        } else if selections[focus] != nil, let last = lastRows[focus] {
            move(to: last, rows: rows)  // the selection left: select what is now nearest to where it was
        } else {
            move(to: delta > 0 ? 0 : rows.count(focus) - 1, rows: rows)
        }
    }

    /// Selects a row of the focused pane; a log pane's selection also selects its vehicle in the Vehicles pane.
    private mutating func move(to row: Int, rows: FleetRows) {
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
