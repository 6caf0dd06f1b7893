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
        discussion: """
            Needs a terminal. Keys: \(Keymap.standard.hints.map { "\($0.key) \($0.word)" }.joined(separator: ", ")) \
            (? lists them all). \
            On a stream (--stream) without --since it resumes where it left off (the first time: the last 24 hours).
            """)

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

    @OptionGroup var view: ViewOptions

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
        let shown = try view.resolve(over: settings?.view ?? ViewPreferences())
        let catalog = ThemeCatalog.standard(environment: environment)
        let (theme, themeError) = catalog.loadOrDefault(settings?.theme ?? connection.theme)  // shown at start

        let source: any EventSource
        let commands: (any VehicleCommands)?
        let endpoint: String
        var client: InversClient?
        var live: LiveConnections?
        if demo {
            let fleet = DemoFleet(options: DemoFleet.Options(vehicles: demoVehicles, timeScale: demoSpeed))
            (source, commands, endpoint) = (fleet, fleet, DemoFleet.endpoint)
        } else if let settings {
            let connections = try LiveConnections(settings, since: since, environment: environment)
            (source, commands, endpoint, client) = (connections.source, connections.client, connections.endpoint,
                                                    connections.client)
            warnings += connections.warnings
            live = connections
        } else {
            throw ValidationError("no settings")
        }

        let configuration = DashboardConfiguration(
            endpoint: endpoint, theme: theme, themeNames: catalog.names(), themeCatalog: catalog,
            themeError: themeError, readOnly: settings?.readOnly ?? connection.readOnly,
            colorAllowed: DashboardConfiguration.colorAllowed(environment: environment, noColorFlag: noColor),
            asciiOnly: ascii || settings?.ascii == true, mapShown: map || settings?.view.map == true, warnings: warnings, catchUpTo: live?.catchUpTo,
            startNotice: live?.startNotice, thresholds: shown.thresholds, columns: shown.columns, sort: shown.sort,
            bell: shown.bell, notify: shown.notify, mouse: shown.mouse,
            confirmTimeoutSeconds: Double(settings?.confirmTimeout ?? Settings.defaultConfirmTimeout))
        let runtime = DashboardRuntime(source: source, commands: commands, configuration: configuration,
                                       progress: live?.checkpoint)
        let logger = Logger(label: "fleetwatch.dashboard")
        logger.notice("dashboard started", metadata: ["endpoint": "\(endpoint)", "demo": "\(demo)"])
        if let notice = live?.startNotice { logger.notice("\(notice)") }
        for warning in warnings { logger.warning("\(warning)") }
        let signal = await DashboardSession.run(runtime)
        // The last batches are applied before the offset is kept for the last time.
        if let live, !live.source.waitUntilStopped(timeout: 3) { logger.warning("the consumer did not stop in 3 s") }
        live?.checkpoint?.finish()
        var stopped: Logger.Metadata = ["events applied": "\(runtime.store.read { $0.eventsApplied })"]
        if let signal { stopped["signal"] = "\(signal)" }
        if let saved = live?.checkpoint?.checkpoint {
            stopped["stream offset"] = "\(saved.offset)"
            stopped["replay from"] = "\(saved.replayFrom)"
        }
        logger.notice("dashboard stopped", metadata: stopped)
        await client?.shutdown()
        if let signal { throw ExitCode(128 + signal) }
    }
}

/// The live edges: the AMQP event source and, when credentials are configured, the INVERS REST client (which
/// also gives the snapshot the dashboard starts from). Without credentials the dashboard runs from the stream
/// alone and a lock is refused with a message. On a stream, where to start (`--since`, else where this dashboard
/// left off) and the checkpoint that keeps its progress. The warnings are the caller's to show.
struct LiveConnections {
    let source: AMQPEventSource
    let client: InversClient?
    /// `host/vhost`, never credentials.
    let endpoint: String
    /// On a stream read from its past: its last offset now, which the header counts down to.
    let catchUpTo: Int64?
    /// On a stream: keeps how far the store got, for the next start.
    let checkpoint: CheckpointRecorder?
    /// Where the stream is read from, said once at start.
    let startNotice: String?
    let warnings: [String]

    init(_ settings: Settings, since: SinceOption, environment: [String: String]) throws {
        let firstRun = StreamStart.ago(seconds: 24 * 3_600)
        var configuration = try settings.streamConfiguration(
            connectionName: "fleetwatch dashboard", start: try since.start(default: firstRun, stream: settings.stream))
        let url = configuration.url
        var warnings: [String] = []
        var notice: String?
        var streamEnd: Int64?
        var checkpoint: CheckpointRecorder?
        if let stream = settings.stream {
            // Not knowing the end (the stream is missing, say) costs only the count: the source reports the rest.
            streamEnd = (try? StreamBounds.current(of: stream, url: url, options: configuration.connectionOptions))?
                .upperBound
            let broker = "\(url.host):\(url.port)"
            if let file = CheckpointFile(broker: broker, vhost: url.vhost, stream: stream, environment: environment) {
                checkpoint = CheckpointRecorder(file: file, broker: broker, vhost: url.vhost, stream: stream)
                if since.since == nil {
                    let saved = Result { () throws(CheckpointFileError) in try file.load() }
                    let resume = ResumePoint(stream: stream, saved: saved, streamEnd: streamEnd, firstRun: firstRun)
                    configuration.start = resume.start
                    notice = resume.notice
                    warnings += resume.warning.map { [$0] } ?? []
                }
            } else {
                warnings.append("no HOME or XDG_STATE_HOME: this dashboard's place in the stream is not kept")
            }
        }
        source = AMQPEventSource(configuration)
        endpoint = url.endpoint
        catchUpTo = configuration.start == .next ? nil : streamEnd
        self.checkpoint = checkpoint
        startNotice = notice
        if let clientID = settings.clientID, let secret = settings.clientSecret {
            do {
                client = try InversClient(configuration: InversClientConfiguration(
                    apiURL: settings.apiURL, tokenURL: settings.tokenURL,
                    credentials: ClientCredentials(clientID: clientID, secret: secret), tlsCAFile: settings.tlsCA,
                    readOnly: settings.readOnly))
            } catch {
                throw ValidationError(error.description)
            }
            warnings += client?.warnings ?? []
        } else {
            client = nil
        }
        self.warnings = warnings
    }
}
