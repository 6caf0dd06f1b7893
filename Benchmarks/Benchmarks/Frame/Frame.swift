// The dashboard's frame at 1,000 and 100,000 vehicles on a 200×60 screen (the small fleet is the large one's
// baseline, in the same run), the same with the map open (judged against the map's own small frame), and the CPU
// an idle dashboard uses. `scripts/bench frame` runs and judges it.
import Benchmark
import BenchVerdicts
import BenchWorkloads
import Foundation

let benchmarks: @Sendable () -> Void = {
    typealias Plan = BenchPlan.Frame

    // One iteration is one live event (not timed: it is the consumer's work) and one frame (timed).
    let frames = Benchmark.Configuration(
        metrics: [.wallClock], timeUnits: .nanoseconds, warmupIterations: 20,
        maxDuration: .seconds(120), maxIterations: Plan.frames)
    func frameBenchmark(_ name: String, vehicles: Int, filter: String = "", map: Bool = false, sorted: Bool = false) {
        Benchmark(name, configuration: frames) { benchmark, loop in
            loop.advance()
            benchmark.startMeasurement()
            loop.frame()
            benchmark.stopMeasurement()
        } setup: {
            FrameLoop(vehicles: vehicles, filter: filter, map: map, sorted: sorted)
        }
    }
    frameBenchmark(Plan.small, vehicles: Plan.smallFleet)
    frameBenchmark(Plan.large, vehicles: Plan.largeFleet)
    frameBenchmark(Plan.filtered, vehicles: Plan.largeFleet, filter: Plan.filter)
    frameBenchmark(Plan.sortedSmall, vehicles: Plan.smallFleet, filter: Plan.filter, sorted: true)
    frameBenchmark(Plan.sortedLarge, vehicles: Plan.largeFleet, filter: Plan.filter, sorted: true)
    frameBenchmark(Plan.mapSmall, vehicles: Plan.smallFleet, map: true)
    frameBenchmark(Plan.mapLarge, vehicles: Plan.largeFleet, map: true)

    // Idle: the process's CPU over a window of sleeping, from getrusage (the harness's CPU metrics count in 10 ms
    // scheduler ticks). No harness metric that samples in the background is asked for, so the harness's own
    // share is its main thread asleep; the same window without a dashboard measures it.
    let idleCPU = BenchmarkMetric.custom(BenchPlan.CustomMetric.idleCPU, polarity: .prefersSmaller, useScalingFactor: false)
    let framesDrawn = BenchmarkMetric.custom(BenchPlan.CustomMetric.framesDrawn, polarity: .prefersSmaller,
                                             useScalingFactor: false)
    let idle = Benchmark.Configuration(
        metrics: [.wallClock, idleCPU, framesDrawn], timeUnits: .nanoseconds,
        units: [idleCPU: .count, framesDrawn: .count], warmupIterations: 0,
        maxDuration: .seconds(60), maxIterations: 3)
    func idleWindow(_ benchmark: Benchmark, frames: () -> Int) {
        let (cpu0, wall0, frames0) = (processCPUMicroseconds(), Date(), frames())
        usleep(UInt32(Plan.idleSeconds * 1_000_000))
        let wall = Date().timeIntervalSince(wall0)
        benchmark.measurement(idleCPU, Int(Double(processCPUMicroseconds() - cpu0) / wall))
        benchmark.measurement(framesDrawn, frames() - frames0)
    }
    Benchmark(Plan.idleBaseline, configuration: idle) { benchmark in
        idleWindow(benchmark, frames: { 0 })
    }
    let running = RunningDashboard()
    Benchmark(Plan.idle, configuration: idle) { benchmark in
        idleWindow(benchmark, frames: { running.dashboard?.framesDrawn ?? 0 })
    } setup: {
        running.dashboard = IdleDashboard(vehicles: Plan.idleFleet)
    } teardown: {
        running.dashboard?.stop()
        running.dashboard = nil
    }
}

/// The idle benchmark's dashboard, started by its setup and stopped by its teardown (the harness hands a setup's
/// result to the benchmark's closure, not to its teardown).
private final class RunningDashboard {
    var dashboard: IdleDashboard?
}
