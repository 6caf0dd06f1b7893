/// Finds the table headers that TOMLKit cannot be given: its toml++ (3.4.0) asserts, and so aborts the process,
/// on a header whose name does not start with a key character (`[`, `[,`, `[ .x]`, `[[[`), where it should report
/// a syntax error. The config file has no tables, so such a line is an error either way: this check reports it
/// with its line before the text reaches the parser.
enum TableHeaderCheck {
    /// The 1-based number of the first line whose table header would abort the parser, or nil.
    static func firstUnparsableHeader(in text: String) -> Int? {
        var multilineDelimiter: [UInt8]?  // inside a `"""` or `'''` string: its lines are not headers
        var number = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let bytes = Array(line)
            if multilineDelimiter == nil, !isSafeHeader(bytes) { return number }
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

    /// Whether a multi-line string is open at the end of `line`, and with which delimiter. Good enough for this
    /// check: an escaped `\"""` inside a basic string is rare, and at worst a header goes unchecked or a line
    /// inside a string is reported.
    private static func delimiterAfter(_ line: [UInt8], startingInside open: [UInt8]?) -> [UInt8]? {
        var open = open
        var i = 0
        while i + 2 < line.count {
            let three = Array(line[i..<(i + 3)])
            if let delimiter = open {
                if three == delimiter {
                    open = nil
                    i += 3
                    continue
                }
            } else if three == basicDelimiter || three == literalDelimiter {
                open = three
                i += 3
                continue
            } else if line[i] == UInt8(ascii: "#") {
                break  // a comment: nothing after it opens a string
            }
            i += 1
        }
        return open
    }
}
