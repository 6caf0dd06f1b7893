/// The CPU an idle dashboard uses: 1,000 vehicles, no events, nothing typed.
///
/// The target was "~0 %"; the rule makes that at most 1 % of one core above the harness's own CPU over the same idle
/// window in the same run (a dashboard that polled or redrew while idle would cost more than that; one that sleeps
/// until something happens costs next to nothing).
public enum IdleCPURule {
    /// The most CPU, in percent of one core, the idle dashboard may use above the harness alone.
    public static let maxPercentOfCore = 1.0

    /// Judges the median process CPU, in microseconds per second of wall time, of the idle window with the
    /// dashboard running and of the same window without it.
    public static func judge(dashboardMicrosPerSecond: Double?, harnessMicrosPerSecond: Double?) -> Verdict {
        let targetText = "≤ \(Figures.fixed(maxPercentOfCore, 1)) % of one core above the harness alone"
        guard let dashboardMicrosPerSecond, dashboardMicrosPerSecond >= 0,
              let harnessMicrosPerSecond, harnessMicrosPerSecond >= 0 else {
            return Verdict(subject: "idle dashboard", outcome: .cannotMeasure,
                           figure: "no CPU figure for the idle window", target: targetText)
        }
        // A microsecond per second is a millionth of a core: 10,000 µs/s is 1 %.
        let percent = max(0, dashboardMicrosPerSecond - harnessMicrosPerSecond) / 10_000
        return Verdict(subject: "idle dashboard", outcome: percent <= maxPercentOfCore ? .met : .missed,
                       figure: "\(Figures.fixed(percent, 2)) % of one core", target: targetText)
    }
}
