extension SafeText {
    /// JSON text with every scalar `isUnsafe` names from DEL up (DEL, the C1 controls, the bidi controls, the line
    /// and paragraph separators) written as a `\u` escape: the same JSON value, safe to print on a terminal, and the
    /// exact text still there for whoever parses it.
    ///
    /// For the JSON that Foundation's `JSONEncoder` writes (`tail --json`, `fleetsim`'s lines and bodies): it escapes
    /// what JSON requires, C0 controls included, and leaves these as they are. Outside its strings JSON text is
    /// ASCII, so every such scalar is inside a string, where its escape stands for the same scalar; every one is in
    /// the Basic Multilingual Plane (at most U+2069), so one `\uXXXX` each.
    public static func escapingUnsafeScalars(inJSON json: String) -> String {
        guard json.utf8.contains(where: { $0 >= 0x7F }) else { return json }  // plain ASCII: most lines
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard scalar.value >= 0x7F, isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            out.append(contentsOf: "\\u".unicodeScalars)
            for shift in stride(from: 12, through: 0, by: -4) {
                out.append(hexDigits[Int((scalar.value >> UInt32(shift)) & 0xF)])
            }
        }
        return String(out)
    }

    private static let hexDigits: [Unicode.Scalar] = Array("0123456789abcdef".unicodeScalars)
}
