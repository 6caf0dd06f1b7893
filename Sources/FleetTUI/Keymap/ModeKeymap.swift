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

        public init(_ keys: [Key], _ action: Action, label: String, hint: String? = nil) {
            self.keys = keys
            self.action = action
            self.label = label
            self.hint = hint
        }
    }

    public var bindings: [Binding]

    public init(_ bindings: [Binding]) { self.bindings = bindings }

    /// What `key` does in this mode, if anything.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
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

/// What a key does while help is open.
public enum HelpAction: Hashable, Sendable { case close }

/// The tables of the modes; the main screen's is `Keymap.standard`.
public enum ModeKeymaps {
    /// The confirm dialog. Cancel has the focus when it opens; Enter presses the focused button.
    public static let dialog = ModeKeymap<DialogAction>([
        .init([.character("y"), .character("Y")], .confirm, label: "y", hint: "confirm"),
        .init([.character("n"), .character("N"), .escape], .cancel, label: "n/Esc", hint: "cancel"),
        .init([.tab, .backTab, .left, .right, .character("h"), .character("l")], .switchFocus, label: "Tab",
              hint: "switch"),
        .init([.enter], .pressFocused, label: "Enter"),
    ])

    /// The `/` filter prompt: Enter keeps the filter, Esc clears it; printable characters type.
    public static let prompt = ModeKeymap<PromptAction>([
        .init([.enter], .keep, label: "Enter", hint: "keep"),
        .init([.escape], .clear, label: "Esc", hint: "clear"),
        .init([.backspace, .delete], .deleteBackward, label: "Backspace"),
        .init([.control("u")], .erase, label: "Ctrl-U"),
    ])

    /// The help overlay.
    public static let help = ModeKeymap<HelpAction>([
        .init([.escape, .character("?"), .character("q")], .close, label: "Esc/?/q", hint: "close"),
    ])
}
