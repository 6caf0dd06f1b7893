import Foundation

/// How the verdicts print numbers.
enum Figures {
    static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// A whole number with thousands separators: 223,000.
    static func grouped(_ value: Double) -> String {
        let n = Int(value.rounded())
        var digits = Array(String(abs(n)))
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + String(digits + out)
    }

    static func mebibytes(_ bytes: Double) -> String { String(format: "%.1f MiB", bytes / 1_048_576) }
}
