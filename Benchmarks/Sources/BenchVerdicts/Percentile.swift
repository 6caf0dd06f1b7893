/// The `p`-th percentile (0 < p ≤ 100) of `values` by nearest rank: the smallest value that at least p % of them
/// do not exceed, so always one of the values measured (no interpolation between two presses); nil for none.
public func percentile(_ p: Double, of values: [Double]) -> Double? {
    guard !values.isEmpty, p > 0, p <= 100 else { return nil }
    let sorted = values.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
}
