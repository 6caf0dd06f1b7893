// decode + apply on one core, on a realistic mix of INVERS events, against Foundation's JSONDecoder decoding the
// same bodies into Codable models (the baseline, in the same run). `scripts/bench decode-apply` runs and judges it.
import Benchmark
import BenchVerdicts
import BenchWorkloads
import FleetCore

let benchmarks: @Sendable () -> Void = {
    typealias Plan = BenchPlan.DecodeApply
    let bodies = EventMix.bodies(count: Plan.events, vehicles: Plan.vehicles)
    let decoder = EventDecoder()

    // Timed without malloc counting: the interposer hooks its counters only for benchmarks that ask for them, and
    // counting would cost the baseline (which allocates far more) more than fleetwatch.
    let timed = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal], timeUnits: .nanoseconds, warmupIterations: 1,
        maxDuration: .seconds(300), maxIterations: 7)
    Benchmark(Plan.baseline, configuration: timed) { _ in DecodeApplyPasses.jsonDecoder(bodies) }
    Benchmark(Plan.decode, configuration: timed) { _ in DecodeApplyPasses.decode(bodies, with: decoder) }
    Benchmark(Plan.decodeApply, configuration: timed) { _ in DecodeApplyPasses.decodeApply(bodies, with: decoder) }

    // Allocations per event: counted in passes of their own, over fewer bodies (the count does not depend on the
    // batch size).
    let counted = Array(bodies.prefix(Plan.countedEvents))
    let counting = Benchmark.Configuration(
        metrics: [.mallocCountTotal], units: [.mallocCountTotal: .count], warmupIterations: 1,
        maxDuration: .seconds(300), maxIterations: 3)
    Benchmark(Plan.baselineAllocations, configuration: counting) { _ in DecodeApplyPasses.jsonDecoder(counted) }
    Benchmark(Plan.decodeApplyAllocations, configuration: counting) { _ in
        DecodeApplyPasses.decodeApply(counted, with: decoder)
    }
}
