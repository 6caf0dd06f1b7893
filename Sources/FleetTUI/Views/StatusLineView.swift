import FleetCore

/// The bottom line: key hints from the keymap on the left, the flash message on the right (or, when there is
/// none, the first warning the operator must see: they never expire); the `/` prompt takes the line while it is
/// open.
enum StatusLineView {
    static func render(_ model: DashboardModel, rows: FleetRows, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect, style: .normal)
        if let prompt = model.prompt {
            var x = rect.x
            x += grid.put(" /", x: x, y: rect.y, style: .prompt)
            x += grid.put(prompt.text, x: x, y: rect.y, maxColumns: max(0, rect.maxX - x - 30), style: .prompt)
            grid.put("█", x: x, y: rect.y, style: .prompt)
            let help = ModeKeymaps.prompt.hints(separator: "  ") + "  ! inverts "
            grid.put(help, x: max(x + 2, rect.maxX - DisplayWidth.of(help)), y: rect.y, style: .muted)
            return
        }
        // The flash wins the space; hints fill what is left, whole hints only.
        var flashWidth = 0
        if let flash = model.flash ?? standingWarning(model) {
            let text = flash.level.prefix + flash.text + " "
            flashWidth = min(DisplayWidth.of(text), rect.width - 1)
            let style: StyleSlot = switch flash.level {
            case .info: .statusOK
            case .warn: .statusWarn
            case .error: .statusError
            }
            grid.put(text, x: rect.maxX - flashWidth, y: rect.y, maxColumns: flashWidth, style: style)
        }
        var x = rect.x + 1
        let end = rect.maxX - flashWidth - 2
        // The detail view's own hints while it is open (a refresh only for a vehicle that offers it).
        let hints = model.detail.map { detail in
            model.detailKeymap.hintRows.filter { $0.word != "refresh" || offersRefresh(detail.vehicleID, rows) }
        } ?? model.keymap.hints
        for (key, word) in hints {
            let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(word)
            guard x + width <= end else { break }
            x += grid.put(key, x: x, y: rect.y, style: .keyHint)
            x += grid.put(" " + word, x: x, y: rect.y, style: .muted)
            x += 2
        }
    }

    private static func offersRefresh(_ vehicleID: String, _ rows: FleetRows) -> Bool {
        rows.vehicle(vehicleID)?.commands?.value.contains(VehicleCommand.requestVehicleState.capability) ?? false
    }

    /// The first standing warning as a message that never expires, pointing to help for the others.
    private static func standingWarning(_ model: DashboardModel) -> Flash? {
        guard let first = model.warnings.first else { return nil }
        let more = model.warnings.count > 1 ? " (+\(model.warnings.count - 1) more in ? help)" : ""
        var flash = Flash(.warn, first + more, now: model.now)
        flash.expiresAt = nil
        return flash
    }
}
