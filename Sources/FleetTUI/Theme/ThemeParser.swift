import FlatTOML

/// A theme file that could not be read, with the file and line to fix.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is not on one line (unreadable file, unknown theme).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Reads the theme file format (see `themes/README.md`): TOML's `slot = "value"` lines and `#` comments, through
/// `FlatTOML`.
public enum ThemeParser {
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        let entries: [FlatTOMLEntry]
        do throws(FlatTOMLError) {
            entries = try FlatTOML.read(text)
        } catch {
            throw ThemeError(file: file, line: error.line ?? 0, message: error.message)
        }
        var name: String?
        var styles: [StyleSlot: SlotStyle] = [:]
        for entry in entries {
            func fail(_ message: String) -> ThemeError { ThemeError(file: file, line: entry.line, message: message) }
            guard case .string(let value) = entry.value else {
                throw fail("`\(entry.key)` must be a string in quotes, not \(entry.value.kind)")
            }
            if entry.key == "name" {
                name = value
                continue
            }
            guard let slot = StyleSlot(rawValue: entry.key) else {
                let known = StyleSlot.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("unknown slot `\(entry.key)` (slots: name, \(known))")
            }
            do throws(StyleParseError) {
                styles[slot] = try parseStyle(value)
            } catch {
                throw fail(error.message)
            }
        }
        let fallbackName = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) }
        return Theme(name: name ?? fallbackName ?? "theme", styles: styles)
    }

    struct StyleParseError: Error { var message: String }

    /// `fg [on bg] [attribute…]`.
    static func parseStyle(_ value: String) throws(StyleParseError) -> SlotStyle {
        var style = SlotStyle()
        var sawForeground = false
        var words = value.split(separator: " ").map(String.init)[...]
        while let word = words.popFirst() {
            let lower = word.lowercased()
            if let attribute = TextAttributes.words.first(where: { $0.0 == lower })?.1 {
                style.attributes.insert(attribute)
            } else if lower == "on" {
                guard let bg = words.popFirst() else { throw StyleParseError(message: "`on` needs a colour") }
                style.background = try parseColor(bg)
            } else if !sawForeground {
                style.foreground = try parseColor(word)
                sawForeground = true
            } else {
                throw StyleParseError(message: "unexpected `\(word)`")
            }
        }
        return style
    }

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func parseColor(_ word: String) throws(StyleParseError) -> ThemeColor {
        let lower = word.lowercased()
        if lower == "default" || lower == "none" { return .terminalDefault }
        if let i = ansiNames.firstIndex(of: lower) { return .indexed(UInt8(i)) }
        for prefix in ["bright_", "bright"] where lower.hasPrefix(prefix) {
            if let i = ansiNames.firstIndex(of: String(lower.dropFirst(prefix.count))) { return .indexed(UInt8(i + 8)) }
        }
        if lower == "gray" || lower == "grey" { return .indexed(8) }
        if let n = Int(lower), (0...255).contains(n) { return .indexed(UInt8(n)) }
        if lower.hasPrefix("#") {
            let hex = Array(lower.dropFirst())
            let digits = hex.compactMap { $0.hexDigitValue }
            if digits.count == hex.count {
                if hex.count == 6 {
                    return .rgb(UInt8(digits[0] * 16 + digits[1]), UInt8(digits[2] * 16 + digits[3]),
                                UInt8(digits[4] * 16 + digits[5]))
                }
                if hex.count == 3 {
                    return .rgb(UInt8(digits[0] * 17), UInt8(digits[1] * 17), UInt8(digits[2] * 17))
                }
            }
        }
        throw StyleParseError(message: "unknown colour or attribute `\(word)` (expected #RRGGBB, #RGB, 0-255, "
                              + "an ANSI name, default, or bold dim underline reverse italic blink)")
    }
}
