import FleetCore
import FleetSim
import FleetSimREST
import Foundation
import TestSupport
import Testing

/// `fleetwatch lock ID` and `fleetwatch unlock ID`, run as the built binary against the stand-in over real HTTP:
/// what they print, where, and with which exit code, and that the secret never shows.
@Suite struct LockCommandTests {
    static let clientID = "EXFL29#ops"
    static let secret = "cli-s3cret-Kx7"

    @Test func lockPrintsTheOutcomeWithTheFlowID() async throws {
        let backend = StaticFleetBackend.numbered(3)
        try await withStandIn(backend: backend) { server, url in
            let run = try await fleetwatch(["lock", "V0001"], environment: apiEnvironment(url))
            #expect(run.status == 0, "\(run.stderr)")
            let flow = try #require(backend.executedCommands.last?.flowID)
            #expect(run.stdout == "Locked V0001 (200, flow \(flow))\n")
            #expect(run.stderr.isEmpty)
            #expect(backend.state(of: "V0001")?.centralLock?.value == .locked)
            #expect(!run.output.contains(Self.secret))
        }
    }

    @Test func unlockPrintsUnlocked() async throws {
        let backend = StaticFleetBackend.numbered(3)
        try await withStandIn(backend: backend) { server, url in
            let run = try await fleetwatch(["unlock", "V0002"], environment: apiEnvironment(url))
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("Unlocked V0002 (200, flow "))
            #expect(backend.state(of: "V0002")?.centralLock?.value == .unlocked)
        }
    }

    @Test func conflictIsOneLineOnStderrWithStatusTitleAndFlow() async throws {
        try await withStandIn(backend: StaticFleetBackend.numbered(3, moving: ["V0001"])) { server, url in
            let run = try await fleetwatch(["unlock", "V0001"], environment: apiEnvironment(url))
            #expect(run.status == 4)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("409"))
            #expect(run.stderr.contains("The command cannot be executed due to the current state of the vehicle."))
            #expect(run.stderr.contains("(flow "))
            #expect(run.stderr.split(separator: "\n").count == 1)
            #expect(server.requestCount(.command) == 1)
        }
    }

    @Test func serverErrorExitsFiveAndIsNotResent() async throws {
        try await withStandIn { server, url in
            server.inject(.telematicsUnitError, on: .command)
            let run = try await fleetwatch(["lock", "V0001"], environment: apiEnvironment(url))
            #expect(run.status == 5)
            #expect(run.stderr.contains("500"))
            #expect(run.stderr.contains("may have acted"))
            #expect(server.requestCount(.command) == 1)
        }
    }

    @Test func timeoutExitsSixAndIsNotResent() async throws {
        let backend = StaticFleetBackend.numbered(3)
        try await withStandIn(backend: backend) { server, url in
            server.inject(.delay(.milliseconds(1500)), on: .command)
            let run = try await fleetwatch(["lock", "V0001", "--timeout", "0.3"], environment: apiEnvironment(url))
            #expect(run.status == 6)
            #expect(run.stderr.contains("may have acted"))
            #expect(await eventually { backend.executedCommands.count == 1 })
            #expect(server.requestCount(.command) == 1)
        }
    }

    @Test func readOnlyRefusesWithoutAnyRequest() async throws {
        try await withStandIn { server, url in
            let run = try await fleetwatch(["lock", "V0001", "--read-only"], environment: apiEnvironment(url))
            #expect(run.status == 3)
            #expect(run.stderr.contains("read-only"))
            #expect(server.requestCount(.token) == 0)
            #expect(server.requestCount(.command) == 0)
        }
    }

    @Test func missingCredentialsAreRefusedWithoutAnyRequest() async throws {
        try await withStandIn { server, url in
            var environment = apiEnvironment(url)
            environment["INVERS_CLIENT_SECRET"] = nil
            let run = try await fleetwatch(["lock", "V0001"], environment: environment)
            #expect(run.status == 3)
            #expect(run.stderr.contains("INVERS_CLIENT_SECRET"))
            #expect(server.requestCount(.token) == 0)
        }
    }

    @Test func wrongSecretFailsWithoutShowingIt() async throws {
        try await withStandIn { server, url in
            var environment = apiEnvironment(url)
            environment["INVERS_CLIENT_SECRET"] = "wrong-Q8v2"
            let run = try await fleetwatch(["lock", "V0001"], environment: environment)
            #expect(run.status == 4)
            #expect(run.stderr.contains("401"))
            #expect(!run.output.contains("wrong-Q8v2"))
            #expect(server.requestCount(.command) == 0)
        }
    }

    @Test func secretFileIsReadAndAnOpenOneIsRefused() async throws {
        try await withStandIn { server, url in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-cli-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("secret").path
            _ = FileManager.default.createFile(atPath: file, contents: Data((Self.secret + "\n").utf8),
                                           attributes: [.posixPermissions: 0o600])
            var environment = apiEnvironment(url)
            environment["INVERS_CLIENT_SECRET"] = nil
            let ok = try await fleetwatch(["lock", "V0001", "--client-secret-file", file], environment: environment)
            #expect(ok.status == 0, "\(ok.stderr)")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
            let open = try await fleetwatch(["lock", "V0001", "--client-secret-file", file], environment: environment)
            #expect(open.status != 0)
            #expect(open.stderr.contains("chmod 600"))
            #expect(!open.output.contains(Self.secret))
            #expect(server.requestCount(.command) == 1)
        }
    }

    @Test func unreachableAPIExitsSeven() async throws {
        var environment = apiEnvironment("http://127.0.0.1:1")
        environment["FLEETWATCH_TOKEN_URL"] = nil
        let run = try await fleetwatch(["lock", "V0001"], environment: environment)
        #expect(run.status == 7)
        #expect(run.stderr.contains("Cannot reach http://127.0.0.1:1"))
    }

    @Test func httpsIsVerifiedAgainstTheGivenCA() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        var configuration = StandInConfiguration(clientID: Self.clientID, clientSecret: Self.secret,
                                                 commandLatency: .milliseconds(5))
        configuration.tls = StandInTLS(certificateChainFile: certificates.certificateFile,
                                       privateKeyFile: certificates.keyFile)
        let server = InversStandInServer(backend: StaticFleetBackend.numbered(3), configuration: configuration)
        let running = try await server.start()
        let environment = apiEnvironment(running.baseURL)
        let untrusted = try await fleetwatch(["lock", "V0001"], environment: environment)
        #expect(untrusted.status == 7)
        #expect(server.requestCount(.token) == 0)
        let trusted = try await fleetwatch(["lock", "V0001", "--tls-ca", certificates.caFile], environment: environment)
        #expect(trusted.status == 0, "\(trusted.stderr)")
        #expect(trusted.stdout.hasPrefix("Locked V0001 (200, flow "))
        await running.stop()
    }

    /// A 429 whose rate-limit headers are absurd is reported in one clear line and an ordinary exit status (4,
    /// the API refused), never a trap (132), an abort (134) or a signal; and it is not retried.
    @Test(arguments: [
        (retryAfter: "1e16", reset: nil, says: #"Retry-After "1e16" is neither whole seconds nor an HTTP date"#),
        (retryAfter: "99999999999999999999", reset: nil, says: #"Retry-After "99999999999999999999" is more than a day"#),
        (retryAfter: "Fri, 31 Dec 9999 23:59:59 GMT", reset: nil, says: "is more than a day away: taken as a day"),
        (retryAfter: nil, reset: "1e300", says: #"X-Rate-Limit-Reset "1e300" is not a time in epoch seconds"#),
        (retryAfter: "-1", reset: "99999999999999999999", says: "X-Rate-Limit-Reset \"99999999999999999999\" is more than a day away"),
    ] as [(retryAfter: String?, reset: String?, says: String)])
    func absurdRateLimitHeadersAreAClearMessageNotATrap(_ fault: (retryAfter: String?, reset: String?, says: String)) async throws {
        try await withStandIn { server, url in
            server.inject(.tooManyRequestsWithHeaders(retryAfter: fault.retryAfter, rateLimitReset: fault.reset), on: .command)
            let run = try await fleetwatch(["lock", "V0001"], environment: apiEnvironment(url))
            #expect(!run.signalled, "ended by signal \(run.status): \(run.stderr)")
            #expect(run.status == 4, "\(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("fleetwatch: lock V0001 failed: 429 "), "\(run.stderr)")
            #expect(run.stderr.contains(fault.says), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(server.requestCount(.command) == 1)
        }
    }

    /// A token whose `expires_in` is absurd is used with a bounded lifetime: the command goes through and stderr
    /// says what was wrong.
    @Test(arguments: ["1e400", "-5", "\"x\"", "99999999999999999999"])
    func anAbsurdTokenLifetimeIsBoundedWithAWarning(_ expiresIn: String) async throws {
        try await withStandIn { server, url in
            server.inject(.tokenExpiresIn(rawJSON: expiresIn), on: .token)
            let run = try await fleetwatch(["lock", "V0001"], environment: apiEnvironment(url))
            #expect(!run.signalled, "ended by signal \(run.status): \(run.stderr)")
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("Locked V0001 (200, flow "))
            #expect(run.stderr.contains("fleetwatch: warning: INVERS token answer: expires_in"), "\(run.stderr)")
            #expect(server.requestCount(.token) == 1)
        }
    }

    /// Plain HTTP to a host that is not this machine is warned about on stderr before anything is sent.
    /// (0.0.0.0 is not loopback by the rule, yet refuses at once here, so the test needs no network.)
    @Test func plainHTTPToAnotherHostIsWarnedAbout() async throws {
        var environment = apiEnvironment("http://0.0.0.0:1")
        environment["FLEETWATCH_TOKEN_URL"] = nil
        let run = try await fleetwatch(["lock", "V0001"], environment: environment)
        #expect(!run.signalled)
        #expect(run.stderr.contains("fleetwatch: warning: http://0.0.0.0:1 is plain HTTP to 0.0.0.0"), "\(run.stderr)")
        let local = try await fleetwatch(["lock", "V0001"], environment: apiEnvironment("http://127.0.0.1:1"))
        #expect(!local.stderr.contains("plain HTTP"), "\(local.stderr)")
    }

    /// `tail` prints the clear-text warning for `amqp://` to another machine (here it then stops: no queue).
    @Test func tailWarnsAboutClearTextAMQP() async throws {
        let run = try await fleetwatch(["tail"], environment: ["FLEETWATCH_AMQP_URL": "amqp://u:pw-Zx8@127.evil.example/v"])
        #expect(!run.signalled)
        #expect(run.stderr.contains("warning: the AMQP URL is amqp:// to 127.evil.example"), "\(run.stderr)")
        #expect(run.stderr.contains("no queue to consume"), "\(run.stderr)")
        #expect(!run.output.contains("pw-Zx8"))
        let local = try await fleetwatch(["tail"], environment: ["FLEETWATCH_AMQP_URL": "amqp://u:pw@127.0.0.1/v"])
        #expect(!local.stderr.contains("unencrypted"), "\(local.stderr)")
    }

    /// `--timeout` is bounded before it becomes a Duration.
    @Test func anAbsurdTimeoutIsABadOption() async throws {
        for timeout in ["1e300", "inf", "nan", "0", "-1", "86401"] {
            let run = try await fleetwatch(["lock", "V0001", "--timeout", timeout], environment: apiEnvironment("http://127.0.0.1:1"))
            #expect(!run.signalled, "\(timeout)")
            #expect(run.status == 64, "\(timeout): \(run.stderr)")
            #expect(run.stderr.contains("--timeout"), "\(timeout)")
        }
    }

    @Test func helpDocumentsTheExitCodes() async throws {
        let run = try await fleetwatch(["lock", "--help"], environment: [:])
        #expect(run.status == 0)
        #expect(run.stdout.contains("6  no answer within --timeout"))
    }

    // MARK: Harness

    func apiEnvironment(_ url: String) -> [String: String] {
        ["FLEETWATCH_API_URL": url, "INVERS_CLIENT_ID": Self.clientID, "INVERS_CLIENT_SECRET": Self.secret]
    }

    func withStandIn(backend: StaticFleetBackend = StaticFleetBackend.numbered(3),
                     _ body: (InversStandInServer, String) async throws -> Void) async throws {
        let server = InversStandInServer(
            backend: backend,
            configuration: StandInConfiguration(clientID: Self.clientID, clientSecret: Self.secret,
                                                commandLatency: .milliseconds(5)))
        let running = try await server.start()
        do {
            try await body(server, running.baseURL)
        } catch {
            await running.stop()
            throw error
        }
        await running.stop()
    }
}

/// What a run of the binary printed and how it exited.
struct Run {
    /// The exit status, or the signal's number when `signalled`.
    var status: Int32
    /// Ended by a signal (a trap is SIGILL, an abort SIGABRT) rather than by exiting.
    var signalled = false
    var stdout: String
    var stderr: String
    var output: String { stdout + stderr }
}

/// The built `fleetwatch` binary: next to the test bundle, or `FLEETWATCH_BIN`.
func fleetwatchBinary() throws -> String {
    if let path = ProcessInfo.processInfo.environment["FLEETWATCH_BIN"] { return path }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<3 {
        let candidate = directory.appendingPathComponent("fleetwatch").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    throw CLITestError.binaryNotFound(CommandLine.arguments[0])
}

enum CLITestError: Error, CustomStringConvertible {
    case binaryNotFound(String)
    var description: String {
        switch self {
        case .binaryNotFound(let from):
            "no fleetwatch binary near \(from): run `swift build` first or set FLEETWATCH_BIN"
        }
    }
}

/// Runs the binary with only `environment` (plus an empty config home, so no user config is read) and waits, at
/// most `timeout` (then it is terminated, and the run says `signalled`). Output goes to files rather than pipes, so
/// that waiting blocks no thread of the test's cooperative pool (the stand-in serving the binary runs on that pool).
func fleetwatch(_ arguments: [String], environment: [String: String], timeout: Duration = .seconds(120)) async throws -> Run {
    let binary = try fleetwatchBinary()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-run-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outPath = directory.appendingPathComponent("stdout")
    let errPath = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outPath.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath.path, contents: nil)
    let out = try FileHandle(forWritingTo: outPath)
    let err = try FileHandle(forWritingTo: errPath)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = environment.merging(["HOME": directory.path, "XDG_CONFIG_HOME": directory.path + "/config",
                                               "PATH": "/usr/bin:/bin"]) { a, _ in a }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let exited = AsyncStream<(Int32, Bool)>.makeStream()
    process.terminationHandler = { exited.continuation.yield(($0.terminationStatus, $0.terminationReason == .uncaughtSignal)) }
    try process.run()
    let watchdog = Task {
        try await Task.sleep(for: timeout)
        if process.isRunning { process.terminate() }
    }
    defer { watchdog.cancel() }
    var status: Int32 = -1
    var signalled = false
    for await (s, bySignal) in exited.stream {
        (status, signalled) = (s, bySignal)
        break
    }
    try out.close()
    try err.close()
    return Run(status: status, signalled: signalled, stdout: try String(contentsOf: outPath, encoding: .utf8),
               stderr: try String(contentsOf: errPath, encoding: .utf8))
}

