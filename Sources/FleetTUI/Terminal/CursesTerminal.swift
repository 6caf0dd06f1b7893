@preconcurrency import CNcursesw
import CTerminalRescue
import FleetCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal through ncursesw. Create, use and restore it on one thread: ncurses is not thread-safe.
///
/// Paints only the cells that changed since the last frame, then one `doupdate`. SIGWINCH belongs to the app
/// (`DashboardSession` wakes the UI loop on it); `readInput` then asks the tty for its size and tells ncurses.
public final class CursesTerminal: Terminal {
    public private(set) var colorDepth: ColorDepth
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: CellGrid?
    private var previousPalette: Palette?
    private var pairs: [Int32: Int32] = [:]
    private var restored = false
    /// ASCII stand-ins for every other character (`ascii(_:)`): without a UTF-8 locale wide output is mangled, and
    /// `--ascii` asks for it where fonts or screen readers handle line drawing and glyphs badly.
    public let asciiOnly: Bool

    /// The screen of an off-screen session (tests); nil on the controlling terminal.
    private var offscreen: OpaquePointer?

    /// Starts curses on the controlling terminal. `colorAllowed` is false for `NO_COLOR` or `--no-color`;
    /// `asciiOnly` is `--ascii` (a locale that is not UTF-8 draws ASCII anyway).
    /// A fatal signal (a crash on any thread) restores the terminal too: see `armCrashRescue`.
    /// `mouse` turns on clicks and the wheel (`mouse = false` leaves the terminal's own selection alone).
    public init(colorAllowed: Bool, asciiOnly: Bool = false, mouse: Bool = false) {
        setlocale(LC_ALL, "")
        let codeset = String(cString: shim_codeset()).uppercased()
        self.asciiOnly = asciiOnly || !(codeset == "UTF-8" || codeset == "UTF8")
        var shellMode = termios()
        let haveShellMode = tcgetattr(STDOUT_FILENO, &shellMode) == 0
        _ = initscr()
        window = shim_stdscr()
        colorDepth = .mono
        configure(colorAllowed: colorAllowed)
        Self.disableFlowControl()
        if mouse { shim_enable_mouse() }
        if haveShellMode { Self.armCrashRescue(shellMode: shellMode, mouse: mouse) }
    }

    /// With XON/XOFF on, Ctrl-S stops the terminal's output: the screen freezes (and the dashboard blocks
    /// writing) until Ctrl-Q. Off, Ctrl-S is an ordinary key. Ctrl-C still raises SIGINT (this is not `raw()`);
    /// `endwin` puts the shell's settings back, flow control included.
    private static func disableFlowControl() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON | IXOFF)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &mode) == 0 else { return }
        def_prog_mode()  // curses' own idea of the program's mode, or it would put IXON back on its next reset
    }

    /// Without this a crash leaves the user's terminal on the alternate screen, cursor hidden, keys not echoed:
    /// the handler writes the terminal's own sequences for leaving curses and puts back the tty settings found
    /// before `initscr`, then lets the signal go on (to Swift's backtracer, which can then print legibly).
    private static func armCrashRescue(shellMode: termios, mouse: Bool) {
        var reset: [CChar] = []
        for capability in ["rmcup", "cnorm", "sgr0", "rmkx"] {  // alternate screen off, cursor on, plain, keypad off
            guard let sequence = shim_tigetstr(capability) else { continue }
            reset.append(contentsOf: UnsafeBufferPointer(start: sequence, count: strlen(sequence)))
        }
        // Mouse reporting has no terminfo string to end it: xterm's own (every terminal that reports follows it).
        if mouse { reset.append(contentsOf: "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8CString.dropLast()) }
        reset.append(contentsOf: "\r\n".utf8CString.dropLast())
        var mode = shellMode
        _ = fw_rescue_arm(STDOUT_FILENO, &mode, reset, reset.count)
    }

    /// Curses writing to /dev/null at a fixed size, for tests of the backend itself (no TTY needed): what it
    /// painted is read back with `paintedLines()`. ncurses state is global: one at a time.
    public init(offscreenSize size: ScreenSize, terminalType: String = "xterm-256color", asciiOnly: Bool = false) {
        setlocale(LC_ALL, "C.UTF-8")
        self.asciiOnly = asciiOnly
        let output = fopen("/dev/null", "w"), input = fopen("/dev/null", "r")
        offscreen = newterm(terminalType, output, input)
        set_term(offscreen)
        resizeterm(Int32(size.height), Int32(size.width))
        window = shim_stdscr()
        colorDepth = .mono
        configure(colorAllowed: true)
    }

    private func configure(colorAllowed: Bool) {
        cbreak()
        noecho()
        keypad(window, true)
        nodelay(window, true)
        curs_set(0)
        set_escdelay(25)
        if colorAllowed, has_colors() {
            start_color()
            use_default_colors()
            colorDepth = ColorDepth(colors: Int(shim_colors()), colorAllowed: true)
        }
    }

    /// The text curses holds for each row (trailing spaces trimmed): what the terminal would show.
    public func paintedLines() -> [String] {
        let size = self.size
        return (0..<size.height).map { y in
            var buffer = [wchar_t](repeating: 0, count: size.width + 1)
            _ = mvwinnwstr(window, Int32(y), 0, &buffer, Int32(size.width))
            var text = String(String.UnicodeScalarView(buffer.prefix { $0 != 0 }.compactMap {
                Unicode.Scalar(UInt32(bitPattern: $0))
            }))
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    public var size: ScreenSize {
        var y: Int32 = 0, x: Int32 = 0
        shim_getmaxyx(window, &y, &x)
        return ScreenSize(width: Int(x), height: Int(y))
    }

    public var inputDescriptor: Int32 { STDIN_FILENO }

    public func present(_ grid: CellGrid, palette: Palette) {
        let full = previous?.size != grid.size || previousPalette != palette
        if full {
            if previousPalette != palette { pairs = [:] }
            werase(window)
            shim_force_repaint()
        }
        var text = [wchar_t](repeating: 0, count: 8)
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                var cell = grid[x, y]
                if cell.isContinuation {
                    // ASCII output draws a wide character as one "?": its second column needs a space of its own.
                    guard asciiOnly else { continue }
                    cell = Cell(text: " ", width: 1, style: cell.style)
                }
                if !full, let previous, previous[x, y] == grid[x, y] { continue }
                let style = palette[cell.style]
                let count = fill(&text, with: cell.text)
                guard count > 0 else { continue }
                _ = shim_put_cell(window, Int32(y), Int32(x), text, attributes(style.attributes),
                                  pair(style.foreground, style.background))
            }
        }
        previous = grid
        previousPalette = palette
        wnoutrefresh(window)
        doupdate()
    }

    public func readInput() -> [TerminalInput] {
        var inputs: [TerminalInput] = []
        // SIGWINCH is the app's (DashboardSession wakes the loop on it): ask the tty for its size and tell
        // ncurses, rather than waiting for a KEY_RESIZE that only comes when the signal hits this thread.
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0,
           Int(ws.ws_row) != size.height || Int(ws.ws_col) != size.width
        {
            resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
            previous = nil  // repaint everything (a height-only change too)
            inputs.append(.resized(size))
        }
        var ch: wint_t = 0
        while true {
            let result = wget_wch(window, &ch)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                if Int32(ch) == KEY_RESIZE {
                    previous = nil  // repaint everything at the new size (and after a height-only change)
                    inputs.append(.resized(size))
                } else if Int32(ch) == shim_key_mouse() {
                    var x: Int32 = 0, y: Int32 = 0
                    switch shim_get_mouse(&x, &y) {
                    case 1: inputs.append(.mouse(MouseEvent(.click, x: Int(x), y: Int(y))))
                    case 2: inputs.append(.mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y))))
                    case 3: inputs.append(.mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y))))
                    default: break
                    }
                } else if let key = Self.key(code: Int32(ch)) {
                    inputs.append(.key(key))
                }
            } else if let key = Self.key(character: UInt32(ch)) {
                inputs.append(.key(key))
            }
        }
        return inputs
    }

    public func discardTypeahead() { flushinp() }

    public func bell() { beep() }

    public func notify(_ text: String) {
        guard offscreen == nil else { return }  // a test's screen has no desktop
        // Written beside ncurses, which leaves OSC sequences alone; BEL ends it.
        fputs("\u{1B}]9;\(text.filter { $0 != "\u{07}" && $0 != "\u{1B}" })\u{07}", stdout)
        fflush(stdout)
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        curs_set(1)
        endwin()
        if let offscreen { delscreen(offscreen) } else { fw_rescue_disarm() }
    }

    // MARK: - Helpers

    private func fill(_ buffer: inout [wchar_t], with text: String) -> Int {
        var i = 0
        for scalar in text.unicodeScalars where i < buffer.count - 1 {
            buffer[i] = wchar_t(bitPattern: asciiOnly ? Self.ascii(scalar).value : scalar.value)
            i += 1
        }
        buffer[i] = 0
        return i
    }

    private func attributes(_ a: TextAttributes) -> attr_t {
        var out = shim_a_normal()
        if a.contains(.bold) { out |= shim_a_bold() }
        if a.contains(.dim) { out |= shim_a_dim() }
        if a.contains(.underline) { out |= shim_a_underline() }
        if a.contains(.reverse) { out |= shim_a_reverse() }
        if a.contains(.italic) { out |= shim_a_italic() }
        if a.contains(.blink) { out |= shim_a_blink() }
        return out
    }

    private func pair(_ fg: Int16, _ bg: Int16) -> Int32 {
        guard colorDepth != .mono, fg != -1 || bg != -1 else { return 0 }
        let key = Int32(fg) << 16 | Int32(UInt16(bitPattern: bg))
        if let known = pairs[key] { return known }
        let made = alloc_pair(Int32(fg), Int32(bg))
        let number = made < 0 ? 0 : made
        pairs[key] = number
        return number
    }

    static func key(character c: UInt32) -> Key? {
        switch c {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(c + 96)!))
        default:
            guard let scalar = Unicode.Scalar(c) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        default:
            (1...12).first { shim_key_f(Int32($0)) == code }.map { .function($0) }
        }
    }

    /// An ASCII stand-in for a character of the views (anything else becomes "?").
    static func ascii(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return scalar }
        switch scalar {
        case "─": return "-"
        case "│": return "|"
        case "┌", "┐", "└", "┘", "├", "┤": return "+"
        case "●": return "*"
        case "○", "◌": return "o"
        case "…": return "~"
        case "█": return "_"
        case "⚠": return "!"
        case "—", "–": return "-"
        case "·": return "."
        case "×": return "x"
        case "↑", "▲": return "^"
        case "↓", "▼": return "v"
        case "←": return "<"
        case "→": return ">"
        case "✓": return "+"
        default: return "?"
        }
    }
}
