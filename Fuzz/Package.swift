// swift-tools-version:6.0
import PackageDescription

// fleetwatch's libFuzzer targets: `scripts/fuzz` builds them with `-sanitize=fuzzer,address` in `.build-fuzz`.
// A package of its own, so that the ordinary `swift build` and `swift test` never build them (they have no `main`
// without libFuzzer). It depends on the root package by path and only on its NIO-free libraries.
//
//   fuzz-events  AMQP body + headers → EventDecoder → FleetStore → a dashboard frame on an in-memory grid
//   fuzz-rest    the REST answers the client reads (InversAnswers: token, vehicle pages, command answers,
//                problems, rate-limit headers)
//   fuzz-theme   theme files → ThemeParser → a palette at every colour depth
//   fuzz-config  config.toml → Settings.resolve (TOMLKit and the checks after it)
//   fuzz-urls    AMQP URLs (AMQPURL), API URLs (Settings' checks, APIEndpoint) and URL redaction
let package = Package(
    name: "fleetwatch-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "fleetwatch", path: ".."),
    ],
    targets: [
        // Hands libFuzzer its `main` back (SwiftPM links executables with `main` bound to the Swift entry point).
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-events", dependencies: [
            "FuzzDriver",
            .product(name: "FleetCore", package: "fleetwatch"),
            .product(name: "FleetTUI", package: "fleetwatch"),
        ]),
        .executableTarget(name: "fuzz-rest", dependencies: [
            "FuzzDriver",
            .product(name: "FleetCore", package: "fleetwatch"),
            .product(name: "InversAnswers", package: "fleetwatch"),
        ]),
        .executableTarget(name: "fuzz-theme", dependencies: [
            "FuzzDriver",
            .product(name: "FleetTUI", package: "fleetwatch"),
        ]),
        .executableTarget(name: "fuzz-config", dependencies: [
            "FuzzDriver",
            .product(name: "FleetConfig", package: "fleetwatch"),
        ]),
        .executableTarget(name: "fuzz-urls", dependencies: [
            "FuzzDriver",
            .product(name: "AMQP", package: "fleetwatch"),
            .product(name: "FleetConfig", package: "fleetwatch"),
            .product(name: "FleetCore", package: "fleetwatch"),
            .product(name: "InversAnswers", package: "fleetwatch"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
