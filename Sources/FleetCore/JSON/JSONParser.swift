/// The single validating pass that turns bytes into a `JSONDocument` tape (RFC 8259): `JSONScanner.document`,
/// the scan the decoder uses too, writing what it finds through a `TapeWriter`.
struct JSONParser {
    typealias Token = JSONDocument.Token
    let limits: JSONDocument.Limits

    init(limits: JSONDocument.Limits) { self.limits = limits }

    /// Parses `input` into its tape. The tape is allocated for the worst case first (every token starts at a byte
    /// of its own, so `n` bytes make at most `n` tokens): the parser then writes through a pointer, without an
    /// array's capacity and uniqueness checks on every token.
    func tape(of input: UnsafeBufferPointer<UInt8>) throws(JSONError) -> [Token] {
        if input.count > limits.maxBytes { throw .tooLarge(bytes: input.count, limit: limits.maxBytes) }
        // Tokens hold offsets as Int32, whatever limit a caller raised: a larger document is refused, not trapped on.
        if input.count > Int(Int32.max) { throw .tooLarge(bytes: input.count, limit: Int(Int32.max)) }
        var tape = Array(repeating: Token(kind: .null, count: 0, start: 0, end: 0), count: max(input.count, 1))
        let count = try tape.withUnsafeMutableBufferPointer { (tape) throws(JSONError) in
            var writer = TapeWriter(base: tape.baseAddress!)
            try JSONScanner.document(input, maxDepth: limits.maxDepth, into: &writer)
            return writer.count
        }
        tape.removeLast(tape.count - count)
        return tape
    }
}

/// Where the parser writes tokens: a pointer into a tape with room for all of them (see `tape(of:)`). The stack
/// of open containers costs no allocation: an open container's token keeps its parent's index in `end` until it
/// is closed.
struct TapeWriter: JSONScanSink {
    typealias Token = JSONDocument.Token
    let base: UnsafeMutablePointer<Token>
    private(set) var count = 0
    /// The innermost open container's token, or -1.
    private var current = -1

    init(base: UnsafeMutablePointer<Token>) { self.base = base }

    @inline(__always)
    private mutating func append(_ token: Token) {
        (base + count).initialize(to: token)
        count += 1
    }

    mutating func open(object: Bool, at offset: Int) {
        append(Token(kind: object ? .object : .array, count: 0, start: Int32(offset), end: Int32(current)))
        current = count - 1
    }

    /// Closes the innermost container: its `end` becomes the index after its last token, and its parent (kept in
    /// `end` while it was open) becomes the innermost.
    mutating func close() {
        let parent = Int(base[current].end)
        base[current].end = Int32(count)
        current = parent
    }

    /// Adds the key to its object's set of key lengths (see `Token`). An escaped key's raw length is not its
    /// length, so its object gets every bit: lookups there walk all members.
    mutating func key(start: Int, end: Int, escaped: Bool) {
        append(Token(kind: escaped ? .escapedString : .string, count: 0, start: Int32(start), end: Int32(end)))
        base[current].count |= escaped ? -1 : Int32(1) << ((end - start) & 31)
    }

    mutating func scalar(_ kind: JSONDocument.Kind, start: Int, end: Int) {
        append(Token(kind: kind, count: 0, start: Int32(start), end: Int32(end)))
    }

    /// An array's element is complete: arrays count their elements.
    mutating func element() { base[current].count += 1 }
}
