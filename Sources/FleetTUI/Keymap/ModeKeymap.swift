/// The keys of a mode other than the main screen (the confirm dialog, the filter prompt, help), as a table: the
/// mode's part of `update` dispatches through it, and the mode's hint line is made from it. A key in no row does
/// nothing in that mode (the prompt's text input aside: a printable character types itself).
public struct ModeKeymap<Action: Hashable & Sendable>: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
        /// How the hint names the keys (`n/Esc`).
        public var label: String
        /// The hint's word (`cancel`); nil keeps the row out of the hint line.
        public var hint: String?
        /// What the row does, for the help.
        public var description: String
        /// False for a row the help covers with the row before it (the four pan directions are one line).
        public var inHelp: Bool

        public init(_ keys: [Key], _ action: Action, label: String, hint: String? = nil, description: String,
                    inHelp: Bool = true) {
            self.keys = keys
            self.action = action
            self.label = label
            self.hint = hint
            self.description = description
            self.inHelp = inHelp
        }
    }

    /// The mode's name in the help (`Filter prompt (/)`).
    public var title: String
    public var bindings: [Binding]

    public init(_ title: String, _ bindings: [Binding]) {
        self.title = title
        self.bindings = bindings
    }

    /// The rows for the help: each row's keys and what it does.
    public var helpRows: [(keys: String, description: String)] {
        bindings.filter(\.inHelp).map { ($0.label, $0.description) }
    }

    /// What `key` does in this mode, if anything.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The hints as key and word, for a hint line drawn in two styles.
    public var hintRows: [(key: String, word: String)] {
        bindings.compactMap { binding in binding.hint.map { (binding.label, $0) } }
    }

    /// The hint line, `y confirm · n/Esc cancel · Tab switch`, from the rows that have a hint.
    public func hints(separator: String) -> String {
        bindings.compactMap { binding in binding.hint.map { "\(binding.label) \($0)" } }.joined(separator: separator)
    }
}

/// What a key does in the confirm dialog.
public enum DialogAction: Hashable, Sendable { case confirm, cancel, switchFocus, pressFocused }

/// What a key does in the filter prompt.
public enum PromptAction: Hashable, Sendable { case keep, clear, deleteBackward, erase }

/// What a key does in a vehicle's detail view: its own keys, and those of the main screen it keeps (`main`).
public enum DetailAction: Hashable, Sendable {
    case close, scrollUp, scrollDown, pageUp, pageDown, top, bottom
    case main(KeyAction)
}

/// What a key does while help is open.
public enum HelpAction: Hashable, Sendable { case close, scrollDown, scrollUp }

/// What a key does while the map is shown.
public enum MapAction: Hashable, Sendable {
    case zoomIn, zoomOut, fit, centreOnSelection
    case panWest, panEast, panNorth, panSouth

    /// Panning takes the arrows and `hjkl`, which move selections in the other panes: it needs the map focused.
    /// Zoom, fit and centre have keys of their own and work whichever pane has the focus.
    public var needsFocus: Bool {
        switch self {
        case .panWest, .panEast, .panNorth, .panSouth: true
        case .zoomIn, .zoomOut, .fit, .centreOnSelection: false
        }
    }
}

/// The tables of the modes; the main screen's is `Keymap.standard`.
public enum ModeKeymaps {
    /// The confirm dialog. Cancel has the focus when it opens; Enter presses the focused button.
    public static let dialog = ModeKeymap<DialogAction>("Lock dialog (L, U)", [
        .init([.character("y"), .character("Y")], .confirm, label: "y", hint: "confirm",
              description: "send the command"),
        .init([.character("n"), .character("N"), .escape], .cancel, label: "n/Esc", hint: "cancel",
              description: "close without sending"),
        .init([.tab, .backTab, .left, .right, .character("h"), .character("l")], .switchFocus, label: "Tab",
              hint: "switch", description: "move between the buttons (also ← → h l)"),
        .init([.enter], .pressFocused, label: "Enter", description: "press the focused button (Cancel at first)"),
    ])

    /// The `/` filter prompt: Enter keeps the filter, Esc clears it; printable characters type.
    public static let prompt = ModeKeymap<PromptAction>("Filter prompt (/)", [
        .init([.enter], .keep, label: "Enter", hint: "keep", description: "keep the filter and close the prompt"),
        .init([.escape], .clear, label: "Esc", hint: "clear", description: "clear the filter and close the prompt"),
        .init([.backspace, .delete], .deleteBackward, label: "Backspace", description: "delete a character"),
        .init([.control("u")], .erase, label: "Ctrl-U", description: "erase what was typed"),
    ])

    /// The main screen's actions a detail view keeps: on its vehicle (`L`, `U`, `r`), and the general ones.
    static let detailKeeps: [KeyAction] = [.lock, .unlock, .refresh, .nextTheme, .help, .quit]

    /// A vehicle's detail view (Enter): Esc goes back to where it was opened; the arrows scroll its timeline.
    /// `L`, `U` and `r` are the main table's rows, so read-only mode (`Keymap.clearingDanger()`) removes them here
    /// too.
    public static func detail(keymap: Keymap) -> ModeKeymap<DetailAction> {
        var rows: [ModeKeymap<DetailAction>.Binding] = [
            .init([.escape], .close, label: "Esc", hint: "back", description: "back to where the detail was opened"),
            .init([.up, .character("k")], .scrollUp, label: "↑ k", description: "scroll the timeline up (newer)"),
            .init([.down, .character("j")], .scrollDown, label: "↓ j", hint: "scroll",
                  description: "scroll the timeline down (older)"),
            .init([.pageUp, .control("b"), .control("u")], .pageUp, label: "PgUp", description: "a page newer"),
            .init([.pageDown, .control("f"), .control("d")], .pageDown, label: "PgDn", description: "a page older"),
            .init([.character("g"), .home], .top, label: "g", description: "the newest event"),
            .init([.character("G"), .end], .bottom, label: "G", description: "the oldest event kept"),
        ]
        for binding in keymap.bindings where detailKeeps.contains(binding.action) {
            let hinted = binding.action.command != nil || binding.action == .help
            let description = binding.action.command != nil ? "\(binding.short) the vehicle shown" : binding.description
            rows.append(.init(binding.keys, .main(binding.action), label: binding.keyLabel,
                              hint: hinted ? binding.short : nil, description: description))
        }
        return ModeKeymap("Vehicle detail (Enter)", rows)
    }
    /// The map (`m`): looked up before the main table while the map is shown, so its keys win there (`j`, `k`
    /// pan rather than move a selection while the map has the focus). The map pane's bottom border shows the hints.
    public static let map = ModeKeymap<MapAction>("Map (m)", [
        .init([.character("+"), .character("=")], .zoomIn, label: "+", hint: "zoom in",
              description: "zoom in around the centre"),
        .init([.character("-")], .zoomOut, label: "-", hint: "out", description: "zoom out around the centre"),
        .init([.character("0")], .fit, label: "0", hint: "fit", description: "fit the fleet (as filtered) in view"),
        .init([.character("c")], .centreOnSelection, label: "c", hint: "centre",
              description: "centre on the selected vehicle"),
        .init([.left, .character("h")], .panWest, label: "←↓↑→ hjkl",
              description: "pan west, south, north, east (map focused)"),
        .init([.down, .character("j")], .panSouth, label: "↓ j", description: "pan south", inHelp: false),
        .init([.up, .character("k")], .panNorth, label: "↑ k", description: "pan north", inHelp: false),
        .init([.right, .character("l")], .panEast, label: "→ l", description: "pan east", inHelp: false),
    ])

    /// The help overlay.
    public static let help = ModeKeymap<HelpAction>("Help", [
        .init([.escape, .character("?"), .character("q")], .close, label: "Esc/?/q", hint: "close",
              description: "close the help"),
        .init([.down, .character("j"), .pageDown, .character(" ")], .scrollDown, label: "↓ j",
              description: "scroll down, on a screen too short for all of it"),
        .init([.up, .character("k"), .pageUp], .scrollUp, label: "↑ k", description: "scroll up"),
    ])
}
