/// What the terminal tells the dashboard.
public enum TerminalInput: Hashable, Sendable {
    case key(Key)
    case resized(ScreenSize)
    case mouse(MouseEvent)
}

/// A click or a turn of the wheel, at a screen cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// The screen edge: ncurses in the product, memory in tests. Every call comes from the one UI thread.
public protocol Terminal: AnyObject {
    /// The size now.
    var size: ScreenSize { get }
    /// How many colours it has (and whether colour may be used): decides the palette.
    var colorDepth: ColorDepth { get }
    /// A descriptor that becomes readable when input is waiting (for `poll`).
    var inputDescriptor: Int32 { get }
    /// Paints `grid`, changing only what differs from the last frame, in one update.
    func present(_ grid: CellGrid, palette: Palette)
    /// Input waiting now, without blocking.
    func readInput() -> [TerminalInput]
    /// Drops input typed but not read yet (typeahead), so that it cannot answer a dialog drawn after it.
    func discardTypeahead()
    /// Only ASCII reaches the screen (`--ascii`, or a locale that is not UTF-8): views that can say a thing better
    /// in ASCII than through the backend's stand-ins (the map's marks) do so.
    var asciiOnly: Bool { get }
    /// Rings the bell.
    func bell()
    /// A desktop notification (OSC 9, which terminals such as iTerm2, kitty, WezTerm and Windows Terminal show);
    /// `text` is already sanitised.
    func notify(_ text: String)
    /// Gives the terminal back as it was. Safe to call more than once.
    func restore()
}

extension Terminal {
    public var asciiOnly: Bool { false }
}
