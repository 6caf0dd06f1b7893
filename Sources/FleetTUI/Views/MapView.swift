import FleetCore

/// The Map pane in the right-hand column: the fleet (as filtered) in braille dots coloured by status, or in ASCII
/// marks at cell resolution when the terminal cannot draw braille or the palette cannot tell the statuses apart
/// by colour; the selected vehicle marked `@`; under it a legend, what was counted apart, and a scale bar.
enum MapView {
    static func render(_ model: DashboardModel, rows: FleetRows, layout: DashboardLayout, index: MapIndex,
                       into grid: inout CellGrid) {
        let box = layout.logsBox
        let focused = model.focus == .map && model.dialog == nil
        Box.draw(box, in: &grid, style: focused ? .borderFocus : .border)
        Box.title(DashboardView.titleParts(.map, model: model, rows: rows), x: box.x, y: box.y,
                  maxColumns: box.width - 2, in: &grid)
        Box.title([(ModeKeymaps.map.hints(separator: " · "), .muted)], x: box.x, y: box.maxY - 1,
                  maxColumns: box.width - 2, in: &grid)
        let marks = model.asciiOnly || !model.statusColors
        let area = layout.mapPicture
        let footer = layout.mapFooter
        if footer.height > 0 { legend(marks: marks, x: footer.x + 1, y: footer.y, end: footer.maxX, into: &grid) }
        guard let viewport = model.map.viewport else {
            let what = model.filter.isEmpty ? "no vehicle has a position yet"
                : "no vehicle matching /\(model.filter.text) has a position"
            grid.put(what, x: area.x + 1, y: area.y, maxColumns: area.width - 1, style: .muted)
            return
        }
        // In the map's clock steps: the kept picture is redrawn for staleness only that often.
        let staleBefore = model.wallNow.map { MapState.steppedClock($0).adding(seconds: -model.thresholds.staleAfterSeconds) }
        let picture = index.picture(for: rows.state, filter: rows.filter, viewport: viewport, columns: area.width,
                                    rows: area.height, staleBefore: staleBefore)
        let raster = picture.raster
        for row in 0..<raster.rows {
            for column in 0..<raster.columns {
                let cell = raster.cell(column: column, row: row)
                guard let top = cell.top else { continue }
                let mark: Character
                if marks {
                    mark = cell.count > 1 ? top.marks.several : top.marks.one
                } else {
                    // More vehicles than dots: every dot raised, the denser mark of a cluster.
                    mark = Braille.character(cell.count > Braille.dots ? Braille.full : cell.pattern)
                }
                grid[area.x + column, area.y + row] = Cell(text: String(mark), width: 1, style: top.slot)
            }
        }
        let selection = selected(model, rows: rows, viewport: viewport, size: raster.dotSize, staleBefore: staleBefore)
        if let dot = selection.dot {
            grid[area.x + dot.x / Braille.columns, area.y + dot.y / Braille.rows] = Cell(text: "@", width: 1,
                                                                                          style: .selected)
        }
        if footer.height > 1 { countsLine(picture.counts, x: footer.x + 1, y: footer.y + 1, end: footer.maxX, into: &grid) }
        if footer.height > 2 {
            var x = footer.x + 1
            x += scaleBar(metresPerDot: viewport.metresPerDot, maxCells: max(4, min(12, footer.width / 4)), x: x,
                          y: footer.y + 2, into: &grid)
            if let text = selection.text {
                x += 2
                guard x < footer.maxX else { return }
                x += grid.put("@", x: x, y: footer.y + 2, style: .selected)
                grid.put(" " + text, x: x, y: footer.y + 2, maxColumns: footer.maxX - x, style: .normal)
            }
        }
    }

    /// Where the selected vehicle is drawn (nil when it is not), and how the footer describes it.
    private static func selected(_ model: DashboardModel, rows: FleetRows, viewport: MapViewport, size: DotSize,
                                 staleBefore: Timestamp?) -> (dot: (x: Int, y: Int)?, text: String?) {
        guard let row = model.selectedRow(.vehicles, in: rows), let id = rows.vehicleID(atRow: row),
              let vehicle = rows.vehicle(id) else { return (nil, nil) }
        let name = SafeText.sanitize(id)
        guard let position = vehicle.position else { return (nil, "\(name): no position") }
        guard let point = WorldPoint(position.value) else { return (nil, "\(name): impossible position, not drawn") }
        let place = "\(name) \(coordinate(position.value.lat, "N", "S")) \(coordinate(position.value.lon, "E", "W"))"
        let stale = staleBefore.map { position.stamp.time < $0 } ?? false
        guard let dot = viewport.dot(for: point, in: size) else {
            return (nil, place + (stale ? ", stale" : "") + ", out of view (c centres)")
        }
        return (dot, place + (stale ? ", stale" : ""))
    }

    /// `52.5200 N`: four decimals (about 10 m), for a value already known to be a possible coordinate.
    static func coordinate(_ value: Double, _ positive: String, _ negative: String) -> String {
        let tenThousandths = Int(exactly: (value.magnitude * 10_000).rounded()) ?? 0
        let fraction = String(tenThousandths % 10_000)
        let padded = String(repeating: "0", count: 4 - fraction.count) + fraction
        return "\(tenThousandths / 10_000).\(padded) \(value < 0 ? negative : positive)"
    }

    /// What a mark or colour means, most important first (stale before unknown: a narrow pane cuts the rarest).
    private static let legendOrder: [MapStatus] = [.smoke, .offline, .inRental, .online, .stale, .unknown]

    private static func legend(marks: Bool, x: Int, y: Int, end: Int, into grid: inout CellGrid) {
        var x = x
        for status in legendOrder {
            guard x < end else { return }
            if marks {
                x += grid.put(String(status.marks.one), x: x, y: y, maxColumns: end - x, style: status.slot)
                x += grid.put(" ", x: x, y: y, maxColumns: end - x, style: .muted)
            }
            x += grid.put(status.word, x: x, y: y, maxColumns: end - x, style: marks ? .muted : status.slot)
            x += grid.put(" ", x: x, y: y, maxColumns: end - x, style: .muted)
        }
        if marks, x < end { grid.put("(capital: several)", x: x, y: y, maxColumns: end - x, style: .muted) }
    }

    /// `296 shown · 4 stale · 2 no position · 1 invalid · 3 out of view`: zeros left out, after the first.
    private static func countsLine(_ counts: MapCounts, x: Int, y: Int, end: Int, into grid: inout CellGrid) {
        var parts: [(String, StyleSlot)] = [("\(counts.drawn) shown", .muted)]
        if counts.stale > 0 { parts.append(("\(counts.stale) stale", .statusWarn)) }
        if counts.noPosition > 0 { parts.append(("\(counts.noPosition) no position", .muted)) }
        if counts.invalid > 0 { parts.append(("\(counts.invalid) invalid", .statusWarn)) }
        if counts.outside > 0 { parts.append(("\(counts.outside) out of view", .muted)) }
        var x = x
        for (i, (text, style)) in parts.enumerated() where x < end {
            if i > 0 { x += grid.put(" · ", x: x, y: y, maxColumns: end - x, style: .muted) }
            x += grid.put(text, x: x, y: y, maxColumns: end - x, style: style)
        }
    }

    /// Draws `├───┤ 2 km`: a round distance at most `maxCells` wide; returns the columns used.
    private static func scaleBar(metresPerDot: Double, maxCells: Int, x: Int, y: Int, into grid: inout CellGrid)
        -> Int {
        guard let bar = ScaleBar(metresPerCell: metresPerDot * Double(Braille.columns), maxCells: maxCells) else {
            return 0
        }
        var used = grid.put("├" + String(repeating: "─", count: bar.cells - 1) + "┤", x: x, y: y, style: .normal)
        used += grid.put(" " + bar.label, x: x + used, y: y, style: .normal)
        return used
    }
}
