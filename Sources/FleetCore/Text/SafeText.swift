/// The one gate between text from the network and the screen.
///
/// Control characters in data could move the cursor, change colours or spoof the display (hishamhm/htop#111),
/// so every C0 and C1 control, DEL, and the bidirectional overrides that reorder what follows are replaced by
/// `?`. Escape sequences lose their ESC and become harmless printable text.
public enum SafeText {
    public static let replacement: Unicode.Scalar = "?"

    /// `text` with every unsafe scalar replaced; returns the same string when nothing needed replacing.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isUnsafe(scalar) ? replacement : scalar) }
        return String(out)
    }

    /// True for the scalars that must never reach a terminal.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }                // C0 (ESC, CR, LF, TAB…) and DEL
        if v < 0x80 { return false }
        if v <= 0x9F { return true }                              // C1, including the 8-bit CSI
        return (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)  // bidi embeddings, isolates
            || v == 0x2028 || v == 0x2029                         // line and paragraph separators
    }
}
