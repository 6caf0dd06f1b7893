/// When a vehicle needs an operator's attention beyond smoke: offline too long, charge too low, or silent too long
/// (its last report, and so its position, can no longer be trusted).
///
/// The defaults follow what INVERS boxes do: a parked box reports about every 30 minutes, so a vehicle counts as
/// stale only after half as long again with nothing from it; a box that goes offline for a few minutes (a tunnel,
/// a garage) is normal, a quarter of an hour is not.
public struct AlertThresholds: Hashable, Sendable {
    /// Offline for at least this long is an alert.
    public var offlineAfterSeconds: Double
    /// A charge or fuel level below this (percent) is an alert.
    public var lowChargePercent: Double
    /// No report for at least this long: the vehicle's values, its position included, are stale.
    public var staleAfterSeconds: Double

    public init(offlineAfterSeconds: Double = 15 * 60, lowChargePercent: Double = 20,
                staleAfterSeconds: Double = 45 * 60) {
        self.offlineAfterSeconds = offlineAfterSeconds
        self.lowChargePercent = lowChargePercent
        self.staleAfterSeconds = staleAfterSeconds
    }

    public static let standard = AlertThresholds()
}
