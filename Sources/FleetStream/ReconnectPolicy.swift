/// When to try again after a connection attempt failed or a connection dropped: exponential backoff with
/// jitter (so that many consumers do not reconnect in step), reset once a connection has stayed up for a while,
/// and a slow, fixed pace for refused credentials (INVERS suspends consumers that hammer its broker).
public struct ReconnectPolicy: Sendable, Hashable {
    /// The delay after the first failure.
    public var initialDelay: Double
    /// The cap of the exponential delay.
    public var maximumDelay: Double
    public var multiplier: Double
    /// The delay while the broker refuses the credentials or the vhost.
    public var accessRefusedDelay: Double
    /// A connection that stayed up this long resets the backoff.
    public var stableAfter: Double

    public init(initialDelay: Double = 0.1, maximumDelay: Double = 5, multiplier: Double = 2,
                accessRefusedDelay: Double = 30, stableAfter: Double = 10) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = multiplier
        self.accessRefusedDelay = accessRefusedDelay
        self.stableAfter = stableAfter
    }

    /// The wait before attempt `failures + 1`, given `failures` (≥ 1) consecutive failures. `random` is uniform in
    /// 0..<1: the exponential delay is jittered down by up to half ("equal jitter"), the access-refused delay up
    /// by up to a fifth.
    public func delay(afterFailures failures: Int, accessRefused: Bool, random: Double) -> Double {
        if accessRefused { return accessRefusedDelay * (1 + 0.2 * random) }
        let exponent = Double(max(0, min(failures - 1, 30)))
        let base = min(maximumDelay, initialDelay * pow(multiplier, exponent))
        return base * (0.5 + 0.5 * random)
    }

    private func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        var n = Int(exponent)
        while n > 0 { result *= base; n -= 1 }
        return result
    }
}
