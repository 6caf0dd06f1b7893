/// The single validating pass that turns bytes into a `JSONDocument` tape (RFC 8259).
///
/// Iterative, with a stack of open containers bounded by `Limits.maxDepth`. The stack costs no allocation: an
/// open container's token keeps its parent's index in `end` until it is closed.
struct JSONParser {
    typealias Token = JSONDocument.Token
    let limits: JSONDocument.Limits

    init(limits: JSONDocument.Limits) { self.limits = limits }

    /// A scratch tape larger than this many tokens (1 MiB) is not kept for the next body: one large body must not
    /// leave a decoder holding 16 bytes for each of its bytes.
    static let keptScratchTokens = 1 << 16

    /// Parses `input` and runs `body` with its tape. The tape is written into `scratch`, grown to the worst case
    /// first (every token starts at a byte of its own, so `n` bytes make at most `n` tokens): the parser then
    /// writes through a pointer, without an array's capacity and uniqueness checks on every token.
    func withTape<R, E: Error>(
        of input: UnsafeBufferPointer<UInt8>, scratch: inout [Token],
        _ body: (UnsafeBufferPointer<Token>) throws(E) -> R
    ) throws(JSONDocumentError<E>) -> R {
        if input.count > limits.maxBytes { throw .json(.tooLarge(bytes: input.count, limit: limits.maxBytes)) }
        var oversized: [Token] = []
        let needed = max(input.count, 1)
        if needed > JSONParser.keptScratchTokens {
            oversized = JSONParser.blankTape(needed)
        } else if scratch.count < needed {
            scratch = JSONParser.blankTape(max(needed, 2 * scratch.count, 512))
        }
        func run(_ tape: UnsafeMutableBufferPointer<Token>) throws(JSONDocumentError<E>) -> R {
            var writer = TapeWriter(base: tape.baseAddress!)
            do {
                try parse(input, into: &writer)
            } catch {
                throw .json(error)
            }
            do {
                return try body(UnsafeBufferPointer(start: tape.baseAddress!, count: writer.count))
            } catch {
                throw .body(error)
            }
        }
        if oversized.isEmpty {
            return try scratch.withUnsafeMutableBufferPointer { (tape) throws(JSONDocumentError<E>) in try run(tape) }
        }
        return try oversized.withUnsafeMutableBufferPointer { (tape) throws(JSONDocumentError<E>) in try run(tape) }
    }

    private static func blankTape(_ count: Int) -> [Token] {
        Array(repeating: Token(kind: .null, count: 0, start: 0, end: 0), count: count)
    }

    /// Writes the tape of `input` through `tokens`, which has room for `input.count` tokens.
    private func parse(_ input: UnsafeBufferPointer<UInt8>, into tokens: inout TapeWriter) throws(JSONError) {
        var current = -1  // the innermost open container's token, or -1
        var depth = 0
        var i = skipSpace(input, 0)
        if i == input.count { throw .empty }

        // The state machine: after a value, expect ',' or a closer; after '{' or ',', a key, and so on.
        var expectValue = true
        while true {
            if expectValue {
                guard i < input.count else { throw .unexpectedEnd }
                let c = input[i]
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if depth >= limits.maxDepth { throw .tooDeep(limit: limits.maxDepth) }
                    tokens.append(Token(kind: c == UInt8(ascii: "{") ? .object : .array, count: 0,
                                        start: Int32(i), end: Int32(current)))
                    current = tokens.count - 1
                    depth += 1
                    i = skipSpace(input, i + 1)
                    guard i < input.count else { throw .unexpectedEnd }
                    let closer = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if input[i] == closer {
                        close(&current, &depth, &tokens)
                        i += 1
                        expectValue = false
                    } else if c == UInt8(ascii: "{") {
                        i = try parseKey(input, i, &tokens)
                        noteKey(of: current, &tokens)
                    }
                    continue
                case UInt8(ascii: "\""):
                    i = try parseString(input, i, &tokens)
                case UInt8(ascii: "t"):
                    i = try literal(input, i, "true", .true, &tokens)
                case UInt8(ascii: "f"):
                    i = try literal(input, i, "false", .false, &tokens)
                case UInt8(ascii: "n"):
                    i = try literal(input, i, "null", .null, &tokens)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    i = try parseNumber(input, i, &tokens)
                default:
                    throw .unexpectedCharacter(c, offset: i)
                }
                expectValue = false
                continue
            }
            // After a complete value.
            i = skipSpace(input, i)
            guard current >= 0 else {
                if i != input.count { throw .trailingData(offset: i) }
                return
            }
            guard i < input.count else { throw .unexpectedEnd }
            let c = input[i]
            let isObject = tokens[current].kind == .object
            if !isObject { tokens[current].count += 1 }
            if c == UInt8(ascii: ",") {
                i = skipSpace(input, i + 1)
                if isObject {
                    i = try parseKey(input, i, &tokens)
                    noteKey(of: current, &tokens)
                }
                expectValue = true
            } else if c == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                close(&current, &depth, &tokens)
                i += 1
            } else {
                throw .unexpectedCharacter(c, offset: i)
            }
        }
    }

    /// Closes the innermost container: its `end` becomes the index after its last token, and its parent (kept in
    /// `end` while it was open) becomes the innermost.
    @inline(__always)
    private func close(_ current: inout Int, _ depth: inout Int, _ tokens: inout TapeWriter) {
        let parent = Int(tokens[current].end)
        tokens[current].end = Int32(tokens.count)
        current = parent
        depth -= 1
    }

    /// Adds the key just parsed (the last token) to its object's set of key lengths (see `Token`). An escaped
    /// key's raw length is not its length, so its object gets every bit: lookups there walk all members.
    @inline(__always)
    private func noteKey(of object: Int, _ tokens: inout TapeWriter) {
        let key = tokens[tokens.count - 1]
        tokens[object].count |= key.kind == .escapedString ? -1 : Int32(1) << ((key.end - key.start) & 31)
    }

    /// Parses `"key" :` and leaves `i` on the value.
    private func parseKey(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ tokens: inout TapeWriter) throws(JSONError) -> Int {
        guard start < input.count else { throw .unexpectedEnd }
        guard input[start] == UInt8(ascii: "\"") else { throw .unexpectedCharacter(input[start], offset: start) }
        var i = try parseString(input, start, &tokens)
        i = skipSpace(input, i)
        guard i < input.count else { throw .unexpectedEnd }
        guard input[i] == UInt8(ascii: ":") else { throw .unexpectedCharacter(input[i], offset: i) }
        return skipSpace(input, i + 1)
    }

    private func parseString(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ tokens: inout TapeWriter) throws(JSONError) -> Int {
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
            if c == UInt8(ascii: "\"") {
                tokens.append(Token(kind: escaped ? .escapedString : .string, count: 0,
                                    start: Int32(start + 1), end: Int32(i)))
                return i + 1
            }
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
    private func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let quote = zeroBytes(word ^ (ones &* 0x22))
        let backslash = zeroBytes(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return quote | backslash | control
    }

    private func parseNumber(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ tokens: inout TapeWriter) throws(JSONError) -> Int {
        var i = start
        func digits() -> Int {
            let from = i
            while i < input.count, input[i] >= UInt8(ascii: "0"), input[i] <= UInt8(ascii: "9") { i += 1 }
            return i - from
        }
        if input[i] == UInt8(ascii: "-") { i += 1 }
        guard i < input.count else { throw .unexpectedEnd }
        if input[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            throw .invalidNumber(offset: start)
        }
        if i < input.count, input[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw .invalidNumber(offset: start) }
        }
        if i < input.count, input[i] == UInt8(ascii: "e") || input[i] == UInt8(ascii: "E") {
            i += 1
            if i < input.count, input[i] == UInt8(ascii: "+") || input[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw .invalidNumber(offset: start) }
        }
        tokens.append(Token(kind: .number, count: 0, start: Int32(start), end: Int32(i)))
        return i
    }

    private func literal(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString,
                         _ kind: JSONDocument.Kind, _ tokens: inout TapeWriter) throws(JSONError) -> Int {
        let n = word.utf8CodeUnitCount
        guard start + n <= input.count else { throw .unexpectedEnd }
        let w = word.utf8Start
        for k in 0..<n where input[start + k] != w[k] {
            throw .unexpectedCharacter(input[start + k], offset: start + k)
        }
        tokens.append(Token(kind: kind, count: 0, start: Int32(start), end: Int32(start + n)))
        return start + n
    }

    @inline(__always)
    private func skipSpace(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < input.count {
            switch input[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return i
            }
        }
        return i
    }
}

/// Where the parser writes tokens: a pointer into a tape with room for all of them (see `withTape`).
struct TapeWriter {
    let base: UnsafeMutablePointer<JSONDocument.Token>
    private(set) var count = 0

    init(base: UnsafeMutablePointer<JSONDocument.Token>) { self.base = base }

    @inline(__always)
    mutating func append(_ token: JSONDocument.Token) {
        (base + count).initialize(to: token)
        count += 1
    }

    subscript(index: Int) -> JSONDocument.Token {
        get { base[index] }
        nonmutating set { base[index] = newValue }
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
