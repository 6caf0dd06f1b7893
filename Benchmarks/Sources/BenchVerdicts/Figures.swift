import Foundation

/// How the verdicts print numbers.
enum Figures {
    static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
    /// A ratio that a verdict judges, to three decimals rounded away from passing (`.down` for a target the ratio
    /// must reach, `.up` for one it must stay under), so that a ratio that missed never prints as the target.
    static func judgedRatio(_ value: Double, rounded rule: FloatingPointRoundingRule) -> String {
        String(format: "%.3f×", (value * 1000).rounded(rule) / 1000)
    }
    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// A whole number with thousands separators: 223,000.
    static func grouped(_ value: Double) -> String {
        // A rate over a time too short to measure is infinite: said, not trapped on.
        guard let n = Int(exactly: value.rounded()) else { return value.isNaN ? "?" : "∞" }
        var digits = Array(String(abs(n)))
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + String(digits + out)
    }

    static func mebibytes(_ bytes: Double) -> String { String(format: "%.1f MiB", bytes / 1_048_576) }
    static func megabytes(_ bytes: Double) -> String { String(format: "%.1f MB", bytes / 1_000_000) }
    /// Milliseconds to one decimal; a time that never ended (infinity) as "never".
    static func millis(_ value: Double) -> String { value.isFinite ? String(format: "%.1f ms", value) : "never" }
}
