/// Braille patterns (U+2800–U+28FF) as a 2×4 dot raster in one cell: the code point is U+2800 plus a bit per dot.
///
/// Dots are numbered down the left column 1 2 3, down the right 4 5 6, then 7 (left) and 8 (right) on the bottom
/// row, which is why the bottom row's bits come last.
public enum Braille {
    public static let columns = 2
    public static let rows = 4
    /// Dots in a cell.
    public static let dots = columns * rows

    /// bit[row][column]
    private static let bits: [[UInt8]] = [
        [0x01, 0x08],
        [0x02, 0x10],
        [0x04, 0x20],
        [0x40, 0x80],
    ]

    /// The bit of the dot at column 0–1, row 0–3 of a cell.
    public static func bit(column: Int, row: Int) -> UInt8 {
        bits[row][column]
    }

    /// The bit of dot `index` (row-major: 0 1 / 2 3 / 4 5 / 6 7), as `MapRaster` counts them.
    public static func bit(dotIndex: Int) -> UInt8 { bit(column: dotIndex % columns, row: dotIndex / columns) }

    /// The character with these dots raised (0: the blank pattern U+2800).
    public static func character(_ pattern: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(pattern))!)
    }

    /// All eight dots: the denser mark of a cell holding more vehicles than it has dots.
    public static let full: UInt8 = 0xFF
}
