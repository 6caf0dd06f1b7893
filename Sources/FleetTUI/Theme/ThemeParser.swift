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

/// Reads the theme file format (see `themes/default.theme`): `slot = "value"` lines, `#` comments.
public enum ThemeParser {
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        var name: String?
        var styles: [StyleSlot: SlotStyle] = [:]
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = stripComment(rawLine).trimmingSpaces()
            if line.isEmpty { continue }
            func fail(_ message: String) -> ThemeError { ThemeError(file: file, line: number, message: message) }
            guard let eq = line.firstIndex(of: "=") else { throw fail("expected `slot = \"value\"`") }
            let key = line[..<eq].trimmingSpaces()
            var value = line[line.index(after: eq)...].trimmingSpaces()
            if value.hasPrefix("\"") {
                guard value.count >= 2, value.hasSuffix("\"") else { throw fail("unterminated quote") }
                value = String(value.dropFirst().dropLast())
            }
            if key == "name" {
                name = value
                continue
            }
            guard let slot = StyleSlot(rawValue: key) else {
                let known = StyleSlot.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("unknown slot `\(key)` (slots: name, \(known))")
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

    private static func stripComment(_ line: Substring) -> Substring {
        // A `#` starts a comment unless it is inside quotes (colours are `#RRGGBB`).
        var inQuotes = false
        for i in line.indices {
            if line[i] == "\"" { inQuotes.toggle() }
            if line[i] == "#", !inQuotes {
                // `#` right after `=` and spaces without quotes is a colour, not a comment.
                let before = line[..<i].trimmingSpaces()
                if before.hasSuffix("=") { continue }
                return line[..<i]
            }
        }
        return line
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
