/// The part of TOML that fleetwatch's files use, checked before TOMLKit sees the text.
///
/// Why: toml++ 3.4.0, under TOMLKit, asserts (and so aborts the process) instead of reporting an error on some
/// malformed input: a header with no name, a date with a short time, a `}` where a value should be. The fuzzers
/// found one such shape after another (their inputs are in `Fuzz/corpus/config`), so a list of shapes to refuse was
/// never done. This check goes the other way: it lets through only the grammar the config and theme files need,
/// which keeps toml++ away from tables, dates, times, floats, inline tables and multi-line strings, where those
/// assertions live. What passes is still parsed by TOMLKit, which reports what this check does not (a duplicate key,
/// an escape that names no character).
///
/// The grammar: lines that are blank, a `# comment`, or `key = value` with an optional comment; a key is a bare key
/// (`A-Z a-z 0-9 _ -`); a value is a one-line string (`"…"` with TOML's escapes, or `'…'`), a decimal whole number,
/// `true`, `false`, or an array of those that may span lines and end with a comma. A UTF-8 byte order mark may start
/// the file; lines end with LF or CRLF.
struct FlatTOMLGrammar {
    private let bytes: [UInt8]
    private var i = 0
    private var line = 1

    /// The longest decimal number TOML's 64-bit integers can hold.
    private static let maxDigits = 19

    init(_ text: String) {
        bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    /// The keys in file order with their 1-based lines, or the first line outside the grammar and why.
    mutating func keys() throws(FlatTOMLError) -> [(key: String, line: Int)] {
        var keys: [(key: String, line: Int)] = []
        while true {
            skipBlanks()
            guard let c = peek() else { return keys }
            switch c {
            case ascii("\n"), ascii("\r"):
                try newline()
            case ascii("#"):
                try comment()
            case ascii("["):
                throw fail("this file has no tables: write each setting as key = value")
            default:
                let key = try bareKey()
                keys.append((key, line))
                skipBlanks()
                if peek() == ascii(".") { throw fail("a key is one word (letters, digits, _ and -); `.` is not used") }
                guard peek() == ascii("=") else { throw fail("expected `=` after `\(key)`") }
                i += 1
                skipBlanks()
                try value(inArray: false)
                skipBlanks()
                if peek() == ascii("#") { try comment() }
                if let c = peek(), c != ascii("\n"), c != ascii("\r") {
                    throw fail("expected the end of the line after the value of `\(key)`")
                }
            }
        }
    }

    // MARK: - Values

    private mutating func value(inArray: Bool) throws(FlatTOMLError) {
        guard let c = peek() else { throw fail("expected a value after `=`") }
        switch c {
        case ascii("\""), ascii("'"):
            try string(quote: c)
        case ascii("t"), ascii("f"):
            guard word("true") || word("false") else { throw notAValue() }
        case ascii("+"), ascii("-"), ascii("0")...ascii("9"):
            try integer()
        case ascii("["):
            guard !inArray else { throw fail("an array inside an array is not used in this file") }
            try array()
        case ascii("{"):
            throw fail("inline tables ({ … }) are not used in this file")
        case ascii("#"):
            throw fail("a value that starts with # needs quotes (# starts a comment): write \"#…\"")
        case ascii("\n"), ascii("\r"):
            throw fail("expected a value after `=`")
        default:
            throw notAValue()
        }
    }

    private func notAValue() -> FlatTOMLError {
        fail("expected a value: a string in quotes, a whole number, true, false or an array [ … ]")
    }

    /// A one-line basic (`"`) or literal (`'`) string; the opening quote is at `i`.
    private mutating func string(quote: UInt8) throws(FlatTOMLError) {
        if i + 2 < bytes.count, bytes[i + 1] == quote, bytes[i + 2] == quote {
            throw fail("multi-line strings (\"\"\" or ''') are not used in this file")
        }
        i += 1
        while let c = peek() {
            i += 1
            if c == quote { return }
            if c == ascii("\n") || c == ascii("\r") { break }
            if isControl(c) { throw fail("a string holds a control character; write it as an escape") }
            if quote == ascii("\""), c == ascii("\\") { try escape() }
        }
        throw fail("a string must end on its own line with \(quote == ascii("\"") ? "\"" : "'")")
    }

    /// TOML's escapes; the backslash is behind `i`.
    private mutating func escape() throws(FlatTOMLError) {
        guard let c = peek() else { throw fail("a backslash ends the file") }
        i += 1
        let hexDigits: Int
        switch c {
        case ascii("b"), ascii("t"), ascii("n"), ascii("f"), ascii("r"), ascii("\""), ascii("\\"): return
        case ascii("u"): hexDigits = 4
        case ascii("U"): hexDigits = 8
        default: throw fail("unknown escape in a string (\\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)")
        }
        for _ in 0..<hexDigits {
            guard let d = peek(), isHexDigit(d) else { throw fail("\\\(Character(Unicode.Scalar(c))) needs \(hexDigits) hex digits") }
            i += 1
        }
    }

    /// `[+-]` then `0` or a digit run with single underscores between digits, ended where a value ends.
    private mutating func integer() throws(FlatTOMLError) {
        if peek() == ascii("+") || peek() == ascii("-") { i += 1 }
        var digits = 0
        var previousWasDigit = false
        while let c = peek() {
            if isDigit(c) {
                digits += 1
                previousWasDigit = true
            } else if c == ascii("_"), previousWasDigit {
                previousWasDigit = false
            } else {
                break
            }
            i += 1
        }
        guard digits > 0, previousWasDigit, endsValue(peek()) else {
            throw fail("expected a whole number (dates, times and decimals are not used in this file)")
        }
        guard digits <= Self.maxDigits else { throw fail("a whole number with more than \(Self.maxDigits) digits") }
    }

    /// `[` values separated by commas, over any number of lines, `]`; the `[` is at `i`.
    private mutating func array() throws(FlatTOMLError) {
        let opening = line
        i += 1
        while true {
            try skipArraySpace(opening: opening)
            if peek() == ascii("]") { i += 1; return }
            try value(inArray: true)
            try skipArraySpace(opening: opening)
            switch peek() {
            case ascii(","): i += 1
            case ascii("]"): i += 1; return
            default: throw fail("expected `,` or `]` in the array")
            }
        }
    }

    /// Blanks, line ends and comments inside an array.
    private mutating func skipArraySpace(opening: Int) throws(FlatTOMLError) {
        while true {
            skipBlanks()
            switch peek() {
            case nil: throw FlatTOMLError(line: opening, message: "the array that starts here has no closing `]`")
            case ascii("\n"), ascii("\r"): try newline()
            case ascii("#"): try comment()
            default: return
            }
        }
    }

    // MARK: - Lines, comments, keys

    private mutating func bareKey() throws(FlatTOMLError) -> String {
        let start = i
        while let c = peek(), isBareKeyByte(c) { i += 1 }
        guard i > start else {
            if peek() == ascii("\"") || peek() == ascii("'") { throw fail("a key is one word without quotes") }
            throw fail("expected a setting: key = value")
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    /// `#` to the end of the line. TOML allows no control characters there but tab.
    private mutating func comment() throws(FlatTOMLError) {
        while let c = peek(), c != ascii("\n"), c != ascii("\r") {
            if isControl(c) { throw fail("a comment holds a control character") }
            i += 1
        }
    }

    private mutating func newline() throws(FlatTOMLError) {
        if peek() == ascii("\r") {
            i += 1
            guard peek() == ascii("\n") else { throw fail("a carriage return must be followed by a line feed") }
        }
        i += 1
        line += 1
    }

    private mutating func skipBlanks() {
        while let c = peek(), c == ascii(" ") || c == ascii("\t") { i += 1 }
    }

    /// Whether `text` is at `i` and ends a value there; consumes it if so.
    private mutating func word(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let matches = (0..<count).allSatisfy { bytes[i + $0] == text.utf8Start[$0] }
        guard matches, endsValue(i + count < bytes.count ? bytes[i + count] : nil) else { return false }
        i += count
        return true
    }

    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private func fail(_ message: String) -> FlatTOMLError { FlatTOMLError(line: line, message: message) }

    private func endsValue(_ c: UInt8?) -> Bool {
        guard let c else { return true }
        return [ascii(" "), ascii("\t"), ascii("\r"), ascii("\n"), ascii("#"), ascii(","), ascii("]")].contains(c)
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= ascii("0") && c <= ascii("9") }

    private func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= ascii("a") && c <= ascii("f")) || (c >= ascii("A") && c <= ascii("F"))
    }

    private func isBareKeyByte(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= ascii("a") && c <= ascii("z")) || (c >= ascii("A") && c <= ascii("Z"))
            || c == ascii("_") || c == ascii("-")
    }

    /// TOML's control characters, tab excepted.
    private func isControl(_ c: UInt8) -> Bool { (c < 0x20 && c != ascii("\t")) || c == 0x7F }

    private func ascii(_ scalar: Unicode.Scalar) -> UInt8 { UInt8(ascii: scalar) }
}
