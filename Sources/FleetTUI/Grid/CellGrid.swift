import FleetCore

/// One cell of the screen: a grapheme, how many columns it takes, and the slot that styles it.
///
/// A wide character (車, 🚗) sits in its first cell with width 2; the cell to its right is a continuation
/// (width 0, empty text) that the backend skips, so columns stay aligned.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: StyleSlot

    public init(text: String, width: UInt8 = 1, style: StyleSlot = .normal) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ")
    public var isContinuation: Bool { width == 0 }
}

/// The screen as a value: views draw into it, tests read it back, the backend paints what changed.
///
/// Text written here is made safe once more at the door (`SafeText.isUnsafe` scalars become `?`), so a view
/// that forgot to sanitise still cannot emit an escape sequence; widths follow `DisplayWidth`.
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public init(size: ScreenSize) { self.init(width: size.width, height: size.height) }

    public var size: ScreenSize { ScreenSize(width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Resets every cell to a blank of `style`.
    public mutating func clear(style: StyleSlot = .normal) {
        let blank = Cell(text: " ", width: 1, style: style)
        for i in cells.indices { cells[i] = blank }
    }

    /// Fills a rectangle (clipped to the grid) with `character`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: StyleSlot) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(text: String(character), width: 1, style: style)
        for y in y0..<y1 {
            let row = y * width
            for x in x0..<x1 { cells[row + x] = cell }
        }
    }

    /// Restyles a rectangle, keeping its text (a selected row keeps its words, gains the selection style).
    public mutating func restyle(_ rect: Rect, style: StyleSlot) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            let row = y * width
            for x in x0..<x1 { cells[row + x].style = style }
        }
    }

    /// Writes `text` at (x, y) in at most `maxColumns` columns (to the grid's edge when nil) and returns the
    /// columns used. Text wider than that is cut with `…` in the last column; a wide character that would cross
    /// the edge is replaced by a space rather than split.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxColumns: Int? = nil, style: StyleSlot) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxColumns ?? (width - x), width - x)
        guard limit > 0, x >= 0 else { return 0 }
        let needsCut = DisplayWidth.of(text) > limit
        let budget = needsCut ? limit - 1 : limit
        var column = x
        let row = y * width
        var lastBase = -1
        for scalar in text.unicodeScalars {
            let safe = SafeText.isUnsafe(scalar) ? SafeText.replacement : scalar
            let w = DisplayWidth.of(safe)
            if w == 0 {
                // A combining mark or joiner: it belongs to the grapheme before it.
                if lastBase >= 0 { cells[row + lastBase].text.unicodeScalars.append(safe) }
                continue
            }
            if column - x + w > budget {
                if w == 2, column - x < budget { cells[row + column] = Cell(text: " ", width: 1, style: style); column += 1 }
                break
            }
            cells[row + column] = Cell(text: String(Character(safe)), width: UInt8(w), style: style)
            lastBase = column
            if w == 2 { cells[row + column + 1] = Cell(text: "", width: 0, style: style) }
            column += w
        }
        if needsCut, column - x < limit {
            cells[row + column] = Cell(text: "…", width: 1, style: style)
            column += 1
        }
        repairSplitWideCharacter(row: y, at: x)
        repairSplitWideCharacter(row: y, at: column)
        return column - x
    }

    /// After an overwrite that starts or ends in the middle of a wide character, blank its orphaned half.
    private mutating func repairSplitWideCharacter(row y: Int, at x: Int) {
        guard x > 0, x < width else { return }
        let i = y * width + x
        if cells[i].isContinuation, cells[i - 1].width != 2 {
            cells[i] = Cell(text: " ", width: 1, style: cells[i].style)
        }
        if cells[i - 1].width == 2, !cells[i].isContinuation {
            cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style)
        }
    }

    /// The text of row `y`, trailing spaces trimmed: what a golden file stores.
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { out += cell.text }
        }
        while out.last == " " { out.removeLast() }
        return out
    }

    /// Every row as text.
    public var lines: [String] { (0..<height).map(line) }

    /// Row `y` with each run of one style marked `[slot]`: how golden files show which slot painted what.
    package func styledLine(_ y: Int) -> String {
        var out = ""
        var current: StyleSlot?
        for x in 0..<width {
            let cell = self[x, y]
            if cell.isContinuation { continue }
            if cell.style != current {
                out += "[\(cell.style.rawValue)]"
                current = cell.style
            }
            out += cell.text
        }
        return out
    }
}
