/// A picture's size in braille dots: 2 across and 4 down per cell.
public struct DotSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The dots of `columns` × `rows` cells.
    public init(columns: Int, rows: Int) {
        self.init(width: max(0, columns) * Braille.columns, height: max(0, rows) * Braille.rows)
    }
}
