/// A colour as a theme names it.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background (keeps transparency and light terminals readable).
    case terminalDefault
    /// An xterm index: 0–15 are the ANSI colours, 16–255 the cube and greys.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes; the only thing the mono theme has.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
    public static let blink = TextAttributes(rawValue: 1 << 5)

    /// Attribute words of theme files, in a fixed order.
    public static let words: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic),
        ("blink", .blink),
    ]

    /// `bold reverse`: how goldens and help name them.
    public var words: String {
        Self.words.filter { contains($0.1) }.map(\.0).joined(separator: " ")
    }
}

/// How one slot looks.
public struct SlotStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A named mapping from semantic slots to styles. Slots a theme leaves out look like `normal`.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleSlot: SlotStyle]

    public init(name: String, styles: [StyleSlot: SlotStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ slot: StyleSlot) -> SlotStyle { styles[slot] ?? styles[.normal] ?? SlotStyle() }
}
