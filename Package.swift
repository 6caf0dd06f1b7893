// swift-tools-version:6.0
import PackageDescription

// fleetwatch: a terminal dashboard for INVERS fleets.
//
// A pure core (FleetCore) and thin edges, each behind a small protocol:
//   AMQP        Swift over rabbitmq-c: URLs, connections, publishing, consuming primitives
//   FleetStream the shared stream consumer (one thread owns the broker) and its hub
//   InversAnswers reading the REST API's answers, pure (no NIO): what tests and fuzzers call with raw bytes
//   InversAPI   the INVERS REST client (OAuth 2.0 client credentials, snapshot, commands)
//   FlatTOML    the config and theme files: key = value TOML, checked against its grammar, parsed by TOMLKit
//   FleetTUI    cell grid, views, keymap, themes, and the ncurses backend
//   FleetSim    the INVERS stand-in: simulation, publisher, REST server
let package = Package(
    name: "fleetwatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fleetwatch", targets: ["fleetwatch"]),
        .executable(name: "fleetsim", targets: ["fleetsim"]),
        // For the fuzzing package in Fuzz/ and the benchmarks' package in Benchmarks/, which depend on this one by
        // path (a package sees only products).
        .library(name: "FleetCore", targets: ["FleetCore"]),
        .library(name: "FleetTUI", targets: ["FleetTUI"]),
        .library(name: "FleetConfig", targets: ["FleetConfig"]),
        .library(name: "AMQP", targets: ["AMQP"]),
        .library(name: "FleetStream", targets: ["FleetStream"]),
        .library(name: "FleetSim", targets: ["FleetSim"]),
        .library(name: "InversAnswers", targets: ["InversAnswers"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CRabbitMQ", pkgConfig: "librabbitmq", providers: [.apt(["librabbitmq-dev"])]),
        // No pkgConfig: ncursesw.pc's only flags are -D ones SwiftPM refuses with a warning on every build; the shim
        // sets what they would, and the module map links the libraries (libncursesw5-dev: scripts/setup).
        .systemLibrary(name: "CNcursesw"),

        // The pure core: events, decoding, store, filter, safe text. No I/O.
        .target(name: "FleetCore", dependencies: [
            .product(name: "DequeModule", package: "swift-collections"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),

        // Edges.
        .target(name: "AMQP", dependencies: ["CRabbitMQ", "FleetCore"]),
        .target(name: "FleetStream", dependencies: [
            "FleetCore", "AMQP", .product(name: "Logging", package: "swift-log"),
        ]),
        // Reading the REST API's answers (tokens, pages, commands, problems, rate limits): pure, no NIO, so that
        // tests and fuzzers feed it raw bytes and header strings.
        .target(name: "InversAnswers", dependencies: ["FleetCore"]),
        .target(name: "InversAPI", dependencies: [
            "FleetCore", "InversAnswers",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "FleetTUI", dependencies: [
            "FleetCore", "FlatTOML", "CNcursesw", "CTerminalRescue",
            .product(name: "Logging", package: "swift-log"),
        ],
        // The built-in themes are the files in themes/ (a link), compiled in as bytes: no copy to keep in step,
        // and an installed binary needs no resource bundle next to it.
        exclude: ["Theme/BuiltinThemeFiles/README.md"],
        resources: [.embedInCode("Theme/BuiltinThemeFiles")]),
        // Restores the terminal from a fatal signal's handler (C: only async-signal-safe calls there).
        .target(name: "CTerminalRescue"),
        .target(name: "FleetSim", dependencies: ["FleetCore", "AMQP"]),
        // The stand-in's REST server (Hummingbird), for fleetsim and the tests only: the fleetwatch binary an
        // operator installs links no HTTP server.
        .target(name: "FleetSimREST", dependencies: [
            "FleetCore", "FleetSim",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The config and theme files' format: TOML's key = value lines, parsed by TOMLKit.
        .target(name: "FlatTOML", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        // Command-line settings: flags, environment and config file, in that order of precedence.
        .target(name: "FleetConfig", dependencies: [
            "FleetCore", "FlatTOML",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Executables.
        .executableTarget(name: "fleetwatch", dependencies: [
            "FleetCore", "FleetConfig", "FleetStream", "InversAPI", "FleetTUI", "FleetSim",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "fleetsim", dependencies: [
            "FleetCore", "FleetSim", "FleetSimREST",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests. Fixtures are copies of the contract's samples plus the variations it allows.
        .target(name: "TestSupport", dependencies: ["FleetCore", "AMQP"], path: "Tests/TestSupport"),
        .testTarget(name: "FleetCoreTests",
                    dependencies: ["FleetCore", "TestSupport",
                                   .product(name: "OrderedCollections", package: "swift-collections")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "FlatTOMLTests", dependencies: ["FlatTOML"]),
        .testTarget(name: "FleetConfigTests", dependencies: ["FleetConfig", "TestSupport"]),
        .testTarget(name: "AMQPTests", dependencies: ["AMQP", "TestSupport"]),
        .testTarget(name: "FleetStreamTests", dependencies: ["FleetStream", "AMQP", "TestSupport"]),
        .testTarget(name: "FleetSimTests", dependencies: ["FleetSim", "FleetSimREST", "FleetCore", "AMQP", "TestSupport"],
                    exclude: ["Fixtures"]),
        // The stand-in's REST server and the INVERS client, over real HTTP on loopback.
        .testTarget(name: "FleetSimRESTTests", dependencies: [
            "FleetSim", "FleetSimREST", "FleetCore", "TestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "InversAnswersTests", dependencies: ["InversAnswers", "FleetCore", "TestSupport"]),
        .testTarget(name: "InversAPITests", dependencies: [
            "InversAPI", "InversAnswers", "FleetSim", "FleetSimREST", "FleetCore", "TestSupport",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // `fleetwatch lock` / `unlock`: the built binary against the stand-in.
        .testTarget(name: "FleetwatchCLITests", dependencies: [
            "AMQP", "FleetSim", "FleetSimREST", "FleetCore", "FleetStream", "FleetTUI", "TestSupport",
        ]),
        .testTarget(name: "FleetTUITests", dependencies: [
            "FleetTUI", "FleetCore", "AMQP", "TestSupport",
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["Goldens"]),
    ],
    swiftLanguageModes: [.v6]
)
