/// The map's picture as counts: per dot, how many vehicles are on it; per cell, how many of each status. Counts
/// (not bits) so that a vehicle that moves or changes status can be taken off its old dot and put on its new
/// one, and a frame reads cells (a few thousand) rather than vehicles (up to hundreds of thousands).
public struct MapRaster: Hashable, Sendable {
    public let columns: Int
    public let rows: Int
    private var dotCounts: [UInt32]
    private var statusCounts: [UInt32]
    private static let statuses = MapStatus.allCases.count

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        dotCounts = Array(repeating: 0, count: self.columns * self.rows * Braille.dots)
        statusCounts = Array(repeating: 0, count: self.columns * self.rows * Self.statuses)
    }

    /// Its size in dots.
    public var dotSize: DotSize { DotSize(columns: columns, rows: rows) }

    /// Counts a vehicle of `status` on dot (x, y); the dot must lie within the picture.
    public mutating func add(dotX x: Int, dotY y: Int, status: MapStatus) {
        let (dot, cell) = indices(x, y)
        dotCounts[dot] &+= 1
        statusCounts[cell * Self.statuses + status.rawValue] &+= 1
    }

    /// Takes back an `add` with the same arguments.
    public mutating func remove(dotX x: Int, dotY y: Int, status: MapStatus) {
        let (dot, cell) = indices(x, y)
        dotCounts[dot] &-= 1
        statusCounts[cell * Self.statuses + status.rawValue] &-= 1
    }

    /// Everything back to empty.
    public mutating func clear() {
        for i in dotCounts.indices { dotCounts[i] = 0 }
        for i in statusCounts.indices { statusCounts[i] = 0 }
    }

    /// What one cell holds.
    public func cell(column: Int, row: Int) -> MapCell {
        let c = row * columns + column
        var pattern: UInt8 = 0
        for d in 0..<Braille.dots where dotCounts[c * Braille.dots + d] > 0 { pattern |= Braille.bit(dotIndex: d) }
        var count = 0
        var top: MapStatus?
        for status in MapStatus.allCases {
            let n = Int(statusCounts[c * Self.statuses + status.rawValue])
            count += n
            if n > 0 { top = status }
        }
        return MapCell(pattern: pattern, count: count, top: top)
    }

    private func indices(_ x: Int, _ y: Int) -> (dot: Int, cell: Int) {
        let column = x / Braille.columns, row = y / Braille.rows
        let cell = row * columns + column
        let dot = cell * Braille.dots + (y % Braille.rows) * Braille.columns + x % Braille.columns
        return (dot, cell)
    }
}
