import FleetCore

/// What the views show of any number: they format values that came from the network, and a Double can be
/// anything (NaN, ±inf, 1e300), so none reaches an `Int` unchecked. Magnitudes are clamped to a billion (the
/// decoder's domains keep real values far below), NaN shows as `?`.
private let displayLimit = 1e9

/// `2.4`: one decimal, without Foundation's formatting; see `displayLimit`.
func oneDecimal(_ value: Double) -> String {
    guard !value.isNaN else { return "?" }
    let tenths = Int(exactly: (min(max(value, -displayLimit), displayLimit) * 10).rounded()) ?? 0
    return "\(tenths < 0 ? "-" : "")\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
}

/// `25`: rounded to a whole number; see `displayLimit`.
func wholeNumberText(_ value: Double) -> String {
    guard !value.isNaN else { return "?" }
    return String(Int(exactly: min(max(value, -displayLimit), displayLimit).rounded()) ?? 0)
}

/// `41,200`: digits grouped by thousands, for the large counts an operator reads at a glance.
func groupedText(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    grouped.reserveCapacity(digits.count + digits.count / 3 + 1)
    for (i, digit) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    return value < 0 ? "-" + grouped : grouped
}

/// `12s`, `5m`, `3h`, `2d`: a span of whole seconds in its largest whole unit (negative spans as 0s).
func compactDuration(seconds: Int64) -> String {
    let s = max(0, seconds)
    return switch s {
    case ..<60: "\(s)s"
    case ..<3_600: "\(s / 60)m"
    case ..<172_800: "\(s / 3_600)h"
    default: "\(s / 86_400)d"
    }
}
