// swift-tools-version:6.1
import PackageDescription

// fleetwatch's benchmarks: `scripts/bench` runs them all, judges them and exits with the verdict.
// A package of its own, so that the ordinary `swift build` and `swift test` of the root never build the harness
// (ordo-one/benchmark and its malloc interposer). It depends on the root package by path, like Fuzz/ does.
//
//   Benchmarks/DecodeApply   decode + apply, one core, against Foundation's JSONDecoder on the same bodies
//   Benchmarks/Frame         a dashboard frame at 1,000 and 100,000 vehicles (200×60), log panes or map; idle CPU
//   Benchmarks/Memory        resident memory with 100,000 vehicles after 1,000,000 events
//   bench-verdict            the verdicts: ratios against the same run's baselines, from the harness's export
//   fleetwatch-bench-consumer  the consumer and catch-up benchmarks' Swift side (a broker is needed:
//                            scripts/bench-consumer, scripts/bench-catch-up)
//   bench-tail-json          tail --json's lines against a CPU-time target, with its own small harness
//
// ordo-one/benchmark's plugin runs every executable target whose folder is in `Benchmarks/Benchmarks/`.
// The trait list names MallocInterposer alone: the default traits add the Swift 6.3 runtime interposer for ARC
// counts, a package this machine's mirror does not have, and no benchmark here counts retains.
let package = Package(
    name: "fleetwatch-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "fleetwatch", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The work the benchmarks measure, shared by them: the event mix, the baseline's Codable model, a fleet
        // and its frames, an idle dashboard, the long run.
        .target(name: "BenchWorkloads", dependencies: [
            .product(name: "FleetCore", package: "fleetwatch"),
            .product(name: "FleetTUI", package: "fleetwatch"),
        ]),
        // The verdict rules and the reading of the harness's export: pure, so that tests can break a rule.
        .target(name: "BenchVerdicts"),

        .executableTarget(name: "DecodeApply", dependencies: [
            "BenchWorkloads", "BenchVerdicts",
            .product(name: "FleetCore", package: "fleetwatch"),
            .product(name: "Benchmark", package: "benchmark"),
        ], path: "Benchmarks/DecodeApply", plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(name: "Frame", dependencies: [
            "BenchWorkloads", "BenchVerdicts",
            .product(name: "Benchmark", package: "benchmark"),
        ], path: "Benchmarks/Frame", plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(name: "Memory", dependencies: [
            "BenchWorkloads", "BenchVerdicts",
            .product(name: "Benchmark", package: "benchmark"),
        ], path: "Benchmarks/Memory", plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),

        .executableTarget(name: "bench-verdict", dependencies: [
            "BenchVerdicts",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "fleetwatch-bench-consumer", dependencies: [
            "BenchWorkloads",
            .product(name: "AMQP", package: "fleetwatch"),
            .product(name: "FleetCore", package: "fleetwatch"),
            .product(name: "FleetStream", package: "fleetwatch"),
            .product(name: "FleetTUI", package: "fleetwatch"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .executableTarget(name: "bench-tail-json", dependencies: [
            .product(name: "FleetCore", package: "fleetwatch"),
            .product(name: "FleetSim", package: "fleetwatch"),
            .product(name: "FleetStream", package: "fleetwatch"),
        ]),

        .testTarget(name: "BenchVerdictsTests", dependencies: ["BenchVerdicts"]),
    ],
    swiftLanguageModes: [.v6]
)
