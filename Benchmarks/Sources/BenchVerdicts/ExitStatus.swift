/// The exit status of a benchmark run, from its verdicts: what `scripts/bench` exits with.
public enum ExitStatus {
    /// Every target met.
    public static let met: Int32 = 0
    /// A target missed.
    public static let missed: Int32 = 1
    /// Nothing missed, but a benchmark could not measure what its rule needs: not a pass.
    public static let cannotMeasure: Int32 = 3

    /// A missed target outranks a benchmark that could not measure (that one is not a pass either); no verdict at
    /// all is not a pass.
    public static func of(_ verdicts: [Verdict]) -> Int32 {
        if verdicts.isEmpty { return cannotMeasure }
        if verdicts.contains(where: { $0.outcome == .missed }) { return missed }
        if verdicts.contains(where: { $0.outcome == .cannotMeasure }) { return cannotMeasure }
        return met
    }
}
