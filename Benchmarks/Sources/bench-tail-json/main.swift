import Foundation

// `bench-tail-json [EVENTS] [VEHICLES]`: tail --json's lines against a CPU-time target (TailJSONBenchmark);
// exits 1 when the target is missed. Run through `scripts/bench tail-json` (release build).
let arguments = CommandLine.arguments.dropFirst().map { Int($0) }
guard arguments.allSatisfy({ ($0 ?? 0) > 0 }) else {
    print("usage: bench-tail-json [EVENTS] [VEHICLES]")
    exit(2)
}
let events = arguments.first.flatMap { $0 } ?? 50_000
let vehicles = arguments.dropFirst().first.flatMap { $0 } ?? 1_000
exit(TailJSONBenchmark.run(events: events, vehicles: vehicles) ? 0 : 1)
