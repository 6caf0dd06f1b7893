/// decode + apply on one core against Foundation's `JSONDecoder` decoding the same bodies, in the same run.
///
/// The target is 250,000 events/s on a machine where `JSONDecoder` does ~75,000/s. It is judged as that
/// ratio of rates (≥ 3.33×), the baseline's median time per pass over decode + apply's, so that a slower or
/// busier machine does not decide it.
public enum DecodeApplyRule {
    public static let designRate = 250_000.0
    public static let designBaselineRate = 75_000.0
    /// The ratio to the baseline's rate that decode + apply must reach.
    public static var target: Double { designRate / designBaselineRate }

    /// Judges the median nanoseconds of one pass over the same bodies, decode + apply and the baseline's.
    public static func judge(decodeApplyNanos: Double?, baselineNanos: Double?) -> Verdict {
        let targetText = "≥ \(Figures.fixed(target, 2))× JSONDecoder's rate"
        guard let decodeApplyNanos, decodeApplyNanos > 0, let baselineNanos, baselineNanos > 0 else {
            return Verdict(subject: "decode + apply", outcome: .cannotMeasure,
                           figure: "no time for decode + apply or for its baseline", target: targetText)
        }
        let ratio = baselineNanos / decodeApplyNanos
        return Verdict(subject: "decode + apply", outcome: ratio >= target ? .met : .missed,
                       figure: "\(Figures.judgedRatio(ratio, rounded: .down)) JSONDecoder's rate", target: targetText)
    }
}
