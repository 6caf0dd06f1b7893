/// One setting, declared once: its flag, environment variable, config key, kind and meaning. The command line
/// (`ConnectionOptions`), the config file's keys and types (`ConfigFile`), the help and the unknown-key message all
/// come from these; `Settings.resolve` reads each through them.
public struct SettingDefinition: Sendable, Hashable {
    /// What a value is, which decides the config file type a key takes.
    public enum Kind: Sendable, Hashable {
        case text
        case list
        case wholeNumber
        case onOff
    }

    /// The long flag, without `--`.
    public let flag: String
    /// The environment variable, if the setting has one.
    public let environment: String?
    /// What the environment variable holds when it is not the flag's value (the secret itself, a comma list).
    public let environmentHolds: String?
    /// The config file's key, if the file may hold it.
    public let configKey: String?
    public let kind: Kind
    /// The flag's value in the help (`url`, `file`); nil for an on/off flag.
    public let valueName: String?
    /// What it is for, one sentence.
    public let meaning: String
    /// The default, as the help shows it.
    public let defaultText: String?

    init(flag: String, environment: String? = nil, environmentHolds: String? = nil, configKey: String? = nil,
         kind: Kind, valueName: String? = nil, meaning: String, defaultText: String? = nil) {
        self.flag = flag
        self.environment = environment
        self.environmentHolds = environmentHolds
        self.configKey = configKey
        self.kind = kind
        self.valueName = valueName
        self.meaning = meaning
        self.defaultText = defaultText
    }

    /// The flag's help: the meaning, then where else the setting comes from and its default.
    public var help: String {
        var sources: [String] = []
        if let environment { sources.append("env \(environment)" + (environmentHolds.map { ": \($0)" } ?? "")) }
        if let configKey { sources.append("config: \(configKey)") }
        if let defaultText { sources.append("default \(defaultText)") }
        return sources.isEmpty ? meaning : "\(meaning) (\(sources.joined(separator: "; ")))."
    }

    /// What the config file's value must be, for "must be …" messages.
    var configType: String {
        switch kind {
        case .text: "a string"
        case .list: "an array of strings"
        case .wholeNumber: "a whole number"
        case .onOff: "true or false"
        }
    }
}

extension SettingDefinition {
    public static let amqpURL = SettingDefinition(
        flag: "amqp-url", environment: "FLEETWATCH_AMQP_URL", configKey: "amqp_url", kind: .text, valueName: "url",
        meaning: "The INVERS event stream, amqps://USER@api.invers.com:5671/VHOST; the password goes in the "
            + "environment or the config file, never on the command line")
    public static let queues = SettingDefinition(
        flag: "queue", environment: "FLEETWATCH_QUEUES", environmentHolds: "comma-separated", configKey: "queues",
        kind: .list, valueName: "name", meaning: "A queue to consume, one per topic; repeatable")
    public static let stream = SettingDefinition(
        flag: "stream", environment: "FLEETWATCH_STREAM", configKey: "stream", kind: .text, valueName: "name",
        meaning: "A RabbitMQ stream to read instead of the queues: the team's (fleetwatch team init)")
    public static let apiURL = SettingDefinition(
        flag: "api-url", environment: "FLEETWATCH_API_URL", configKey: "api_url", kind: .text, valueName: "url",
        meaning: "The INVERS REST base URL", defaultText: Settings.defaultAPIURL)
    public static let tokenURL = SettingDefinition(
        flag: "token-url", environment: "FLEETWATCH_TOKEN_URL", configKey: "token_url", kind: .text,
        valueName: "url", meaning: "The OAuth token URL", defaultText: "<api-url>/auth/oauth/token")
    public static let clientID = SettingDefinition(
        flag: "client-id", environment: "INVERS_CLIENT_ID", configKey: "client_id", kind: .text, valueName: "id",
        meaning: "The OAuth client id")
    public static let clientSecretFile = SettingDefinition(
        flag: "client-secret-file", environment: "INVERS_CLIENT_SECRET", environmentHolds: "the secret itself",
        configKey: "client_secret_file", kind: .text, valueName: "file",
        meaning: "A file holding the OAuth client secret, readable by you only")
    public static let tlsCA = SettingDefinition(
        flag: "tls-ca", environment: "FLEETWATCH_TLS_CA", configKey: "tls_ca", kind: .text, valueName: "file",
        meaning: "An extra CA bundle (PEM) for amqps and https")
    public static let prefetch = SettingDefinition(
        flag: "prefetch", configKey: "prefetch", kind: .wholeNumber, valueName: "n",
        meaning: "Unacknowledged deliveries in flight, 1 to 65535", defaultText: String(Settings.defaultPrefetch))
    public static let theme = SettingDefinition(
        flag: "theme", environment: "FLEETWATCH_THEME", configKey: "theme", kind: .text, valueName: "name|file",
        meaning: "A theme name from themes/ or a theme file")
    public static let readOnly = SettingDefinition(
        flag: "read-only", configKey: "read_only", kind: .onOff, meaning: "Disable lock and unlock")
    public static let ascii = SettingDefinition(
        flag: "ascii", configKey: "ascii", kind: .onOff,
        meaning: "ASCII only: + - | for lines, * and o for status marks, for fonts or screen readers")
    public static let columns = SettingDefinition(
        flag: "columns", configKey: "columns", kind: .list, valueName: "names",
        meaning: "The Vehicles table's columns, in order (comma-separated on the command line): smoke, id, plate, "
            + "name, life, rental, lock, charge, range, trip, report", defaultText: "all of them")
    public static let sort = SettingDefinition(
        flag: "sort", configKey: "sort", kind: .text, valueName: "column",
        meaning: "The Vehicles table's order at start; a leading - sorts descending", defaultText: "id")
    public static let bell = SettingDefinition(
        flag: "bell", configKey: "bell", kind: .onOff,
        meaning: "Ring the terminal bell on smoke", defaultText: "on")
    public static let notify = SettingDefinition(
        flag: "notify", configKey: "notify", kind: .onOff,
        meaning: "Send a desktop notification on smoke (OSC 9: iTerm2, kitty, WezTerm, Windows Terminal)",
        defaultText: "off")
    public static let mouse = SettingDefinition(
        flag: "mouse", configKey: "mouse", kind: .onOff,
        meaning: "A click selects a row and focuses its pane, the wheel scrolls (--no-mouse leaves the mouse to the "
            + "terminal, for selecting text)", defaultText: "on")
    public static let offlineAfter = SettingDefinition(
        flag: "offline-after", configKey: "offline_after", kind: .text, valueName: "interval",
        meaning: "Offline this long is an alert (30m, 2h)", defaultText: "15m")
    public static let lowCharge = SettingDefinition(
        flag: "low-charge", configKey: "low_charge", kind: .wholeNumber, valueName: "percent",
        meaning: "A charge or fuel level below this is an alert", defaultText: "20")
    public static let staleAfter = SettingDefinition(
        flag: "stale-after", configKey: "stale_after", kind: .text, valueName: "interval",
        meaning: "No report for this long makes a vehicle's values, its position too, stale", defaultText: "45m")
    public static let confirmTimeout = SettingDefinition(
        flag: "confirm-timeout", configKey: "confirm_timeout", kind: .wholeNumber, valueName: "seconds",
        meaning: "Seconds the event stream has to confirm a command after its answer before the dashboard calls it "
            + "unconfirmed, 1 to 3600", defaultText: String(Settings.defaultConfirmTimeout))
    public static let map = SettingDefinition(
        flag: "map", configKey: "map", kind: .onOff,
        meaning: "Start with the map in the right-hand column instead of the log panes (m switches)")
    public static let config = SettingDefinition(
        flag: "config", environment: "FLEETWATCH_CONFIG", kind: .text, valueName: "file", meaning: "The config file",
        defaultText: "$XDG_CONFIG_HOME/fleetwatch/config.toml")

    /// Every setting, in the order the help lists them.
    public static let all: [SettingDefinition] = [
        amqpURL, queues, stream, apiURL, tokenURL, clientID, clientSecretFile, tlsCA, prefetch, theme, readOnly, ascii, map,
        columns, sort, bell, notify, mouse, offlineAfter, lowCharge, staleAfter, confirmTimeout, config,
    ]
}
