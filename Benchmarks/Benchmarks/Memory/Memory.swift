// The dashboard's resident memory after a long run: 100,000 vehicles after 1,000,000 events, decoded,
// deduplicated, applied and drawn. `scripts/bench memory` runs and judges it; the verdict refuses to judge a run
// whose resident memory or allocations were not measured.
import Benchmark
import BenchVerdicts
import BenchWorkloads

let benchmarks: @Sendable () -> Void = {
    typealias Plan = BenchPlan.Memory
    // One run and no warm-up: a second run in the same process would start from the first one's heap. The peak
    // is the harness's sample of the whole process's resident set (every 5 ms); the allocations are the
    // interposer's count, so that a run without it is seen.
    let configuration = Benchmark.Configuration(
        metrics: [.peakMemoryResident, .mallocCountTotal, .wallClock], timeUnits: .nanoseconds,
        units: [.peakMemoryResident: .count, .mallocCountTotal: .count],
        warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 1)
    Benchmark(Plan.longRun, configuration: configuration) { _ in
        blackHole(LongRun.run(events: Plan.events, vehicles: Plan.vehicles))
    }
}
