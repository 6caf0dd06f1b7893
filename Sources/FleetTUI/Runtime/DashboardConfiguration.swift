import FleetCore

/// How the dashboard is set up: what it shows and what it may do.
public struct DashboardConfiguration: Sendable {
    /// The header's label for the source before it reports one (never credentials).
    public var endpoint: String
    public var theme: Theme
    /// Names `t` cycles through.
    public var themeNames: [String]
    public var themeCatalog: ThemeCatalog
    /// A problem loading the chosen theme, shown at start (the default is used instead).
    public var themeError: ThemeError?
    public var readOnly: Bool
    /// False for `NO_COLOR` (non-empty) or `--no-color`.
    public var colorAllowed: Bool
    /// ASCII stand-ins for line drawing and glyphs, in a UTF-8 terminal too (`--ascii`, `ascii = true`).
    public var asciiOnly: Bool
    /// Start with the map in the right-hand column (`map = true`, `--map`); `m` switches.
    public var mapShown: Bool
    /// Frames for the fleet's changes at most this often; a key, a click or a resize is answered by a frame at
    /// once. Ten a second keeps a fleet that changes by the thousand a second readable and leaves the CPU to
    /// the events: a frame at 100,000 vehicles costs up to a few milliseconds.
    public var fleetFramesPerSecond: Double
    /// Warnings the operator must see while the dashboard runs (credentials in clear text, TLS verification
    /// off): the status line shows them, not stderr just before the screen takes over. Never secrets.
    public var warnings: [String]
    /// On a stream: its last offset when the dashboard started; until the source has handed that over, the header
    /// says how far behind it is.
    public var catchUpTo: Int64?
    /// Said once in the status line at start (where a stream is read from, say); already sanitised.
    public var startNotice: String?
    /// When a vehicle counts as offline too long, low on charge, or stale.
    public var thresholds: AlertThresholds
    /// The Vehicles table's columns, in order (`columns = [...]`).
    public var columns: [VehicleColumn]
    /// The Vehicles table's order at start (`sort = "charge"`).
    public var sort: VehicleSort
    /// Ring the terminal bell on smoke (`bell = false` silences it).
    public var bell: Bool
    /// Send a desktop notification (OSC 9) on smoke (`notify = true`).
    public var notify: Bool
    /// Clicks select and focus, the wheel scrolls (`mouse = false` leaves the mouse to the terminal).
    public var mouse: Bool
    /// Seconds after a command's answer within which the event stream should confirm it (`confirm_timeout`).
    public var confirmTimeoutSeconds: Double

    public init(endpoint: String, theme: Theme = BuiltinThemes.standard, themeNames: [String] = BuiltinThemes.names,
                themeCatalog: ThemeCatalog = ThemeCatalog(searchDirectories: []), themeError: ThemeError? = nil,
                readOnly: Bool = false, colorAllowed: Bool = true, asciiOnly: Bool = false, mapShown: Bool = false,
                fleetFramesPerSecond: Double = 10, warnings: [String] = [], catchUpTo: Int64? = nil,
                startNotice: String? = nil, thresholds: AlertThresholds = .standard,
                columns: [VehicleColumn] = VehicleColumn.standard, sort: VehicleSort = .standard, bell: Bool = true,
                notify: Bool = false, mouse: Bool = true, confirmTimeoutSeconds: Double = 60) {
        self.endpoint = endpoint
        self.theme = theme
        self.themeNames = themeNames
        self.themeCatalog = themeCatalog
        self.themeError = themeError
        self.readOnly = readOnly
        self.colorAllowed = colorAllowed
        self.asciiOnly = asciiOnly
        self.mapShown = mapShown
        self.fleetFramesPerSecond = fleetFramesPerSecond
        self.warnings = warnings
        self.catchUpTo = catchUpTo
        self.startNotice = startNotice
        self.thresholds = thresholds
        self.columns = columns
        self.sort = sort
        self.bell = bell
        self.notify = notify
        self.mouse = mouse
        self.confirmTimeoutSeconds = confirmTimeoutSeconds
    }

    /// `NO_COLOR` set and non-empty forbids colour (no-color.org).
    public static func colorAllowed(environment: [String: String], noColorFlag: Bool) -> Bool {
        !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
