/// The consumer benchmark's verdict: fleetwatch draining a queue against the C consumer that only acknowledges,
/// on the same broker in the same run. Target: ≥ 0.9× the C consumer's rate, for the consumer alone (inline) and
/// for the dashboard's whole path (the store applying every batch); both must meet it.
///
/// The broker drains a queue in one of two modes whichever consumer reads it, the slow one costing it about twice
/// the CPU per event (Benchmarks/consumer/README.md), so a drain in the slow mode says nothing about the
/// consumers. A drain is slow when the broker's CPU per event is over 1.5× the run's lowest; the rule compares the
/// medians of each side's other drains (the typical drain: a best drain hangs on one lucky drain, a mean mixes the
/// two modes). With fewer than two fast drains on a side, or no broker CPU at all, it falls back to the best
/// drains.
public enum ConsumerRule {
    public static let target = 0.9
    /// The target as the verdicts print it, for every rate compared with the C consumer's.
    static let targetText = "≥ \(Figures.fixed(target, 2))× the C consumer"
    /// A drain whose broker CPU per event is over this many times the run's lowest is in the slow mode.
    public static let slowModeFactor = 1.5
    /// The fewest fast drains a side needs for its median to be the figure.
    public static let minimumFastDrains = 2

    /// How a side was compared with the baseline.
    public enum Basis: Sendable, Equatable {
        /// The medians of the drains outside the broker's slow mode, with how many each side had.
        case medianOfFastDrains(side: Int, baseline: Int)
        /// The best drain of each side.
        case bestDrains
    }

    /// A side's rate against the baseline's.
    public struct Comparison: Sendable, Equatable {
        public var ratio: Double
        public var basis: Basis

        public init(ratio: Double, basis: Basis) {
            self.ratio = ratio
            self.basis = basis
        }
    }

    /// Each side's rates outside the broker's slow mode, sorted; empty for every side when no drain has the
    /// broker's CPU.
    public static func fastRates(_ drains: [ConsumerDrain]) -> [ConsumerSide: [Double]] {
        let known = drains.compactMap(\.brokerMicrosPerEvent)
        guard let lowest = known.min() else { return [:] }
        let limit = slowModeFactor * lowest
        var fast: [ConsumerSide: [Double]] = [:]
        for drain in drains {
            if let broker = drain.brokerMicrosPerEvent, broker <= limit {
                fast[drain.side, default: []].append(drain.eventsPerSecond)
            }
        }
        return fast.mapValues { $0.sorted() }
    }

    /// `side` against `baseline` by the rule; nil when either side has no drain with a rate.
    public static func compare(_ side: ConsumerSide, with baseline: ConsumerSide = .c,
                               in drains: [ConsumerDrain]) -> Comparison? {
        let all = { (s: ConsumerSide) in drains.filter { $0.side == s && $0.eventsPerSecond > 0 }.map(\.eventsPerSecond) }
        guard let bestSide = all(side).max(), let bestBaseline = all(baseline).max() else { return nil }
        let fast = fastRates(drains)
        let fastSide = fast[side] ?? [], fastBaseline = fast[baseline] ?? []
        if fastSide.count >= minimumFastDrains, fastBaseline.count >= minimumFastDrains,
           let m = median(fastSide), let b = median(fastBaseline) {
            return Comparison(ratio: m / b, basis: .medianOfFastDrains(side: fastSide.count, baseline: fastBaseline.count))
        }
        return Comparison(ratio: bestSide / bestBaseline, basis: .bestDrains)
    }

    /// The verdicts: the consumer alone, and the dashboard's whole path.
    public static func judge(_ drains: [ConsumerDrain]) -> [Verdict] {
        [rateVerdict(.inline, subject: "consumer (inline subscriber)", in: drains),
         rateVerdict(.store, subject: "dashboard's whole path (consumer + store)", in: drains)]
    }

    /// The verdict on `side`'s rate against the C consumer's, compared by `compare`: the consumer benchmark's
    /// and, for each kind of queue, the catch-up benchmark's.
    public static func rateVerdict(_ side: ConsumerSide, subject: String, in drains: [ConsumerDrain]) -> Verdict {
        guard let comparison = compare(side, in: drains) else {
            return Verdict(subject: subject, outcome: .cannotMeasure,
                           figure: "no drain by it or by the C consumer", target: targetText)
        }
        let basis = switch comparison.basis {
        case let .medianOfFastDrains(n, m): "medians of drains outside the broker's slow mode, \(n) and \(m) C"
        case .bestDrains: "best drains: too few fast drains for a median, run more rounds"
        }
        return Verdict(subject: subject, outcome: comparison.ratio >= target ? .met : .missed,
                       figure: "\(Figures.judgedRatio(comparison.ratio, rounded: .down)) the C consumer (\(basis))", target: targetText)
    }
}
