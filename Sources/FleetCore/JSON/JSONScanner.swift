/// JSON's grammar (RFC 8259) scanned in place: white space, strings, numbers, the three literals, and whole
/// values (`value`), each checked and measured. The one-pass reader (`BodyReader`), which reads event bodies and
/// REST answers alike, scans with it, and `EventDecoder` checks a refused body whole with `document`, so every
/// reader accepts exactly the same texts and names the same error at the same byte.
enum JSONScanner {
    /// The index of the first byte at or after `start` that is not JSON white space.
    @inline(__always)
    static func skipSpace(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < input.count {
            switch input[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return i
            }
        }
        return i
    }

    /// Scans the string whose opening quote is at `start`: returns the index after its closing quote, and whether
    /// it has escapes (its raw bytes, `start + 1 ..< end - 1`, are then not its text).
    @inline(__always)
    static func string(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws(JSONError) -> (end: Int, escaped: Bool) {
        var i = start + 1
        var escaped = false
        let base = UnsafeRawPointer(input.baseAddress!)
        while true {
            // Find the next quote, backslash or control character eight bytes at a time: most of a body is plain
            // string bytes, and keys are short.
            if i + 8 <= input.count {
                let special = specialBytes(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                if special == 0 {
                    i += 8
                    continue
                }
                i += special.trailingZeroBitCount >> 3
            } else {
                guard i < input.count else { throw .unexpectedEnd }
                let c = input[i]
                if c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") && c >= 0x20 {
                    i += 1
                    continue
                }
            }
            let c = input[i]
            if c == UInt8(ascii: "\"") { return (i + 1, escaped) }
            if c == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < input.count else { throw .unexpectedEnd }
                switch input[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 5 < input.count else { throw .unexpectedEnd }
                    for k in 2...5 where hexValue(input[i + k]) == nil { throw .invalidEscape(offset: i) }
                    i += 6
                default:
                    throw .invalidEscape(offset: i)
                }
                continue
            }
            throw .controlCharacterInString(offset: i)
        }
    }

    /// The high bit of each of the eight bytes of `word` (first byte lowest) that is a quote, a backslash or a
    /// control character (< 0x20), by the classic has-zero-byte / has-less-than tricks. Bytes above a flagged one
    /// may be flagged falsely, never bytes below it: the lowest flag is exact, which is all the scan uses.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let quote = zeroBytes(word ^ (ones &* 0x22))
        let backslash = zeroBytes(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return quote | backslash | control
    }

    /// Scans the number that starts at `start` (a `-` or a digit): returns the index after it.
    @inline(__always)
    static func number(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws(JSONError) -> Int {
        try numberValue(input, start, reading: false).end
    }

    /// Scans the number that starts at `start` and reads its value in the same pass: returns the index after it
    /// and the number. Exact fast path (Clinger) for up to 15 significant digits and no exponent part, which
    /// covers coordinates, percentages and mileages; otherwise the standard library's parser.
    @inline(__always)
    /// (`reading: false` only scans: a number passed over is not converted, not even by the slow path.)
    static func numberValue(_ input: UnsafeBufferPointer<UInt8>, _ start: Int,
                            reading: Bool = true) throws(JSONError) -> (end: Int, value: Double) {
        var i = start
        var mantissa: UInt64 = 0
        var digits = 0
        func scanDigits() -> Int {
            let from = i
            while i < input.count, input[i] &- UInt8(ascii: "0") < 10 {
                mantissa = mantissa &* 10 &+ UInt64(input[i] &- UInt8(ascii: "0"))
                i += 1
            }
            digits += i - from
            return i - from
        }
        let negative = input[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < input.count else { throw .unexpectedEnd }
        if input[i] == UInt8(ascii: "0") {
            i += 1
            digits = 1
        } else if scanDigits() == 0 {
            throw .invalidNumber(offset: start)
        }
        var fractionDigits = 0
        if i < input.count, input[i] == UInt8(ascii: ".") {
            i += 1
            fractionDigits = scanDigits()
            if fractionDigits == 0 { throw .invalidNumber(offset: start) }
        }
        var simple = true
        if i < input.count, input[i] == UInt8(ascii: "e") || input[i] == UInt8(ascii: "E") {
            simple = false
            i += 1
            if i < input.count, input[i] == UInt8(ascii: "+") || input[i] == UInt8(ascii: "-") { i += 1 }
            let from = i
            while i < input.count, input[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            if i == from { throw .invalidNumber(offset: start) }
        }
        if !reading { return (i, 0) }
        if simple, digits <= 15, fractionDigits <= 22 {
            let value = Double(mantissa) / exactPowersOfTen[fractionDigits]
            return (i, negative ? -value : value)
        }
        return (i, Double(String(decoding: UnsafeBufferPointer(rebasing: input[start..<i]), as: UTF8.self)) ?? .nan)
    }

    /// Scans the whole value that starts at `start` (white space before it skipped), nested containers included,
    /// with `depth` containers already open around it: returns the index after it. Iterative, so that nesting
    /// costs no stack; `maxDepth` bounds it.
    static func value(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, depth: Int, maxDepth: Int) throws(JSONError) -> Int {
        var i = skipSpace(input, start)
        var open = OpenContainers()
        var depth = depth
        // The state machine: after a value, expect ',' or a closer; after '{' or ',', a key, and so on.
        var expectValue = true
        while true {
            if expectValue {
                guard i < input.count else { throw .unexpectedEnd }
                let c = input[i]
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if depth >= maxDepth { throw .tooDeep(limit: maxDepth) }
                    let isObject = c == UInt8(ascii: "{")
                    open.push(isObject: isObject)
                    depth += 1
                    i = skipSpace(input, i + 1)
                    guard i < input.count else { throw .unexpectedEnd }
                    if input[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        open.pop()
                        depth -= 1
                        i += 1
                        expectValue = false
                    } else if isObject {
                        i = try key(input, i)
                    }
                    continue
                case UInt8(ascii: "\""): i = try string(input, i).end
                case UInt8(ascii: "t"): i = try literal(input, i, "true")
                case UInt8(ascii: "f"): i = try literal(input, i, "false")
                case UInt8(ascii: "n"): i = try literal(input, i, "null")
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): i = try number(input, i)
                default: throw .unexpectedCharacter(c, offset: i)
                }
                expectValue = false
                continue
            }
            // After a complete value.
            guard let isObject = open.innermostIsObject else { return i }
            i = skipSpace(input, i)
            guard i < input.count else { throw .unexpectedEnd }
            let c = input[i]
            if c == UInt8(ascii: ",") {
                i = skipSpace(input, i + 1)
                if isObject { i = try key(input, i) }
                expectValue = true
            } else if c == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                open.pop()
                depth -= 1
                i += 1
            } else {
                throw .unexpectedCharacter(c, offset: i)
            }
        }
    }

    /// Scans a whole JSON text: one value, white space around it, nothing after it.
    static func document(_ input: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONError) {
        let start = skipSpace(input, 0)
        if start == input.count { throw .empty }
        let end = skipSpace(input, try value(input, start, depth: 0, maxDepth: maxDepth))
        if end != input.count { throw .trailingData(offset: end) }
    }

    /// Scans `"key" :` at `start`: returns the index of the value after it (white space skipped).
    @inline(__always)
    private static func key(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws(JSONError) -> Int {
        guard start < input.count else { throw .unexpectedEnd }
        guard input[start] == UInt8(ascii: "\"") else { throw .unexpectedCharacter(input[start], offset: start) }
        return try colon(input, try string(input, start).end)
    }

    /// Checks for the `:` after a key that ends before `start`: returns the index of the value after it.
    @inline(__always)
    static func colon(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws(JSONError) -> Int {
        let i = skipSpace(input, start)
        guard i < input.count else { throw .unexpectedEnd }
        guard input[i] == UInt8(ascii: ":") else { throw .unexpectedCharacter(input[i], offset: i) }
        return skipSpace(input, i + 1)
    }

    /// Checks that `word` (`true`, `false` or `null`) is at `start`: returns the index after it.
    static func literal(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString) throws(JSONError) -> Int {
        let n = word.utf8CodeUnitCount
        guard start + n <= input.count else { throw .unexpectedEnd }
        let w = word.utf8Start
        for k in 0..<n where input[start + k] != w[k] {
            throw .unexpectedCharacter(input[start + k], offset: start + k)
        }
        return start + n
    }
}

@inline(__always)
func hexValue(_ c: UInt8) -> UInt32? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - UInt8(ascii: "A") + 10)
    default: nil
    }
}

/// The kinds of the containers `JSONScanner.value` is inside, innermost last: a bit each, in a word for the
/// first 64 levels (the default depth limit) and in an array only beyond.
private struct OpenContainers {
    private var bits: UInt64 = 0
    private var count = 0
    private var deeper: [Bool] = []

    var innermostIsObject: Bool? {
        if count == 0 { return nil }
        if count > 64 { return deeper[count - 65] }
        return bits & (1 << (count - 1)) != 0
    }

    mutating func push(isObject: Bool) {
        if count >= 64 {
            deeper.append(isObject)
        } else if isObject {
            bits |= 1 << count
        } else {
            bits &= ~(1 << count)
        }
        count += 1
    }

    mutating func pop() {
        count -= 1
        if count >= 64 { deeper.removeLast() }
    }
}
