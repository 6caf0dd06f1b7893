/// One benchmark's verdict: what was measured, against which target, and the outcome.
public struct Verdict: Sendable, Equatable {
    /// What was judged, e.g. "decode + apply".
    public var subject: String
    public var outcome: Outcome
    /// The measured figure as judged, e.g. "6.40× JSONDecoder", or why it could not be measured.
    public var figure: String
    /// The target as README states it, e.g. "≥ 3.33× JSONDecoder".
    public var target: String

    public init(subject: String, outcome: Outcome, figure: String, target: String) {
        self.subject = subject
        self.outcome = outcome
        self.figure = figure
        self.target = target
    }

    /// The line the benchmarks print for it.
    public var line: String {
        let word = switch outcome {
        case .met: "met"
        case .missed: "MISSED"
        case .cannotMeasure: "CANNOT MEASURE"
        }
        return "verdict: \(subject): \(figure); target \(target): \(word)"
    }
}
