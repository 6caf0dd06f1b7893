/// How many colours the terminal has; decides how theme colours are resolved.
public enum ColorDepth: Hashable, Sendable {
    case mono, ansi8, ansi16, xterm256

    /// From ncurses' `COLORS` (and whether colour may be used at all).
    public init(colors: Int, colorAllowed: Bool) {
        if !colorAllowed || colors < 8 { self = .mono }
        else if colors >= 256 { self = .xterm256 }
        else if colors >= 16 { self = .ansi16 }
        else { self = .ansi8 }
    }
}

/// A slot's style for one terminal: colour numbers (-1 = the terminal's own) and attributes.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: Int16
    public var background: Int16
    public var attributes: TextAttributes
}

/// Every slot resolved once for a theme and a colour depth (256 → 16 → 8 → mono).
public struct Palette: Hashable, Sendable {
    public let themeName: String
    public let depth: ColorDepth
    public let styles: [StyleSlot: ResolvedStyle]

    /// `mono` is used instead of `theme` when the depth has no colour.
    public init(theme: Theme, depth: ColorDepth, mono: Theme = BuiltinThemes.mono) {
        let source = depth == .mono ? mono : theme
        themeName = source.name
        self.depth = depth
        var styles: [StyleSlot: ResolvedStyle] = [:]
        for slot in StyleSlot.allCases {
            let s = source.style(slot)
            if depth == .mono {
                styles[slot] = ResolvedStyle(foreground: -1, background: -1, attributes: s.attributes)
            } else {
                styles[slot] = ResolvedStyle(foreground: ColorLadder.resolve(s.foreground, depth: depth),
                                             background: ColorLadder.resolve(s.background, depth: depth),
                                             attributes: s.attributes)
            }
        }
        self.styles = styles
    }

    public subscript(slot: StyleSlot) -> ResolvedStyle { styles[slot]! }

    /// Whether the statuses (online, in rental, offline, smoke) differ in colour: not on a terminal without colour,
    /// nor under a theme that gives them one colour (`mono`). The map then tells them apart by mark.
    public var tellsStatusesByColor: Bool {
        let colors = [StyleSlot.online, .inRental, .offline, .smoke].map { (styles[$0]!.foreground, styles[$0]!.background) }
        return Set(colors.map { "\($0.0),\($0.1)" }).count == colors.count
    }
}

/// Nearest-colour mapping between xterm-256, the 16 ANSI colours and the first 8.
public enum ColorLadder {
    /// The colour number to give the terminal, -1 for its own colour.
    public static func resolve(_ color: ThemeColor, depth: ColorDepth) -> Int16 {
        switch (color, depth) {
        case (.terminalDefault, _), (_, .mono): return -1
        case let (.indexed(i), .xterm256): return Int16(i)
        case let (.rgb(r, g, b), .xterm256): return Int16(nearest256(r, g, b))
        case let (.indexed(i), .ansi16): return Int16(i < 16 ? i : nearestANSI(rgb(ofIndex: i), count: 16))
        case let (.rgb(r, g, b), .ansi16): return Int16(nearestANSI((r, g, b), count: 16))
        case let (.indexed(i), .ansi8): return Int16(i < 8 ? i : i < 16 ? i - 8 : nearestANSI(rgb(ofIndex: i), count: 8))
        case let (.rgb(r, g, b), .ansi8): return Int16(nearestANSI((r, g, b), count: 8))
        }
    }

    /// xterm's default values of the 16 ANSI colours.
    static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255),
        (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB of an xterm-256 index.
    public static func rgb(ofIndex i: UInt8) -> (UInt8, UInt8, UInt8) {
        if i < 16 { return ansi[Int(i)] }
        if i >= 232 {
            let v = UInt8(8 + 10 * (Int(i) - 232))
            return (v, v, v)
        }
        let n = Int(i) - 16
        return (UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[n / 6 % 6]), UInt8(cubeLevels[n % 6]))
    }

    /// The nearest index among 16–255 (the cube and the greys; the ANSI 0–15 vary by terminal).
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        var best: UInt8 = 16
        var bestDistance = Int.max
        for i in 16...255 {
            let d = distance((r, g, b), rgb(ofIndex: UInt8(i)))
            if d < bestDistance {
                bestDistance = d
                best = UInt8(i)
            }
        }
        return best
    }

    /// The nearest of the first `count` ANSI colours.
    public static func nearestANSI(_ c: (UInt8, UInt8, UInt8), count: Int) -> UInt8 {
        var best: UInt8 = 0
        var bestDistance = Int.max
        for i in 0..<count {
            let d = distance(c, ansi[i])
            if d < bestDistance {
                bestDistance = d
                best = UInt8(i)
            }
        }
        return best
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        // Weighted toward green, as the eye is (a cheap "redmean"-like weighting).
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
