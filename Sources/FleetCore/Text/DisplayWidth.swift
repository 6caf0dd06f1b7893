/// How many terminal columns text takes, and how to cut it to a width without splitting a wide character.
///
/// Counting `Character`s or bytes misaligns columns as soon as a name holds 車 or 🚗 (htop-dev/htop#421);
/// this follows `wcwidth`: combining marks and format characters take 0 columns, East Asian wide and
/// fullwidth characters and emoji take 2, everything else 1. It needs no locale, so tests and the C locale
/// agree with the terminal.
public enum DisplayWidth {
    /// The columns of one scalar (0, 1 or 2). Control characters count 0: sanitise before drawing.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }
        // Box drawing, block elements and braille (every border and the map, every frame): one column, and
        // none of them a mark or an emoji, so the property lookups below are skipped for them.
        if (0x2500...0x259F).contains(v) || (0x2800...0x28FF).contains(v) { return 1 }
        if v == 0x200B || (0x200C...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The columns of a string.
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    /// `text` cut to at most `columns` columns; when cut, the last column is `…`. A wide character that would
    /// cross the edge is left out rather than split.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = of(scalar)
            if used + w > columns - 1 { break }
            out.append(scalar)
            used += w
        }
        out.append("…")
        return String(out)
    }

    /// `text` truncated or padded with spaces to exactly `columns` columns.
    public static func fit(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        let width = of(cut)
        return width < columns ? cut + String(repeating: " ", count: columns - width) : cut
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1F680...0x1F6FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
