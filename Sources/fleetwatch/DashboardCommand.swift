import ArgumentParser
import FleetConfig
import FleetCore
import FleetSim
import FleetStream
import FleetTUI
import Foundation
import InversAPI
import Logging

/// `fleetwatch [--demo]`: the live dashboard.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "The live dashboard (the default).",
        discussion: "Needs a terminal. Keys: / filter, L lock, U unlock, Tab pane, m map, p pause, t theme, ? help, q quit.")

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var since: SinceOption

    @Flag(help: "Run on a built-in simulated fleet: no broker, no credentials.")
    var demo = false

    @Option(help: ArgumentHelp("Vehicles in the demo fleet.", valueName: "n"))
    var demoVehicles = 300

    @Option(help: ArgumentHelp("Simulated seconds per real second in the demo.", valueName: "x"))
    var demoSpeed = 10.0

    @Flag(help: "No colours (as does a non-empty NO_COLOR).")
    var noColor = false

    @Flag(name: .customLong(SettingDefinition.ascii.flag), help: SettingDefinition.ascii.argumentHelp)
    var ascii = false

    @Flag(name: .customLong(SettingDefinition.map.flag), help: SettingDefinition.map.argumentHelp)
    var map = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        do {
            try DashboardSession.checkTerminal()
        } catch {
            StandardError.print("fleetwatch: \(error.description)")
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        // Warnings go to the status line (stderr is about to be covered by the screen), logs to a file.
        var warnings: [String] = []
        if let problem = LogSetup.bootstrapFile(level: logging.logLevel.level, environment: environment) {
            warnings.append(problem)
        }
        // The demo needs no connection settings, but honours the theme and read-only ones if they resolve.
        let settings: Settings? = demo ? try? connection.settings(environment: environment)
            : try connection.settings(environment: environment)
        warnings += settings?.warnings ?? []
        let catalog = ThemeCatalog.standard(environment: environment)
        let (theme, themeError) = catalog.loadOrDefault(settings?.theme ?? connection.theme)  // shown at start

        let source: any EventSource
        let commands: (any VehicleCommands)?
        let endpoint: String
        var client: InversClient?
        var catchUpTo: Int64?
        if demo {
            let fleet = DemoFleet(options: DemoFleet.Options(vehicles: demoVehicles, timeScale: demoSpeed))
            (source, commands, endpoint) = (fleet, fleet, DemoFleet.endpoint)
        } else if let settings {
            let live = try LiveConnections(settings, start: try since.start(default: .ago(seconds: 24 * 3_600),
                                                                           stream: settings.stream))
            (source, commands, endpoint, client) = (live.source, live.client, live.endpoint, live.client)
            catchUpTo = live.catchUpTo
            warnings += live.client?.warnings ?? []
        } else {
            throw ValidationError("no settings")
        }

        let configuration = DashboardConfiguration(
            endpoint: endpoint, theme: theme, themeNames: catalog.names(), themeCatalog: catalog,
            themeError: themeError, readOnly: settings?.readOnly ?? connection.readOnly,
            colorAllowed: DashboardConfiguration.colorAllowed(environment: environment, noColorFlag: noColor),
            asciiOnly: ascii || settings?.ascii == true, mapShown: map || settings?.map == true, warnings: warnings, catchUpTo: catchUpTo)
        let runtime = DashboardRuntime(source: source, commands: commands, configuration: configuration)
        let logger = Logger(label: "fleetwatch.dashboard")
        logger.notice("dashboard started", metadata: ["endpoint": "\(endpoint)", "demo": "\(demo)"])
        for warning in warnings { logger.warning("\(warning)") }
        let signal = await DashboardSession.run(runtime)
        logger.notice("dashboard stopped", metadata: signal.map { ["signal": "\($0)"] } ?? [:])
        await client?.shutdown()
        if let signal { throw ExitCode(128 + signal) }
    }
}

/// The live edges: the AMQP event source and, when credentials are configured, the INVERS REST client (which
/// also gives the snapshot the dashboard starts from). Without credentials the dashboard runs from the stream
/// alone and a lock is refused with a message. The client's warnings are the caller's to show.
struct LiveConnections {
    let source: AMQPEventSource
    let client: InversClient?
    /// `host/vhost`, never credentials.
    let endpoint: String
    /// On a stream read from its past: its last offset now, which the header counts down to.
    let catchUpTo: Int64?

    init(_ settings: Settings, start: StreamStart) throws {
        let configuration = try settings.streamConfiguration(connectionName: "fleetwatch dashboard", start: start)
        source = AMQPEventSource(configuration)
        endpoint = configuration.url.endpoint
        if let stream = settings.stream, start != .next {
            // Not knowing the end (the stream is missing, say) costs only the count: the source reports the rest.
            catchUpTo = (try? StreamBounds.current(of: stream, url: configuration.url,
                                                   options: configuration.connectionOptions))?.upperBound
        } else {
            catchUpTo = nil
        }
        if let clientID = settings.clientID, let secret = settings.clientSecret {
            do {
                client = try InversClient(configuration: InversClientConfiguration(
                    apiURL: settings.apiURL, tokenURL: settings.tokenURL,
                    credentials: ClientCredentials(clientID: clientID, secret: secret), tlsCAFile: settings.tlsCA,
                    readOnly: settings.readOnly))
            } catch {
                throw ValidationError(error.description)
            }
        } else {
            client = nil
        }
    }
}
