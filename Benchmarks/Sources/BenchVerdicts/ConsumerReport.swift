/// What `bench-verdict consumer` prints for a run of the consumer benchmark: each side's mean and best drains,
/// the comparisons that are printed and not judged, then the verdicts (`ConsumerRule`).
public struct ConsumerReport: Sendable {
    public var lines: [String] = []
    public var verdicts: [Verdict]

    public init(_ drains: [ConsumerDrain]) {
        let rates = { (side: ConsumerSide) in drains.filter { $0.side == side }.map(\.eventsPerSecond) }
        let rate = { (value: Double?) in value.map { Figures.grouped($0) + "/s" } ?? "-" }
        for side in ConsumerSide.allCases where !rates(side).isEmpty {
            let all = rates(side)
            let fast = ConsumerRule.fastRates(drains)[side] ?? []
            lines.append("\(side.rawValue): \(all.count) drain(s), mean \(rate(all.reduce(0, +) / Double(all.count))), "
                         + "best \(rate(all.max())), median outside the broker's slow mode \(rate(median(fast))) "
                         + "(\(fast.count) drain(s))")
        }
        for (side, baseline, what) in [(ConsumerSide.inline, ConsumerSide.c4, "inline against the C consumer acking as often as fleetwatch"),
                                       (.stream, .c, "stream (tail's path) against the C consumer")] {
            if let comparison = ConsumerRule.compare(side, with: baseline, in: drains) {
                lines.append("  \(what): \(Figures.ratio(comparison.ratio)) (printed, not judged)")
            }
        }
        verdicts = ConsumerRule.judge(drains)
    }
}
