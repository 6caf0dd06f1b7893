// swift-tools-version:6.1
import PackageDescription

// fleetwatch's benchmarks' verdicts: each benchmark's rule, judged in code that tests can break.
// A package of its own, so that the ordinary `swift build` and `swift test` of the root never build it.
let package = Package(
    name: "fleetwatch-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The verdict rules and the reading of the harness's export: pure, so that tests can break a rule.
        .target(name: "BenchVerdicts"),
        .executableTarget(name: "bench-verdict", dependencies: [
            "BenchVerdicts",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "BenchVerdictsTests", dependencies: ["BenchVerdicts"]),
    ],
    swiftLanguageModes: [.v6]
)
