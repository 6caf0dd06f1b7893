/// Finds the lines that TOMLKit cannot be given: its toml++ (3.4.0) asserts, and so aborts the process, where it
/// should report a syntax error, on
/// - a table header whose name does not start with a key character (`[`, `[,`, `[ .x]`, `[[[`);
/// - a date followed by `T` and no time (`d = 1979-05-27T:`);
/// - a date-like value followed by a space and a single digit (`d = 1979-05-27 0`, `d = 1979-05-2- 0`);
/// - a `}` where an array's value should be (`q = [}`, `q = ["a", }`).
/// None is a valid config line (the file has no tables and no dates), so this check reports the line before the
/// text reaches the parser.
enum ParserAbortCheck {
    /// What is wrong with a line, for the error message.
    enum Problem: Equatable {
        case unnamedTableHeader
        case dateWithoutTime
        case dateWithShortTime
        case braceForValue

        var message: String {
            switch self {
            case .unnamedTableHeader:
                "a table header needs a name, and this file has no tables: write each setting as key = value"
            case .dateWithoutTime:
                "a date followed by T needs a time; no setting is a date: quote the value"
            case .dateWithShortTime:
                "a date followed by a time needs hours and minutes (HH:MM); no setting is a date: quote the value"
            case .braceForValue:
                "a value is missing before `}`"
            }
        }
    }

    /// The 1-based number of the first line that would abort the parser, and why; nil when there is none.
    static func firstUnparsableLine(in text: String) -> (line: Int, problem: Problem)? {
        var multilineDelimiter: [UInt8]?  // inside a `"""` or `'''` string: its lines are not headers
        if let line = lineOfBraceForValue(Array(text.utf8)) { return (line, .braceForValue) }
        var number = 0
        // toml++ skips a UTF-8 byte order mark before the first line, so the checks must too.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let document = text.utf8.starts(with: bom) ? text.utf8.dropFirst(bom.count) : text.utf8[...]
        for line in document.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let bytes = Array(line)
            if multilineDelimiter == nil {
                if !isSafeHeader(bytes) { return (number, .unnamedTableHeader) }
                if let problem = dateProblem(bytes) { return (number, problem) }
            }
            multilineDelimiter = delimiterAfter(bytes, startingInside: multilineDelimiter)
        }
        return nil
    }

    /// False for a line that starts a table header (`[` or `[[` after blanks) whose name starts with neither a
    /// key character, a quote nor a bracket that toml++ handles itself.
    static func isSafeHeader(_ line: [UInt8]) -> Bool {
        var i = skipBlanks(line, 0)
        guard i < line.count, line[i] == UInt8(ascii: "[") else { return true }
        i += 1
        let afterOne = skipBlanks(line, i)
        if afterOne < line.count, line[afterOne] == UInt8(ascii: "[") {
            guard afterOne == i else { return true }  // `[ [`: toml++ reports "brackets must be contiguous"
            i = skipBlanks(line, i + 1)
            // After `[[` even `[` reaches the key parser.
            return i < line.count && (isKeyStart(line[i]) || line[i] == UInt8(ascii: "]"))
        }
        i = afterOne
        return i < line.count && (isKeyStart(line[i]) || line[i] == UInt8(ascii: "]"))
    }

    /// `.dateWithoutTime` for `DDDD-DD-DDT` (or `t`) not followed by a digit; `.dateWithShortTime` for what toml++
    /// takes for a date followed by a space and a time, where the time is one digit (`shortTimeAfterDate`); both
    /// outside quotes and comments; nil otherwise.
    static func dateProblem(_ line: [UInt8]) -> Problem? {
        var quote: UInt8?
        for i in line.indices {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }  // an escaped quote only ends the check early for that string
                continue
            }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c; continue }
            if c == UInt8(ascii: "#") { return nil }
            if c == UInt8(ascii: "T") || c == UInt8(ascii: "t"), isDate(line, endingAt: i),
               !(i + 1 < line.count && isDigit(line[i + 1])) {
                return .dateWithoutTime
            }
            if c == UInt8(ascii: " "), shortTimeAfterDate(line, space: i) { return .dateWithShortTime }
        }
        return nil
    }

    /// Whether the ten bytes before `end` are `DDDD-DD-DD`.
    private static func isDate(_ line: [UInt8], endingAt end: Int) -> Bool {
        guard end >= 10 else { return false }
        return (0..<10).allSatisfy { k in
            k == 4 || k == 7 ? line[end - 10 + k] == UInt8(ascii: "-") : isDigit(line[end - 10 + k])
        }
    }

    /// toml++'s own test for "a date, a space, then a time" (`parse_value`): the value so far is ten characters
    /// (underscores not counted) starting with a digit, with `-` fifth and eighth, and nothing that gives it another
    /// type (`+`, `.`, `:`, `T`, `Z`). When one digit follows the space and then anything that ends a value
    /// (whitespace of any kind, `]`, `}`, `,`, `#`, or the line's end), toml++ asserts instead of reporting. This
    /// test takes a little more than toml++ does (some letters give a value another type only in some places), which
    /// costs nothing: no such line is valid TOML. `space` is the index of that space in `line`.
    static func shortTimeAfterDate(_ line: [UInt8], space: Int) -> Bool {
        let after = Array(String(decoding: line[(space + 1)...], as: UTF8.self).unicodeScalars.prefix(2))
        guard let digit = after.first, ("0"..."9").contains(digit) else { return false }
        if after.count > 1, !endsValue(after[1]) { return false }
        var value: [Unicode.Scalar] = []  // back to where the value starts, without underscores
        for scalar in String(decoding: line[..<space], as: UTF8.self).unicodeScalars.reversed() {
            if endsValue(scalar) || "=[{".unicodeScalars.contains(scalar) { break }
            if scalar == "_" { continue }
            value.append(scalar)
            if value.count > 10 { return false }
        }
        value.reverse()
        return value.count == 10 && ("0"..."9").contains(value[0]) && value[4] == "-" && value[7] == "-"
            && !value.contains { "+.:tTzZ".unicodeScalars.contains($0) }
    }

    /// What toml++ takes for the end of a value, and any other whitespace.
    private static func endsValue(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || "]},#".unicodeScalars.contains(scalar)
    }

    /// The line of a `}` that follows `[` or `,` with only blanks, newlines or comments between, outside strings.
    /// Never valid TOML (`[}` is no array, `, }` no trailing comma an inline table allows).
    static func lineOfBraceForValue(_ text: [UInt8]) -> Int? {
        var line = 1
        var i = 0
        var afterOpener = false  // the last token was `[` or `,`
        while i < text.count {
            let c = text[i]
            switch c {
            case UInt8(ascii: "\n"):
                line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "#"):
                while i + 1 < text.count, text[i + 1] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let triple = i + 2 < text.count && text[i + 1] == c && text[i + 2] == c
                i += triple ? 3 : 1
                while i < text.count {
                    if text[i] == UInt8(ascii: "\n") { line += 1 }
                    if c == UInt8(ascii: "\""), text[i] == UInt8(ascii: "\\") { i += 2; continue }  // an escape
                    if text[i] == c, !triple || (i + 2 < text.count && text[i + 1] == c && text[i + 2] == c) {
                        i += triple ? 2 : 0
                        break
                    }
                    i += 1
                }
                afterOpener = false
            case UInt8(ascii: "}"):
                if afterOpener { return line }
            default:
                afterOpener = c == UInt8(ascii: "[") || c == UInt8(ascii: ",")
            }
            i += 1
        }
        return nil
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private static func isKeyStart(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
             UInt8(ascii: "\""), UInt8(ascii: "'"):
            true
        default:
            false
        }
    }

    private static func skipBlanks(_ line: [UInt8], _ start: Int) -> Int {
        var i = start
        while i < line.count, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") { i += 1 }
        return i
    }

    private static let basicDelimiter = [UInt8](repeating: UInt8(ascii: "\""), count: 3)
    private static let literalDelimiter = [UInt8](repeating: UInt8(ascii: "'"), count: 3)

    /// Whether a multi-line string is open at the end of `line`, and with which delimiter. One-line strings are
    /// skipped whole (a `'''` inside `"…"` opens nothing), as are escaped bytes in basic strings. Good enough for
    /// this check: at worst a header goes unchecked or a line inside a string is reported.
    private static func delimiterAfter(_ line: [UInt8], startingInside open: [UInt8]?) -> [UInt8]? {
        var open = open
        var i = 0
        let backslash = UInt8(ascii: "\\")
        func triple(at k: Int) -> [UInt8]? { k + 2 < line.count ? Array(line[k..<(k + 3)]) : nil }
        while i < line.count {
            if let delimiter = open {
                if delimiter == basicDelimiter, line[i] == backslash { i += 2; continue }
                if triple(at: i) == delimiter {
                    open = nil
                    i += 3
                } else {
                    i += 1
                }
                continue
            }
            let c = line[i]
            if c == UInt8(ascii: "#") { break }  // a comment: nothing after it opens a string
            guard c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") else { i += 1; continue }
            if let three = triple(at: i), three == basicDelimiter || three == literalDelimiter {
                open = three
                i += 3
                continue
            }
            i += 1  // a one-line string: skip to its closing quote
            while i < line.count, line[i] != c {
                i += c == UInt8(ascii: "\"") && line[i] == backslash ? 2 : 1
            }
            i += 1
        }
        return open
    }
}
