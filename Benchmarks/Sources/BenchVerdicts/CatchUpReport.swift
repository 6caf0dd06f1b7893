/// What `bench-verdict catch-up` prints for a run of the catch-up benchmark: for each kind of queue, each side's
/// drains, each round's ratio, the ratio as the consumer benchmark compares, the key presses' latencies and the
/// dashboard's peak memory, then the verdicts (`CatchUpRule`).
public struct CatchUpReport: Sendable {
    public var lines: [String] = []
    public var verdicts: [Verdict]

    public init(_ run: CatchUpRun) {
        for kind in QueueKind.allCases {
            let drains = run.drains[kind] ?? []
            let fast = ConsumerRule.fastRates(drains)
            for side in [ConsumerSide.c, .dashboard] {
                let rates = drains.filter { $0.side == side }.map(\.eventsPerSecond)
                guard !rates.isEmpty else { continue }
                let shown = rates.map { Figures.grouped($0) }.joined(separator: ", ")
                lines.append("\(kind.rawValue) \(side.rawValue): \(rates.count) drain(s) \(shown) events/s; median "
                             + "\(Figures.grouped(median(rates) ?? 0))/s, outside the broker's slow mode "
                             + "\(median(fast[side] ?? []).map { Figures.grouped($0) + "/s" } ?? "-") "
                             + "(\(fast[side]?.count ?? 0) drain(s))")
            }
            for pair in RoundPair.rounds(of: drains) ?? [] {
                let broker = [pair.c, pair.dashboard].map { $0.brokerMicrosPerEvent.map { Figures.fixed($0, 1) } ?? "-" }
                let ratio = pair.ratio.map { Figures.judgedRatio($0, rounded: .down) } ?? "-"
                lines.append("\(kind.rawValue) round \(pair.round): \(ratio) the C consumer, the broker at "
                             + "\(broker[0]) (C) and \(broker[1]) µs an event"
                             + (pair.isOneMode ? "" : ": not one mode, left out"))
            }
            if let before = ConsumerRule.compare(.dashboard, in: drains) {
                lines.append("\(kind.rawValue), compared as the consumer benchmark compares (the rule before 7 Dec "
                             + "2026, not judged): \(Figures.judgedRatio(before.ratio, rounded: .down))")
            }
            let presses = run.keyLatencies[kind] ?? []
            if !presses.isEmpty {
                let at = { (p: Double) in percentile(p, of: presses).map(Figures.millis) ?? "-" }
                lines.append("\(kind.rawValue) key presses: \(presses.count), p50 \(at(50)), p90 \(at(90)), "
                             + "p99 \(at(99)), max \(at(100))")
            }
            if let peaks = run.peakResidentBytes[kind], !peaks.isEmpty {
                lines.append("\(kind.rawValue) peak resident: " + peaks.map(Figures.megabytes).joined(separator: ", "))
            }
        }
        verdicts = CatchUpRule.judge(run)
    }
}
