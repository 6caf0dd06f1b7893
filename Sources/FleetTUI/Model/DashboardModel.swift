import FleetCore

/// What a pane has selected: a vehicle in the Vehicles pane, an entry in a log pane.
public enum PaneSelection: Hashable, Sendable {
    case vehicle(String)
    case entry(LogEntry)
}

/// The `/` prompt while it is open: the text typed so far (applied live as the filter).
public struct FilterPrompt: Hashable, Sendable {
    public var text: String
}

/// The detail view while it is open: the vehicle it shows (fixed when it opened) and how far its timeline is
/// scrolled. The panes' focus and selections are left as they were, so Esc returns to them.
public struct VehicleDetail: Hashable, Sendable {
    public var vehicleID: String
    /// Timeline rows scrolled past (0: the newest event at the top).
    public var scroll = 0
}

/// A smoke alert waiting for the operator's acknowledgement.
public struct SmokeAlert: Hashable, Sendable {
    public var vehicleID: String
    public var at: Timestamp?
}

/// The dashboard's state apart from the fleet itself (Elm style: one value, changed only by `update`).
///
/// The fleet (`FleetState`) is read-only here: views draw it next to this model, and navigation reads its row
/// order through `FleetRows`. Selections are by vehicle id or log entry, never by row index, so a selection
/// stays on its vehicle as rows move under live updates.
public struct DashboardModel: Hashable, Sendable {
    public var keymap: Keymap
    public var size: ScreenSize
    public var focus: Pane = .vehicles
    public var selections: [Pane: PaneSelection] = [:]
    /// The last row each selection was put on: where the next move starts from when the selection has left the
    /// rows.
    public var lastRows: [Pane: Int] = [:]
    public var scrollTops: [Pane: Int] = [:]
    public var filter = VehicleFilter.none
    /// `F`'s filter, combined with `filter`.
    public var quickFilter = QuickFilter.all
    /// The Vehicles table's order (`s`, `S`).
    public var sort = VehicleSort.standard
    /// The Vehicles table's columns, as configured; a narrow pane shows those that fit.
    public var columns: [VehicleColumn] = VehicleColumn.standard
    /// When a vehicle counts as offline too long, low on charge or stale.
    public var thresholds = AlertThresholds.standard
    public var prompt: FilterPrompt?
    public var dialog: ConfirmDialog?
    public var helpOpen = false
    /// Lines help is scrolled down by (the view keeps it within what there is to see).
    public var helpScroll = 0
    /// Commands in flight, by vehicle: one at a time per vehicle.
    public var pending: [String: VehicleCommand] = [:]
    /// The commands sent from this dashboard, oldest first, at most `maxSentCommands`: what the detail view lists
    /// and the rows mark, each with its answer and whether the stream has confirmed it.
    public var sent: [SentCommand] = []
    /// The most commands `sent` keeps.
    public static let maxSentCommands = 200
    /// Seconds after a command's answer within which the stream should confirm it (`confirm_timeout`).
    public var confirmTimeout: Double = 60
    /// The store's revision when confirmations were last looked for: only a change of the fleet can bring one.
    var confirmationsCheckedAt: UInt64?
    /// The detail view, while open.
    public var detail: VehicleDetail?
    public var flash: Flash?
    public var paused = false
    public var pausedAtEvents = 0
    public var eventsApplied = 0
    public var themeNames: [String]
    public var themeIndex = 0
    /// Unacknowledged, oldest first; at most `maxSmokeAlerts` listed (see `smokeAlertsUnlisted`).
    public var smokeAlerts: [SmokeAlert] = []
    /// Alerts beyond `maxSmokeAlerts` since the last acknowledgement: counted, not listed, so a flood of
    /// detections cannot grow memory while nobody acknowledges.
    public var smokeAlertsUnlisted = 0
    /// The most alerts `smokeAlerts` lists.
    public static let maxSmokeAlerts = 1_000
    /// Every alert waiting for acknowledgement, listed or not.
    public var smokeAlertCount: Int { smokeAlerts.count + smokeAlertsUnlisted }
    /// Warnings the operator must see for as long as the dashboard runs (credentials in clear text, TLS
    /// verification off): shown in the status line whenever no other message is, and in help. Sanitised.
    public var warnings: [String] = []
    /// The most warnings kept: each is shown until the end, so an edge that keeps finding new ones cannot grow it.
    public static let maxWarnings = 32
    public var stream: StreamStatus
    /// On a stream: the offset to reach before the dashboard is live (`DashboardConfiguration.catchUpTo`).
    public var catchUpTo: Int64?
    /// How many events the source is behind: on a stream, behind `catchUpTo`; on classic queues, the messages
    /// they held when it subscribed and has not received yet (`StreamStatus.queuedBehind`). Nil once caught up.
    public var eventsBehind: Int64? {
        guard let target = catchUpTo else { return stream.queuedBehind.flatMap { Int64(exactly: $0) } }
        let behind = target - (stream.streamOffset ?? -1)
        return behind > 0 ? behind : nil
    }
    public var snapshot: SnapshotProgress?
    /// Monotonic seconds, from the last `.tick`.
    public var now: Double = 0
    /// The wall clock to the second, from the last `.tick` that carried it: what ages, times of day and command
    /// timeouts are measured against. Nil (no tick yet, as in a golden screen) leaves ages out.
    public var wallNow: Timestamp?
    /// `wallNow`, or the epoch before any tick: for what needs some time to compare with (a command's send time).
    public var wallClock: Timestamp { wallNow ?? Timestamp(microseconds: 0) }
    public var map = MapState()
    /// Draw ASCII only (`--ascii`, or a locale that is not UTF-8): the map falls back to marks at cell resolution.
    public var asciiOnly = false
    /// The palette tells the statuses apart by colour; when not (`mono`, `NO_COLOR`) the map tells them apart by
    /// mark.
    public var statusColors = true
    public var quitting = false

    public init(keymap: Keymap = .standard, size: ScreenSize = ScreenSize(width: 80, height: 24),
                themeNames: [String] = ["default"], theme: String? = nil,
                stream: StreamStatus = StreamStatus(state: .connecting, endpoint: "")) {
        self.keymap = keymap
        self.size = size
        self.themeNames = themeNames.isEmpty ? ["default"] : themeNames
        if let theme, let i = self.themeNames.firstIndex(of: theme) { themeIndex = i }
        self.stream = stream
    }

    public var themeName: String { themeNames[themeIndex] }
    public var layout: DashboardLayout { DashboardLayout(size: size) }
    public var eventsSincePause: Int { paused ? max(0, eventsApplied - pausedAtEvents) : 0 }
    public var isReadOnly: Bool { keymap.isReadOnly }
    /// The detail view's keys: its own, and the main table's it keeps (read-only mode removed there, gone here).
    public var detailKeymap: ModeKeymap<DetailAction> { ModeKeymaps.detail(keymap: keymap) }

    /// The newest command sent to a vehicle that sets its lock (lock, unlock), if any: what its row shows.
    public func lastLockCommand(of vehicleID: String) -> SentCommand? {
        sent.last { $0.vehicleID == vehicleID && CommandConfirmation.expectedLock(after: $0.command) != nil }
    }

    /// The row a pane's selection is on now, or nil when nothing is selected there.
    ///
    /// A selection stays on its vehicle (or log entry) while the pane shows it. When it leaves the rows under the
    /// user (an event changed it, a log evicted it) nothing is selected: no row is highlighted and `L`/`U` say so,
    /// rather than act on whichever neighbour slid into its row. Before any selection the Vehicles pane selects
    /// its first row, and `update` pins that to its vehicle (see `pinFirstVehicle`).
    public func selectedRow(_ pane: Pane, in rows: FleetRows) -> Int? {
        guard rows.count(pane) > 0 else { return nil }
        switch selections[pane] {
        case let .vehicle(id)?: return rows.row(ofVehicle: id)
        case let .entry(entry)?: return rows.row(ofEntry: entry, in: pane)
        case nil: return pane == .vehicles ? 0 : nil
        }
    }

    /// The vehicle the focused pane's selection is about: what `L` and `U` act on. The map has no rows: its
    /// selection is the Vehicles pane's.
    public func selectedVehicleID(in rows: FleetRows) -> String? {
        let pane = focus == .map ? Pane.vehicles : focus
        guard let row = selectedRow(pane, in: rows) else { return nil }
        return rows.vehicleID(atRow: row, in: pane)
    }

    /// The panes on screen, in focus order: the map replaces the log panes while it is shown.
    public var visiblePanes: [Pane] { map.shown ? [.vehicles, .map] : [.vehicles] + Pane.logs }

    /// The first visible row of a pane that keeps `selected` in view, starting from the remembered top.
    public func scrollTop(_ pane: Pane, selected: Int?, count: Int) -> Int {
        let page = layout.pageSize(pane)
        var top = scrollTops[pane] ?? 0
        if let selected {
            if selected < top { top = selected }
            if selected >= top + page { top = selected - page + 1 }
        }
        return max(0, min(top, count - page))
    }
}
