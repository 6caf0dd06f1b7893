import FleetCore

/// `update`'s share for vehicle commands: the lock/unlock dialog, refresh, sending, and the stream's
/// confirmation of what was sent.
extension DashboardModel {
    /// Opens the lock/unlock dialog for `vehicleID` (the selection's, or the detail view's vehicle).
    mutating func openDialog(_ command: VehicleCommand, vehicleID: String?, rows: FleetRows) -> [DashboardEffect] {
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

    mutating func handleDialog(_ key: Key) -> [DashboardEffect] {
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

    mutating func confirm(_ open: ConfirmDialog) -> [DashboardEffect] {
        dialog = nil
        guard ReadOnlyMode.permits(open.command, readOnly: isReadOnly) else {
            show(.warn, ReadOnlyMode.refusal(open.command))
            return []
        }
        return send(open.command, to: open.vehicleID)
    }

    /// `r`: asks INVERS for the vehicle's state, without a dialog (it changes nothing on the vehicle); only for a
    /// vehicle that lists the capability.
    mutating func refresh(_ vehicleID: String?, rows: FleetRows) -> [DashboardEffect] {
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
    mutating func send(_ command: VehicleCommand, to vehicleID: String) -> [DashboardEffect] {
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
}
