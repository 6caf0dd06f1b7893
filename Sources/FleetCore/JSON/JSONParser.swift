/// The single validating pass that turns bytes into a `JSONDocument` tape (RFC 8259).
///
/// Iterative, with a stack of open containers bounded by `Limits.maxDepth`. The stack costs no allocation: an
/// open container's token keeps its parent's index in `end` until it is closed.
struct JSONParser {
    typealias Token = JSONDocument.Token
    let limits: JSONDocument.Limits

    init(limits: JSONDocument.Limits) { self.limits = limits }

    /// Parses `input` into its tape. The tape is allocated for the worst case first (every token starts at a byte
    /// of its own, so `n` bytes make at most `n` tokens): the parser then writes through a pointer, without an
    /// array's capacity and uniqueness checks on every token.
    func tape(of input: UnsafeBufferPointer<UInt8>) throws(JSONError) -> [Token] {
        if input.count > limits.maxBytes { throw .tooLarge(bytes: input.count, limit: limits.maxBytes) }
        var tape = Array(repeating: Token(kind: .null, count: 0, start: 0, end: 0), count: max(input.count, 1))
        let count = try tape.withUnsafeMutableBufferPointer { (tape) throws(JSONError) in
            var writer = TapeWriter(base: tape.baseAddress!)
            try parse(input, into: &writer)
            return writer.count
        }
        tape.removeLast(tape.count - count)
        return tape
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
        let (end, escaped) = try JSONScanner.string(input, start)
        tokens.append(Token(kind: escaped ? .escapedString : .string, count: 0, start: Int32(start + 1), end: Int32(end - 1)))
        return end
    }

    private func parseNumber(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ tokens: inout TapeWriter) throws(JSONError) -> Int {
        let end = try JSONScanner.number(input, start)
        tokens.append(Token(kind: .number, count: 0, start: Int32(start), end: Int32(end)))
        return end
    }

    private func literal(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString,
                         _ kind: JSONDocument.Kind, _ tokens: inout TapeWriter) throws(JSONError) -> Int {
        let end = try JSONScanner.literal(input, start, word)
        tokens.append(Token(kind: kind, count: 0, start: Int32(start), end: Int32(end)))
        return end
    }

    @inline(__always)
    private func skipSpace(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        JSONScanner.skipSpace(input, start)
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
