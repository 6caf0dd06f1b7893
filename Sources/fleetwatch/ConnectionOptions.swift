import ArgumentParser
import FleetConfig
import FleetCore
import Foundation

/// The connection options every command shares (DESIGN.md): flags win over the environment, which wins over
/// the config file. No option takes a secret as its value.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The INVERS event stream: amqps://USER@api.invers.com:5671/VHOST (env FLEETWATCH_AMQP_URL; put the password there or in the config file, not on the command line).", valueName: "url"))
    var amqpURL: String?

    @Option(name: .customLong("queue"), help: ArgumentHelp("A queue to consume, one per topic; repeatable (env FLEETWATCH_QUEUES, comma-separated).", valueName: "name"))
    var queues: [String] = []

    @Option(help: ArgumentHelp("The INVERS REST base URL (env FLEETWATCH_API_URL; default https://api.invers.com).", valueName: "url"))
    var apiURL: String?

    @Option(help: ArgumentHelp("The OAuth token URL (env FLEETWATCH_TOKEN_URL; default <api-url>/auth/oauth/token).", valueName: "url"))
    var tokenURL: String?

    @Option(help: ArgumentHelp("The OAuth client id (env INVERS_CLIENT_ID).", valueName: "id"))
    var clientID: String?

    @Option(help: ArgumentHelp("A file holding the OAuth client secret, readable by you only (or env INVERS_CLIENT_SECRET).", valueName: "file"))
    var clientSecretFile: String?

    @Option(help: ArgumentHelp("An extra CA bundle (PEM) for amqps and https (env FLEETWATCH_TLS_CA).", valueName: "file"))
    var tlsCA: String?

    @Option(help: ArgumentHelp("Unacknowledged deliveries in flight (default 200).", valueName: "n"))
    var prefetch: Int?

    @Option(help: ArgumentHelp("A theme name from themes/ or a theme file (env FLEETWATCH_THEME).", valueName: "name|file"))
    var theme: String?

    @Flag(help: "Disable lock and unlock.")
    var readOnly = false

    @Option(help: ArgumentHelp("The config file (env FLEETWATCH_CONFIG; default $XDG_CONFIG_HOME/fleetwatch/config.toml).", valueName: "file"))
    var config: String?

    var flags: SettingsFlags {
        var flags = SettingsFlags()
        flags.amqpURL = amqpURL
        flags.queues = queues
        flags.apiURL = apiURL
        flags.tokenURL = tokenURL
        flags.clientID = clientID
        flags.clientSecretFile = clientSecretFile
        flags.tlsCA = tlsCA
        flags.prefetch = prefetch
        flags.theme = theme
        flags.readOnly = readOnly
        flags.config = config
        return flags
    }

    /// Resolves the settings against the process environment, printing warnings on stderr. A settings error
    /// becomes a `ValidationError`-style exit with the message (never a secret in it).
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        do {
            let settings = try Settings.resolve(flags: flags, environment: environment)
            for warning in settings.warnings { StandardError.print("fleetwatch: warning: \(warning)") }
            return settings
        } catch {
            throw ValidationError(error.description)
        }
    }
}
