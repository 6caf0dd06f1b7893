import FleetCore

/// Everything fleetwatch needs to connect, resolved from flags, the environment and the config file, in that
/// order of precedence. Where each comes from, and what it means, is declared once in `SettingDefinition`.
public struct Settings: Sendable {
    /// `amqps://USER:PASS@host:5671/VHOST`. Holds the password: show it only through `redactedAMQPURL`.
    public var amqpURL: String?
    /// The queues to consume, one per topic.
    public var queues: [String]
    /// A stream to read instead of the queues.
    public var stream: String?
    /// The REST base URL.
    public var apiURL: String
    /// The OAuth token endpoint.
    public var tokenURL: String
    public var clientID: String?
    public var clientSecret: Secret?
    /// An extra CA bundle (PEM) for amqps and https.
    public var tlsCA: String?
    /// Unacknowledged deliveries in flight.
    public var prefetch: Int
    /// A theme name from `themes/`, or a theme file.
    public var theme: String?
    /// Lock and unlock are disabled.
    public var readOnly: Bool
    /// Seconds the stream has to confirm a command after its answer (`confirm_timeout`).
    public var confirmTimeout: Int
    /// The config file's `ascii`: the dashboard draws ASCII stand-ins for lines and glyphs (its `--ascii` ORs in).
    public var ascii: Bool
    /// The dashboard's view settings as the config file gives them (its flags win over these; the dashboard
    /// checks the values).
    public var view: ViewPreferences
    /// The config file that was read, if any.
    public var configFile: String?
    /// Things the user should hear about but that do not stop the program: the AMQP password on the command line
    /// or in a file others can read, `amqp://` (no TLS) to another machine. `tail` and `lock` print them on
    /// stderr, the dashboard shows them in its status line. None holds a secret.
    public var warnings: [String]

    public static let defaultAPIURL = "https://api.invers.com"
    public static let defaultPrefetch = 200
    public static let defaultConfirmTimeout = 60

    /// The AMQP URL fit to show.
    public var redactedAMQPURL: String? { amqpURL.map(redactedURL) }
}

/// The dashboard's view settings from the config file, unchecked: what they name (columns, intervals) belongs to
/// the dashboard, which says what is wrong with a value.
public struct ViewPreferences: Sendable, Hashable {
    /// The config file's `map`: the dashboard starts with the map shown (its `--map` ORs in).
    public var map: Bool?
    public var columns: [String]?
    public var sort: String?
    public var bell: Bool?
    public var notify: Bool?
    public var mouse: Bool?
    public var offlineAfter: String?
    public var lowCharge: Int?
    public var staleAfter: String?

    public init(map: Bool? = nil, columns: [String]? = nil, sort: String? = nil, bell: Bool? = nil, notify: Bool? = nil,
                mouse: Bool? = nil, offlineAfter: String? = nil,
                lowCharge: Int? = nil, staleAfter: String? = nil) {
        self.map = map
        self.columns = columns
        self.sort = sort
        self.bell = bell
        self.notify = notify
        self.mouse = mouse
        self.offlineAfter = offlineAfter
        self.lowCharge = lowCharge
        self.staleAfter = staleAfter
    }
}

extension Settings {
    /// Resolves settings (each declared in `SettingDefinition`): flags win over the environment, which wins over
    /// the config file.
    /// - Parameters:
    ///   - environment: the process environment (injected so tests need not touch the real one).
    ///   - files: how to read files (injected for tests); defaults to the real file system.
    public static func resolve(options: ConnectionOptions, environment: [String: String],
                               files: FileAccess = .system) throws(SettingsError) -> Settings {
        let env = { (setting: SettingDefinition) -> String? in
            guard let name = setting.environment, let v = environment[name], !v.isEmpty else { return nil }
            return v
        }
        var warnings: [String] = []

        // The config file: explicit (flag or environment) must exist; the default may be absent.
        let explicitConfig = options.config ?? env(.config)
        let configPath = explicitConfig ?? defaultConfigPath(environment: environment)
        var file = ConfigFile()
        var configFile: String?
        if let configPath {
            if files.exists(configPath) {
                file = try ConfigFile.load(path: configPath, files: files)
                configFile = configPath
                if let url = file.text(.amqpURL), redactedURL(url) != url, files.isReadableByOthers(configPath) {
                    warnings.append("\(configPath) holds the AMQP password and other users can read it: chmod 600 \(configPath)")
                }
            } else if explicitConfig != nil {
                throw .configNotFound(path: configPath)
            }
        }
        // A text setting: flag, else environment, else config file.
        func text(_ flag: String?, _ setting: SettingDefinition) -> String? { flag ?? env(setting) ?? file.text(setting) }

        let apiURL = text(options.apiURL, .apiURL) ?? defaultAPIURL
        try checkHTTPURL(apiURL, name: "API URL")
        let tokenURL = text(options.tokenURL, .tokenURL)
            ?? (apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL) + "/auth/oauth/token"
        try checkHTTPURL(tokenURL, name: "token URL")

        let amqpURL = text(options.amqpURL, .amqpURL)
        if let amqpURL, !(amqpURL.hasPrefix("amqp://") || amqpURL.hasPrefix("amqps://")) {
            throw .invalidValue(name: "AMQP URL", value: redactedURL(amqpURL), reason: "it must start with amqp:// or amqps://")
        }
        if let amqpURL, let warning = ClearTextWarning.amqp(amqpURL) { warnings.append(warning) }
        if let flag = options.amqpURL, redactedURL(flag) != flag {
            warnings.append("the AMQP password given with --\(SettingDefinition.amqpURL.flag) is visible to other users in the process list: use \(SettingDefinition.amqpURL.environment ?? "") or the config file")
        }

        var queues = options.queues
        if queues.isEmpty, let list = env(.queues) {
            queues = list.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        }
        if queues.isEmpty { queues = file.list(.queues) ?? [] }
        // With a stream, the queues are the INVERS queues its shovels read (`team init`); readers use the stream.
        let stream = text(options.stream, .stream)

        // The environment holds the secret itself; the flag and the file name a file holding it.
        var secret: Secret?
        if let path = options.clientSecretFile {
            secret = try SecretFile.read(path: path, files: files)
        } else if let value = env(.clientSecretFile) {
            secret = Secret(value)
        } else if let path = file.text(.clientSecretFile) {
            secret = try SecretFile.read(path: path, files: files)
        }

        let prefetch = options.prefetch ?? file.wholeNumber(.prefetch) ?? defaultPrefetch
        guard (1...65_535).contains(prefetch) else {
            throw .invalidValue(name: "prefetch", value: String(prefetch), reason: "it must be between 1 and 65535")
        }

        let confirmTimeout = options.confirmTimeout ?? file.wholeNumber(.confirmTimeout) ?? defaultConfirmTimeout
        guard (1...3600).contains(confirmTimeout) else {
            throw .invalidValue(name: "confirm timeout", value: String(confirmTimeout),
                                reason: "it must be between 1 and 3600 seconds")
        }

        return Settings(
            amqpURL: amqpURL, queues: queues, stream: stream, apiURL: apiURL, tokenURL: tokenURL,
            clientID: text(options.clientID, .clientID), clientSecret: secret, tlsCA: text(options.tlsCA, .tlsCA),
            prefetch: prefetch, theme: text(options.theme, .theme),
            readOnly: options.readOnly || (file.onOff(.readOnly) ?? false), confirmTimeout: confirmTimeout,
            ascii: file.onOff(.ascii) ?? false,
            view: ViewPreferences(
                map: file.onOff(.map),
                columns: file.list(.columns), sort: file.text(.sort), bell: file.onOff(.bell), notify: file.onOff(.notify),
                mouse: file.onOff(.mouse),
                offlineAfter: file.text(.offlineAfter), lowCharge: file.wholeNumber(.lowCharge),
                staleAfter: file.text(.staleAfter)),
            configFile: configFile, warnings: warnings)
    }

    /// `$XDG_CONFIG_HOME/fleetwatch/config.toml`, else `~/.config/fleetwatch/config.toml`.
    public static func defaultConfigPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/fleetwatch/config.toml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/fleetwatch/config.toml" }
        return nil
    }

    private static func checkHTTPURL(_ url: String, name: String) throws(SettingsError) {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw .invalidValue(name: name, value: redactedURL(url), reason: "it must start with https:// (or http:// for a local stand-in)")
        }
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
