/// Box drawing for panes: borders, separators and titles.
enum Box {
    static let horizontal = "─", vertical = "│"
    static let topLeft = "┌", topRight = "┐", bottomLeft = "└", bottomRight = "┘"
    static let teeLeft = "├", teeRight = "┤"

    /// A border around `rect`.
    static func draw(_ rect: Rect, in grid: inout CellGrid, style: StyleSlot) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        horizontalLine(y: rect.y, from: rect.x, to: rect.maxX - 1, left: topLeft, right: topRight, in: &grid,
                       style: style)
        horizontalLine(y: rect.maxY - 1, from: rect.x, to: rect.maxX - 1, left: bottomLeft, right: bottomRight,
                       in: &grid, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            grid.put(vertical, x: rect.x, y: y, style: style)
            grid.put(vertical, x: rect.maxX - 1, y: y, style: style)
        }
    }

    /// A horizontal line from column `x0` to `x1` inclusive with the given ends.
    static func horizontalLine(y: Int, from x0: Int, to x1: Int, left: String, right: String,
                               in grid: inout CellGrid, style: StyleSlot) {
        guard x1 > x0 else { return }
        grid.put(left, x: x0, y: y, style: style)
        for x in (x0 + 1)..<x1 { grid.put(horizontal, x: x, y: y, style: style) }
        grid.put(right, x: x1, y: y, style: style)
    }

    /// A title on a border row: `┌ Vehicles 3/1200 [/veh] ───`. Each part is (text, style); the text is trusted
    /// (titles are ours; a filter's text was sanitised as it was typed).
    static func title(_ parts: [(String, StyleSlot)], x: Int, y: Int, maxColumns: Int, in grid: inout CellGrid) {
        var column = x + 1
        let end = x + maxColumns
        guard column < end else { return }
        column += grid.put(" ", x: column, y: y, maxColumns: end - column, style: parts.first?.1 ?? .title)
        for (text, style) in parts where column < end {
            column += grid.put(text, x: column, y: y, maxColumns: end - column, style: style)
        }
        if column < end { grid.put(" ", x: column, y: y, style: parts.last?.1 ?? .title) }
    }
}
