import FleetCore

/// What a key does on the main screen.
public enum KeyAction: Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case nextPane, previousPane
    case filter, clearFilter
    case lock, unlock
    /// Ask INVERS for the vehicle's current state (`request-vehicle-state`): no dialog, it changes nothing.
    case refresh
    /// Open the selected vehicle's detail view.
    case openDetail
    case acknowledgeSmoke
    case pause
    case nextTheme
    case sortNext, sortReverse
    case quickFilter
    case export
    case toggleMap
    case help
    case quit

    /// The vehicle command the action sends (after a dialog, when the command changes the vehicle), if any.
    public var command: VehicleCommand? {
        switch self {
        case .lock: .lockCentralLock
        case .unlock: .unlockCentralLock
        case .refresh: .requestVehicleState
        default: nil
        }
    }
}

/// One row of the keymap: the keys, what they do, and how help and the hint line describe them.
public struct KeyBinding: Hashable, Sendable {
    public enum Section: String, CaseIterable, Hashable, Sendable {
        case vehicle = "Vehicle"
        case navigation = "Navigation"
        case view = "View"
        case general = "General"
    }

    public var keys: [Key]
    public var action: KeyAction
    /// The hint line's word (`lock`).
    public var short: String
    /// Help's sentence.
    public var description: String
    public var section: Section
    /// Sends the vehicle a command: removed in read-only mode (`ReadOnlyMode`). Whether a dialog asks first is the
    /// command's (`VehicleCommand.isDangerous`): lock and unlock ask, a refresh does not.
    public var dangerous: Bool
    /// Shown in the status line's hints.
    public var hinted: Bool

    public init(_ keys: [Key], _ action: KeyAction, short: String, description: String, section: Section,
                dangerous: Bool = false, hinted: Bool = false) {
        self.keys = keys
        self.action = action
        self.short = short
        self.description = description
        self.section = section
        self.dangerous = dangerous
        self.hinted = hinted
    }

    /// `↑ k`: the keys as help lists them.
    public var keyLabel: String { keys.map(\.description).joined(separator: " ") }
}

/// The one table that drives dispatch, the hint line and `?` help, so they cannot drift apart (k9s KeyActions).
///
/// Read-only mode is `clearingDanger()`: the dangerous rows leave the table, so help and hints change with it,
/// and the dispatcher answers their keys with a refusal instead of acting (k9s#857: enforce it in one place).
public struct Keymap: Hashable, Sendable {
    public private(set) var bindings: [KeyBinding]
    /// Rows removed by read-only mode: their keys are refused with a message.
    public private(set) var disabled: [KeyBinding] = []

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The dashboard's keys, after the conventions of k9s, htop and lazygit (vi keys beside the arrows, `/`, `?`).
    public static let standard = Keymap(bindings: [
        KeyBinding([.character("/")], .filter, short: "filter",
                   description: "filter by vehicle id, plate or name (! inverts; Enter keeps, Esc clears)",
                   section: .vehicle, hinted: true),
        KeyBinding([.character("L")], .lock, short: "lock", description: "lock the selected vehicle (asks first)",
                   section: .vehicle, dangerous: true, hinted: true),
        KeyBinding([.character("U")], .unlock, short: "unlock",
                   description: "unlock the selected vehicle (asks first)", section: .vehicle, dangerous: true,
                   hinted: true),
        KeyBinding([.character("F")], .quickFilter, short: "quick filter",
                   description: "show all → offline → low charge → stale → in rental → smoke vehicles (with /)",
                   section: .vehicle, hinted: true),
        KeyBinding([.character("e")], .export, short: "export",
                   description: "write the Vehicles table as shown to a CSV file here", section: .vehicle),
        KeyBinding([.character("r")], .refresh, short: "refresh",
                   description: "ask INVERS for the selected vehicle's current state (no dialog: it changes nothing)",
                   section: .vehicle, dangerous: true),
        KeyBinding([.enter], .openDetail, short: "detail",
                   description: "the selected vehicle's detail: state, capabilities, timeline, commands sent",
                   section: .vehicle),
        KeyBinding([.character("a")], .acknowledgeSmoke, short: "ack smoke",
                   description: "acknowledge the smoke alerts", section: .vehicle),
        KeyBinding([.escape], .clearFilter, short: "clear", description: "clear the filter", section: .vehicle),
        KeyBinding([.up, .character("k")], .moveUp, short: "up", description: "select the row above",
                   section: .navigation),
        KeyBinding([.down, .character("j")], .moveDown, short: "down", description: "select the row below",
                   section: .navigation),
        KeyBinding([.pageUp, .control("b"), .control("u")], .pageUp, short: "page up", description: "one page up",
                   section: .navigation),
        KeyBinding([.pageDown, .control("f"), .control("d")], .pageDown, short: "page down",
                   description: "one page down", section: .navigation),
        KeyBinding([.character("g"), .home], .top, short: "top", description: "first row", section: .navigation),
        KeyBinding([.character("G"), .end], .bottom, short: "bottom", description: "last row", section: .navigation),
        KeyBinding([.tab], .nextPane, short: "pane", description: "focus the next pane", section: .navigation,
                   hinted: true),
        KeyBinding([.backTab], .previousPane, short: "back", description: "focus the previous pane",
                   section: .navigation),
        KeyBinding([.character("s")], .sortNext, short: "sort", description: "sort by the next column",
                   section: .view, hinted: true),
        KeyBinding([.character("S")], .sortReverse, short: "reverse", description: "reverse the sort",
                   section: .view),
        KeyBinding([.character("p")], .pause, short: "pause",
                   description: "pause the display (events are still consumed)", section: .view),
        KeyBinding([.character("t")], .nextTheme, short: "theme", description: "next theme", section: .view),
        KeyBinding([.character("m")], .toggleMap, short: "map",
                   description: "switch the right column: log panes or map", section: .view),
        KeyBinding([.character("?")], .help, short: "help", description: "this help (Esc or ? closes)",
                   section: .general, hinted: true),
        KeyBinding([.character("q"), .control("c")], .quit, short: "quit",
                   description: "quit and restore the terminal", section: .general, hinted: true),
    ])

    /// The table without its dangerous rows: read-only mode.
    public func clearingDanger() -> Keymap {
        var copy = self
        copy.disabled += bindings.filter(\.dangerous)
        copy.bindings.removeAll(where: \.dangerous)
        return copy
    }

    public var isReadOnly: Bool { !disabled.isEmpty }

    /// What `key` does, if anything.
    public func action(for key: Key) -> KeyAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Why `key` does nothing, when read-only mode removed it: `read-only: lock is disabled`.
    public func refusal(for key: Key) -> String? {
        disabled.first { $0.keys.contains(key) }?.action.command.map(ReadOnlyMode.refusal)
    }

    /// The status line's hints: `/ filter  L lock  …`, from the table.
    public var hints: [(key: String, word: String)] {
        bindings.filter(\.hinted).map { ($0.keys[0].description, $0.short) }
    }

    /// Help's lines, grouped by section, from the table.
    public var helpSections: [(section: KeyBinding.Section, bindings: [KeyBinding])] {
        KeyBinding.Section.allCases.compactMap { section in
            let rows = bindings.filter { $0.section == section }
            return rows.isEmpty ? nil : (section, rows)
        }
    }
}
