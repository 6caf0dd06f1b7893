import Foundation

/// A scale bar: the longest round distance (1, 2 or 5 times a power of ten, in metres) that fits in `maxCells`
/// cells, how many cells it spans, and its label (`500 m`, `2 km`).
public struct ScaleBar: Hashable, Sendable {
    public let metres: Double
    public let cells: Int
    public let label: String

    /// Nil when the scale is not a usable number.
    public init?(metresPerCell: Double, maxCells: Int) {
        guard metresPerCell.isFinite, metresPerCell > 0, maxCells >= 1 else { return nil }
        let longest = metresPerCell * Double(maxCells)
        let power = pow(10, floor(log10(longest)))
        guard power.isFinite, power > 0 else { return nil }
        let metres = [5, 2, 1].map { Double($0) * power }.first { $0 <= longest } ?? power
        self.metres = metres
        // Within 1…maxCells by construction; the clamp only guards the rounding at the ends.
        let span = (metres / metresPerCell).rounded()
        cells = min(max(1, Int(exactly: span) ?? 1), maxCells)
        label = Self.label(metres)
    }

    static func label(_ metres: Double) -> String {
        if metres >= 1000 { return "\(Self.round(metres / 1000)) km" }
        return "\(Self.round(metres)) m"
    }

    /// `2`, `0.5`, `0.01`: a round number as written (1, 2 or 5 times a power of ten).
    private static func round(_ value: Double) -> String {
        if value >= 1, let whole = Int(exactly: value.rounded()) { return String(whole) }
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
