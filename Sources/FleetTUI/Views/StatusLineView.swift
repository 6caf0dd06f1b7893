import FleetCore

/// The bottom line: key hints from the keymap on the left, the flash message on the right (or, when there is
/// none, the first warning the operator must see: they never expire); the `/` prompt takes the line while it is
/// open.
enum StatusLineView {
    static func render(_ model: DashboardModel, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect, style: .normal)
        if let prompt = model.prompt {
            var x = rect.x
            x += grid.put(" /", x: x, y: rect.y, style: .prompt)
            x += grid.put(prompt.text, x: x, y: rect.y, maxColumns: max(0, rect.maxX - x - 30), style: .prompt)
            grid.put("█", x: x, y: rect.y, style: .prompt)
            let help = "Enter keep  Esc clear  ! inverts "
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
        for (key, word) in model.keymap.hints {
            let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(word)
            guard x + width <= end else { break }
            x += grid.put(key, x: x, y: rect.y, style: .keyHint)
            x += grid.put(" " + word, x: x, y: rect.y, style: .muted)
            x += 2
        }
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

/// The `?` overlay, generated from the keymap table.
enum HelpView {
    static func render(_ model: DashboardModel, into grid: inout CellGrid) {
        var lines: [(String, String, StyleSlot)] = []
        if !model.warnings.isEmpty {
            // Wrapped whole, to the narrower (two-column) layout: a warning is read in full here.
            lines.append(("Warnings", "", .title))
            let width = max(10, (model.size.width - 4) / 2 - 2)
            for warning in model.warnings {
                for (i, line) in wrap(warning, to: width - 2).enumerated() {
                    lines.append(("", (i == 0 ? "" : "  ") + line, .statusWarn))
                }
            }
        }
        for (section, bindings) in model.keymap.helpSections {
            if !lines.isEmpty { lines.append(("", "", .dialog)) }
            lines.append((section.rawValue, "", .title))
            for binding in bindings { lines.append((binding.keyLabel, binding.description, .dialog)) }
        }
        var footer = "theme \(model.themeName)"
        if model.isReadOnly {
            footer += " · read-only: " + model.keymap.disabled.map(\.short).joined(separator: " and ") + " disabled"
        }
        if model.paused { footer += " · PAUSED" }

        let size = model.size
        let available = size.height - 4
        let columns = lines.count > available ? 2 : 1
        let perColumn = (lines.count + columns - 1) / columns
        let boxWidth = min(size.width - 2, columns == 1 ? 72 : size.width - 2)
        let boxHeight = min(size.height, perColumn + 4)
        let box = Rect(x: (size.width - boxWidth) / 2, y: (size.height - boxHeight) / 2, width: boxWidth,
                       height: boxHeight)
        grid.fill(box, style: .dialog)
        Box.draw(box, in: &grid, style: .borderFocus)
        Box.title([("Help", .title)], x: box.x, y: box.y, maxColumns: box.width - 2, in: &grid)
        let columnWidth = (box.width - 2) / columns
        let keyWidth = columns == 2 ? 12 : 16
        for (i, line) in lines.enumerated() {
            let column = i / perColumn
            let y = box.y + 1 + i % perColumn
            let x = box.x + 2 + column * columnWidth
            if line.2 == .title {
                grid.put(line.0, x: x, y: y, maxColumns: columnWidth - 2, style: .title)
            } else if line.2 == .statusWarn {
                grid.put(line.1, x: x, y: y, maxColumns: columnWidth - 2, style: .statusWarn)
            } else {
                grid.put(line.0, x: x, y: y, maxColumns: keyWidth - 1, style: .keyHint)
                grid.put(line.1, x: x + keyWidth, y: y, maxColumns: columnWidth - keyWidth - 2, style: .dialog)
            }
        }
        grid.put(footer, x: box.x + 2, y: box.maxY - 2, maxColumns: box.width - 4, style: .muted)
    }

    /// `text` in lines of at most `width` columns, broken between words (a longer word gets a line of its own).
    static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            if current.isEmpty {
                current = word
            } else if DisplayWidth.of(current) + 1 + DisplayWidth.of(word) <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// The lock/unlock confirmation: names the vehicle (id and plate), Cancel focused.
enum DialogView {
    static func render(_ dialog: ConfirmDialog, into grid: inout CellGrid) {
        let size = grid.size
        let width = min(size.width - 2, 50)
        let height = 8
        let box = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
        grid.fill(box, style: .dialog)
        Box.draw(box, in: &grid, style: .danger)
        Box.title([("\(dialog.verb) vehicle", .danger)], x: box.x, y: box.y, maxColumns: box.width - 2, in: &grid)
        let plate = dialog.plate.map { " (\($0))" } ?? ""
        grid.put("\(dialog.verb) \(SafeText.sanitize(dialog.vehicleID))\(plate)?", x: box.x + 3, y: box.y + 2,
                 maxColumns: box.width - 6, style: .dialog)
        let cancel = "[ Cancel ]", confirm = "[ \(dialog.verb) ]"
        let buttonsWidth = DisplayWidth.of(cancel) + 3 + DisplayWidth.of(confirm)
        let x = box.x + (box.width - buttonsWidth) / 2
        grid.put(cancel, x: x, y: box.y + 4, style: dialog.focus == .cancel ? .buttonFocus : .button)
        grid.put(confirm, x: x + DisplayWidth.of(cancel) + 3, y: box.y + 4,
                 style: dialog.focus == .confirm ? .buttonFocus : .button)
        grid.put("y confirm · n/Esc cancel · Tab switch", x: box.x + 3, y: box.y + 6, maxColumns: box.width - 6,
                 style: .muted)
    }
}
