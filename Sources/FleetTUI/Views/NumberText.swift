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
