import ArgumentParser

/// `fleetwatch-bench`: the project's benchmarks. Run through `scripts/bench` (release build).
struct FleetwatchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleetwatch-bench", abstract: "fleetwatch's benchmarks; figures are ratios against a same-run baseline.",
        subcommands: [DecodeApply.self, Memory.self, TailJSON.self], defaultSubcommand: DecodeApply.self)

    struct DecodeApply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decode-apply", abstract: "decode + apply vs Foundation's JSONDecoder, one core.")
        @Option(help: "Events per round.") var events = 200_000
        @Option(help: "Vehicles in the fleet.") var vehicles = 5_000
        @Flag(help: "Only run decode + apply, without the baseline (for a profiler).") var profile = false
        func run() {
            if profile {
                DecodeApplyBenchmark.profile(events: events, vehicles: vehicles)
            } else {
                DecodeApplyBenchmark.run(events: events, vehicles: vehicles)
            }
        }
    }

    struct Memory: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "memory", abstract: "resident memory after a long run (store, dedup, row index, frames).")
        @Option(help: "Events in all.") var events = 1_000_000
        @Option(help: "Vehicles in the fleet.") var vehicles = 100_000
        func run() { MemoryBenchmark.run(events: events, vehicles: vehicles) }
    }

    struct TailJSON: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tail-json", abstract: "tail --json's lines (JSONEncoder) against a CPU-time target, one core.")
        @Option(help: "Events per round.") var events = 50_000
        @Option(help: "Vehicles in the simulated fleet.") var vehicles = 1_000
        func run() throws {
            if !TailJSONBenchmark.run(events: events, vehicles: vehicles) { throw ExitCode.failure }
        }
    }
}

FleetwatchBench.main()
