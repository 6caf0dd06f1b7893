/// What `bench-verdict in-process` prints for a run of the in-process benchmarks: the figures (rates and ratios
/// against the same run's baselines, allocations per event, memory), then the verdicts.
public struct InProcessReport: Sendable {
    public var lines: [String] = []
    public var verdicts: [Verdict] = []

    /// Reads `export` for `suites` and judges each by its rule.
    public init(_ export: HarnessExport, suites: [InProcessSuite]) {
        for suite in suites {
            switch suite {
            case .decodeApply: decodeApply(export)
            case .frame: frame(export)
            case .memory: memory(export)
            }
        }
    }

    private mutating func decodeApply(_ export: HarnessExport) {
        typealias Plan = BenchPlan.DecodeApply
        let time = { (name: String) in export.value(Plan.target, name, "wallClock") }
        let perEvent = { (name: String) in export.value(Plan.target, name, "mallocCountTotal").map { $0 / Double(Plan.countedEvents) } }
        lines.append("decode + apply: \(Figures.grouped(Double(Plan.events))) events over "
                     + "\(Figures.grouped(Double(Plan.vehicles))) vehicles a pass, one core (median pass)")
        let baseline = time(Plan.baseline)
        // The CPU time's ratio is printed beside the judged one: on a shared machine it moves less with the load
        // of other processes, so a wide gap between the two says the run was disturbed.
        let cpu = { (name: String) in export.value(Plan.target, name, "cpuTotal") }
        for name in [Plan.baseline, Plan.decode, Plan.decodeApply] {
            guard let nanos = time(name), nanos > 0 else {
                lines.append("  \(name): not measured")
                continue
            }
            let rate = Double(Plan.events) / (nanos / 1e9)
            var ratio = name == Plan.baseline ? "(baseline)" : baseline.map { Figures.ratio($0 / nanos) + " the baseline" } ?? ""
            if name != Plan.baseline, let mine = cpu(name), mine > 0, let theirs = cpu(Plan.baseline) {
                ratio += " (by CPU time \(Figures.ratio(theirs / mine)))"
            }
            lines.append("  \(name): \(Figures.grouped(rate)) events/s \(ratio)")
        }
        let allocations = [(Plan.baseline, perEvent(Plan.baselineAllocations)),
                           (Plan.decodeApply, perEvent(Plan.decodeApplyAllocations))]
            .map { name, value in "\(name) \(value.map { Figures.fixed($0, 1) } ?? "not counted (no malloc interposer?)")" }
        lines.append("  allocations per event: " + allocations.joined(separator: ", "))
        verdicts.append(DecodeApplyRule.judge(decodeApplyNanos: time(Plan.decodeApply), baselineNanos: baseline))
    }

    private mutating func frame(_ export: HarnessExport) {
        typealias Plan = BenchPlan.Frame
        let frame = { (name: String, p: Int) in export.value(Plan.target, name, "wallClock", percentile: p) }
        lines.append("frame: 200×60, one live event before each frame (median of \(Figures.grouped(Double(Plan.frames))) frames)")
        for name in [Plan.small, Plan.large, Plan.filtered, Plan.sortedSmall, Plan.sortedLarge, Plan.mapSmall, Plan.mapLarge] {
            if let p50 = frame(name, 50), let p99 = frame(name, 99) {
                lines.append("  \(name): \(Figures.fixed(p50 / 1000, 0)) µs (p99 \(Figures.fixed(p99 / 1000, 0)) µs)")
            } else {
                lines.append("  \(name): not measured")
            }
        }
        let idle = { (name: String, metric: String) in export.value(Plan.target, name, metric) }
        let dashboard = idle(Plan.idle, BenchPlan.CustomMetric.idleCPU)
        let harness = idle(Plan.idleBaseline, BenchPlan.CustomMetric.idleCPU)
        let drawn = idle(Plan.idle, BenchPlan.CustomMetric.framesDrawn)
        lines.append("idle: \(Plan.idleSeconds) s windows, \(Figures.grouped(Double(Plan.idleFleet))) vehicles, no events: "
                     + "process CPU \(dashboard.map { Figures.grouped($0) } ?? "-") µs/s with the dashboard, "
                     + "\(harness.map { Figures.grouped($0) } ?? "-") µs/s without; "
                     + "\(drawn.map { Figures.grouped($0) } ?? "-") frames drawn (median window)")
        verdicts.append(FrameRule.judge(smallNanos: frame(Plan.small, 50), largeNanos: frame(Plan.large, 50)))
        verdicts.append(FrameRule.judge(smallNanos: frame(Plan.mapSmall, 50), largeNanos: frame(Plan.mapLarge, 50),
                                        subject: "map frame at 100k vehicles"))
        verdicts.append(FrameRule.judge(smallNanos: frame(Plan.sortedSmall, 50), largeNanos: frame(Plan.sortedLarge, 50),
                                        subject: "sorted, filtered frame at 100k vehicles"))
        verdicts.append(IdleCPURule.judge(dashboardMicrosPerSecond: dashboard, harnessMicrosPerSecond: harness))
    }

    private mutating func memory(_ export: HarnessExport) {
        typealias Plan = BenchPlan.Memory
        let value = { (metric: String) in export.value(Plan.target, Plan.longRun, metric) }
        let peak = value("peakMemoryResident"), allocations = value("mallocCountTotal"), wall = value("wallClock")
        lines.append("memory: \(Figures.grouped(Double(Plan.events))) events over \(Figures.grouped(Double(Plan.vehicles))) "
                     + "vehicles, decoded, deduplicated, applied, and drawn at 200×60 every 10,000 events")
        lines.append("  peak resident \(peak.map { Figures.mebibytes($0) } ?? "-"), "
                     + "allocations per event \(allocations.map { Figures.fixed($0 / Double(Plan.events), 1) } ?? "-"), "
                     + "\(wall.map { Figures.fixed($0 / 1e9, 1) } ?? "-") s")
        verdicts.append(MemoryRule.judge(peakResidentBytes: peak, allocations: allocations))
    }
}
