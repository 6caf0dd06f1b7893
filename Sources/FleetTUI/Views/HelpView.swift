import FleetCore

/// The `?` overlay, generated from the keymap table.
enum HelpView {
    static func render(_ model: DashboardModel, into grid: inout CellGrid) {
        var lines: [(String, String, StyleSlot)] = []
        let warnings = model.warnings + (model.stream.sharedQueueWarning.map { [$0] } ?? [])
        if !warnings.isEmpty {
            // Wrapped whole, to the narrower (two-column) layout: a warning is read in full here.
            lines.append(("Warnings", "", .title))
            let width = max(10, (model.size.width - 4) / 2 - 2)
            for warning in warnings {
                for (i, line) in wrap(warning, to: width - 2).enumerated() {
                    lines.append(("", (i == 0 ? "" : "  ") + line, .statusWarn))
                }
            }
        }
        var sections = model.keymap.helpSections.map { section, bindings in
            (section.rawValue, bindings.map { ($0.keyLabel, $0.description) })
        }
        // The other modes' tables; help's own is the footer.
        sections.append((ModeKeymaps.prompt.title, ModeKeymaps.prompt.helpRows.map { ($0.keys, $0.description) }))
        // The detail view's table, folded to three lines (help must fit 80×24): back, scrolling, and the commands
        // it keeps (help, theme and quit are listed above).
        let detail = model.detailKeymap.bindings
        var detailRows: [(String, String)] = detail.filter { $0.action == .close }.map { ($0.label, $0.description) }
        let scrolling = detail.filter { binding in
            if case .main = binding.action { return false }
            return binding.action != .close
        }
        if !scrolling.isEmpty {
            detailRows.append((scrolling.map(\.label).joined(separator: " "), "scroll the timeline (↑ newer, ↓ older)"))
        }
        let commands = detail.compactMap { binding -> (String, String)? in
            guard case let .main(action) = binding.action, action.command != nil else { return nil }
            return (binding.label, binding.hint ?? "")
        }
        if !commands.isEmpty {
            detailRows.append((commands.map(\.0).joined(separator: " "),
                               commands.map(\.1).joined(separator: ", ") + " the vehicle shown"))
        }
        sections.append((model.detailKeymap.title, detailRows))
        sections.append((ModeKeymaps.map.title, ModeKeymaps.map.helpRows.map { ($0.keys, $0.description) }))
        if !model.isReadOnly {  // no lock, no dialog
            sections.append((ModeKeymaps.dialog.title, ModeKeymaps.dialog.helpRows.map { ($0.keys, $0.description) }))
        }
        let warningLines = lines
        for (title, rows) in sections {
            if !lines.isEmpty { lines.append(("", "", .dialog)) }
            lines.append((title, "", .title))
            for (keys, description) in rows { lines.append((keys, description, .dialog)) }
        }
        var footer = ModeKeymaps.help.hints(separator: " · ") + " · theme \(model.themeName)"
        if model.isReadOnly {
            footer += " · read-only: " + model.keymap.disabled.map(\.short).joined(separator: " and ") + " disabled"
        }
        if model.paused { footer += " · PAUSED" }

        let size = model.size
        let available = size.height - 4
        let columns = lines.count > available ? 2 : 1
        // Two columns split between sections, as evenly as they allow: a title never ends a column apart from
        // its rows.
        func bestSplit(_ lines: [(String, String, StyleSlot)]) -> Int {
            guard columns == 2 else { return lines.count }
            let starts = lines.indices.filter { $0 > 0 && lines[$0].2 == .title }
            return starts.min { max($0, lines.count - $0) < max($1, lines.count - $1) } ?? (lines.count + 1) / 2
        }
        var split = bestSplit(lines)
        // Too long for two columns (80×24 has room for 40 lines): the blank lines between sections go first, so
        // every key stays listed; the titles still set the sections apart.
        if max(split, lines.count - split) > available {
            lines = warningLines
            for (title, rows) in sections {
                lines.append((title, "", .title))
                for (keys, description) in rows { lines.append((keys, description, .dialog)) }
            }
            split = bestSplit(lines)
        }
        let placed = lines.indices.map { i in i < split ? (column: 0, row: i) : (column: 1, row: i - split) }
        let perColumn = max(split, lines.count - split)
        let boxWidth = min(size.width - 2, columns == 1 ? 72 : size.width - 2)
        let boxHeight = min(size.height, perColumn + 4)
        let box = Rect(x: (size.width - boxWidth) / 2, y: (size.height - boxHeight) / 2, width: boxWidth,
                       height: boxHeight)
        grid.fill(box, style: .dialog)
        Box.draw(box, in: &grid, style: .borderFocus)
        Box.title([("Help", .title)], x: box.x, y: box.y, maxColumns: box.width - 2, in: &grid)
        let columnWidth = (box.width - 2) / columns
        let keyWidth = columns == 2 ? 12 : 16
        // A screen too short for all of help scrolls it (both columns together); the footer says there is more.
        let visible = max(1, box.height - 4)
        let scroll = min(model.helpScroll, max(0, perColumn - visible))
        if scroll > 0 { footer = "↑ k back · " + footer }
        if scroll < perColumn - visible { footer = "↓ j more · " + footer }
        for (i, line) in lines.enumerated() {
            let (column, shownRow) = placed[i]
            let row = shownRow - scroll
            let y = box.y + 1 + row
            let x = box.x + 2 + column * columnWidth
            guard row >= 0, row < visible else { continue }
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
