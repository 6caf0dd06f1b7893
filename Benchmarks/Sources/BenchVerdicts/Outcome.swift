/// What a verdict found.
public enum Outcome: Sendable, Equatable {
    /// The target was met.
    case met
    /// The target was missed.
    case missed
    /// The run did not measure what the rule needs (a figure missing or zero where it cannot be): no judgement.
    case cannotMeasure
}
