/// The in-process benchmarks, as `scripts/bench` names them.
public enum InProcessSuite: String, Sendable, CaseIterable {
    case decodeApply = "decode-apply"
    case frame
    case memory

    /// The harness's executable target that runs it.
    public var target: String {
        switch self {
        case .decodeApply: BenchPlan.DecodeApply.target
        case .frame: BenchPlan.Frame.target
        case .memory: BenchPlan.Memory.target
        }
    }
}
