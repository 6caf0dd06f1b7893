/// A dashboard frame (200×60) at 100,000 vehicles against the same frame at 1,000, in the same run.
///
/// The target: a frame within 2 ms at 100,000 vehicles, and at most 1.5× the 1,000-vehicle frame (the frame's cost
/// must not grow with the fleet: the screen shows 60 rows whichever the fleet's size). Both are judged on the
/// median frame.
public enum FrameRule {
    /// The largest median frame at the large fleet, in nanoseconds.
    public static let budgetNanos = 2_000_000.0
    /// The largest ratio of the large fleet's median frame to the small fleet's.
    public static let maxRatio = 1.5

    /// Judges the median nanoseconds per frame at the small and the large fleet; `subject` names the frame (the
    /// map's is judged by the same rule as the log panes').
    public static func judge(smallNanos: Double?, largeNanos: Double?, subject: String = "frame at 100k vehicles")
        -> Verdict {
        let targetText = "≤ 2,000 µs and ≤ \(Figures.fixed(maxRatio, 1))× the 1k-vehicle frame"
        guard let smallNanos, smallNanos > 0, let largeNanos, largeNanos > 0 else {
            return Verdict(subject: subject, outcome: .cannotMeasure,
                           figure: "no frame time at one of the fleet sizes", target: targetText)
        }
        let ratio = largeNanos / smallNanos
        let met = largeNanos <= budgetNanos && ratio <= maxRatio
        return Verdict(subject: subject, outcome: met ? .met : .missed,
                       figure: "\(Figures.fixed(largeNanos / 1000, 0)) µs, \(Figures.judgedRatio(ratio, rounded: .up)) the 1k-vehicle frame",
                       target: targetText)
    }
}
