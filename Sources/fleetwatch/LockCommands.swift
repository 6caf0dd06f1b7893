import ArgumentParser
import FleetConfig
import FleetCore
import InversAPI

/// `fleetwatch lock ID` and `fleetwatch unlock ID`: one command, parameterised by the central-lock command it
/// sends through the INVERS REST API.
struct CentralLockCommand<Action: CentralLockAction>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Action.command.verb.lowercased(),
                             abstract: "\(Action.command.verb) a vehicle's central lock.",
                             discussion: VehicleCommandRun.discussion)
    }

    @Argument(help: "The vehicle id.") var vehicleID: String
    @OptionGroup var connection: ConnectionOptions
    @Option(help: ArgumentHelp("Seconds to wait for the vehicle's answer.", valueName: "seconds"))
    var timeout: Double = 60

    func run() async throws {
        try await VehicleCommandRun(command: Action.command, vehicleID: vehicleID,
                                    connection: connection, timeout: timeout).perform()
    }
}

/// Which central-lock command a `CentralLockCommand` sends.
protocol CentralLockAction: Sendable {
    static var command: VehicleCommand { get }
}

enum Lock: CentralLockAction {
    static var command: VehicleCommand { .lockCentralLock }
}

enum Unlock: CentralLockAction {
    static var command: VehicleCommand { .unlockCentralLock }
}

/// One scripted vehicle command: resolve settings, refuse in read-only mode, send, and print the outcome with
/// the flow id. The exit code tells scripts what happened without parsing text.
struct VehicleCommandRun {
    /// Exit codes, documented in `--help`.
    enum Exit {
        /// Refused here without a request: read-only mode, or no API credentials.
        static let refused: Int32 = 3
        /// The API refused the command (4xx): conflicting state, unsupported, unknown vehicle, credentials, rate limit.
        static let rejected: Int32 = 4
        /// The API or the vehicle failed (5xx): the vehicle may have acted.
        static let failed: Int32 = 5
        /// No answer in time: the vehicle may have acted.
        static let timedOut: Int32 = 6
        /// The API could not be reached (network, TLS).
        static let unreachable: Int32 = 7
        /// The answer could not be understood.
        static let badResponse: Int32 = 8
    }

    static let discussion = """
        Prints the outcome with the INVERS flow id on success. On failure prints one line on stderr with the \
        HTTP status, the problem's title and the flow id, and exits with:
          3  refused here, nothing sent (--read-only, or no API credentials)
          4  the API refused the command (e.g. 409 the vehicle is moving, 404 unknown vehicle, 401, 429)
          5  the API or the vehicle failed (5xx): the vehicle may have acted, check before retrying
          6  no answer within --timeout: the vehicle may have acted, check before retrying
          7  the API could not be reached (network, TLS)
          8  the API's answer could not be understood
          64 bad options or settings
        A command is never resent after a timeout or a 5xx.
        """

    let command: VehicleCommand
    let vehicleID: String
    let connection: ConnectionOptions
    let timeout: Double

    /// The longest `--timeout`: a day. A vehicle that has not answered by then will not.
    static let maxTimeoutSeconds = 86_400.0

    func perform() async throws {
        guard timeout > 0, timeout <= Self.maxTimeoutSeconds,
              let timeoutMilliseconds = Int64(exactly: (timeout * 1000).rounded(.up)) else {
            throw ValidationError("--timeout must be a number of seconds, more than 0 and at most 86400")
        }
        let settings = try connection.resolve()
        let shownID = SafeText.sanitize(vehicleID)
        guard ReadOnlyMode.permits(command, readOnly: settings.readOnly) else {
            StandardError.print("fleetwatch: \(ReadOnlyMode.refusal(command)); nothing was sent")
            throw ExitCode(Exit.refused)
        }
        guard let clientID = settings.clientID, let secret = settings.clientSecret else {
            StandardError.print("""
                fleetwatch: no INVERS API credentials: set INVERS_CLIENT_ID (or --client-id) and INVERS_CLIENT_SECRET \
                (or --client-secret-file); nothing was sent
                """)
            throw ExitCode(Exit.refused)
        }
        let client: InversClient
        do {
            client = try InversClient(configuration: InversClientConfiguration(
                apiURL: settings.apiURL, tokenURL: settings.tokenURL,
                credentials: ClientCredentials(clientID: clientID, secret: secret), tlsCAFile: settings.tlsCA,
                commandTimeout: .milliseconds(timeoutMilliseconds), readOnly: settings.readOnly))
        } catch {
            throw ValidationError(error.description)
        }
        for warning in client.warnings { StandardError.print("fleetwatch: \(warning)") }

        let outcome: Result<CommandResult, CommandFailure>
        do {
            outcome = .success(try await client.send(command, to: vehicleID))
        } catch {
            outcome = .failure(error)
        }
        for warning in await client.answerWarnings() { StandardError.print("fleetwatch: warning: \(warning)") }
        await client.shutdown()

        switch outcome {
        case .success(let result):
            print("\(command.pastTense) \(shownID) (\(result.httpStatus), flow \(SafeText.sanitize(result.flowID ?? "none")))")
        case .failure(let failure):
            var line = "fleetwatch: \(command.verb.lowercased()) \(shownID) failed: \(failure)"
            if failure.kind == .timeout || (failure.status ?? 0) >= 500 {
                line += "; the vehicle may have acted: check its state before retrying"
            }
            StandardError.print(line)
            throw ExitCode(Self.exitCode(for: failure))
        }
    }

    static func exitCode(for failure: CommandFailure) -> Int32 {
        switch failure.kind {
        case .refused: Exit.refused
        case .problem: (failure.status ?? 500) >= 500 ? Exit.failed : Exit.rejected
        case .timeout: Exit.timedOut
        case .transport: Exit.unreachable
        case .badResponse: Exit.badResponse
        }
    }
}
