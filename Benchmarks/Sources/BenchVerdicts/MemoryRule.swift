/// The dashboard's resident memory with 100,000 vehicles after 1,000,000 events.
///
/// The target: at most 200 MB resident (MiB, as the figures have always been computed). Judged on the peak of the
/// whole process's resident set during the run, which the harness samples every 5 ms: stricter than the resident
/// size after the run, which the earlier benchmark judged. Memory is not noisy the way time is: the figure is
/// absolute.
///
/// A run that did not measure cannot pass: a peak of zero (no /proc, or a harness that could not read it) or no
/// allocations counted (the malloc interposer was not loaded, so the run is not the one the benchmark describes)
/// is `cannotMeasure`, never `met`.
public enum MemoryRule {
    public static let maxResidentBytes = 200.0 * 1_048_576

    /// Judges the peak resident bytes and the number of allocations the interposer counted during the run.
    public static func judge(peakResidentBytes: Double?, allocations: Double?) -> Verdict {
        let targetText = "≤ 200 MiB resident"
        guard let peakResidentBytes, peakResidentBytes > 0 else {
            return Verdict(subject: "memory", outcome: .cannotMeasure,
                           figure: "no resident memory measured (is /proc readable?)", target: targetText)
        }
        guard let allocations, allocations > 0 else {
            return Verdict(subject: "memory", outcome: .cannotMeasure,
                           figure: "no allocations counted (was the malloc interposer loaded?)", target: targetText)
        }
        return Verdict(subject: "memory", outcome: peakResidentBytes <= maxResidentBytes ? .met : .missed,
                       figure: "peak \(Figures.mebibytes(peakResidentBytes)) resident", target: targetText)
    }
}
