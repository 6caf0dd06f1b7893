import FleetCore

/// `update`'s share for the detail view's and the filter prompt's keys.
extension DashboardModel {
    // MARK: - Detail view

    mutating func handleDetail(_ key: Key, rows: FleetRows) -> [DashboardEffect] {
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

    mutating func handlePrompt(_ key: Key, rows: FleetRows) -> [DashboardEffect] {
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
}
