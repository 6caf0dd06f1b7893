/// A parsed JSON document: the bytes plus a flat "tape" of tokens that indexes them.
///
/// Why not `JSONDecoder`: it decodes about 75,000 events a second here, a third of what the dashboard must
/// sustain. The tape is built in one validating pass with no recursion (so 10,000 levels of nesting are an
/// error, not a stack overflow), and strings are only materialised when a decoder asks for them.
public struct JSONDocument: Sendable {
    /// Limits that keep hostile bodies from costing unbounded time or memory.
    public struct Limits: Sendable {
        public var maxBytes: Int
        public var maxDepth: Int
        public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }
        public static let `default` = Limits()
    }

    enum Kind: UInt8, Sendable {
        case object, array, string, escapedString, number, `true`, `false`, null
    }

    /// One token. For a container, `end` is the index of the first token after it (so it can be skipped in O(1));
    /// for a scalar, `start..<end` are its bytes (without quotes for strings). `count` is an array's number of
    /// elements, and an object's key lengths as a bit set (bit `length % 32` of each key's raw length; every bit
    /// when a key has escapes): most keys a decoder asks for are absent, and this answers those without walking
    /// every member. Scalars: 0.
    struct Token: Sendable {
        var kind: Kind
        var count: Int32
        var start: Int32
        var end: Int32
    }

    /// One reference for both arrays, so that a `JSONValue` copy retains once.
    final class Storage: Sendable {
        let bytes: [UInt8]
        let tokens: [Token]
        init(bytes: [UInt8], tokens: [Token]) {
            self.bytes = bytes
            self.tokens = tokens
        }

        func withView<R, E: Error>(index: Int, _ body: (JSONView) throws(E) -> R) throws(E) -> R {
            try tokens.withUnsafeBufferPointer { (tokens) throws(E) -> R in
                try bytes.withUnsafeBufferPointer { (bytes) throws(E) -> R in
                    try body(JSONView(tokens: tokens, bytes: bytes, index: index))
                }
            }
        }
    }

    let storage: Storage

    /// The root value.
    public var root: JSONValue { JSONValue(storage: storage, index: 0) }

    /// Parses `bytes`, or throws a `JSONError` that says what is wrong and where.
    public init(bytes: [UInt8], limits: Limits = .default) throws(JSONError) {
        var scratch: [Token] = []
        let tokens: [Token]
        do {
            tokens = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONDocumentError<Never>) in
                try JSONParser(limits: limits).withTape(of: buffer, scratch: &scratch) { Array($0) }
            }
        } catch {
            switch error {
            case let .json(error): throw error
            case let .body(never): switch never {}
            }
        }
        self.storage = Storage(bytes: bytes, tokens: tokens)
    }

    /// Parses `bytes` with `scratch` as the tape's buffer (kept for the next body) and runs `body` with the root,
    /// without copying the bytes or allocating a document: the decoder's path for every broker message.
    static func withRoot<R, E: Error>(
        of bytes: UnsafeBufferPointer<UInt8>, limits: Limits, scratch: inout [Token],
        _ body: (JSONView) throws(E) -> R
    ) throws(JSONDocumentError<E>) -> R {
        try JSONParser(limits: limits).withTape(of: bytes, scratch: &scratch) { (tokens) throws(E) -> R in
            try body(JSONView(tokens: tokens, bytes: bytes, index: 0))
        }
    }
}

/// Either the JSON did not parse, or the code reading it failed.
enum JSONDocumentError<E: Error>: Error {
    case json(JSONError)
    case body(E)
}

/// What is wrong with a body that is not acceptable JSON.
public enum JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case tooDeep(limit: Int)
    case unexpectedCharacter(UInt8, offset: Int)
    case unexpectedEnd
    case invalidEscape(offset: Int)
    case controlCharacterInString(offset: Int)
    case invalidNumber(offset: Int)
    case trailingData(offset: Int)

    public var description: String {
        switch self {
        case .empty: "the body is empty"
        case let .tooLarge(bytes, limit): "the body is \(bytes) bytes, over the limit of \(limit)"
        case let .tooDeep(limit): "the body nests deeper than \(limit) levels"
        case let .unexpectedCharacter(byte, offset):
            "unexpected \(JSONError.describe(byte)) at byte \(offset)"
        case .unexpectedEnd: "the body ends in the middle of a value"
        case let .invalidEscape(offset): "invalid escape sequence at byte \(offset)"
        case let .controlCharacterInString(offset): "unescaped control character in a string at byte \(offset)"
        case let .invalidNumber(offset): "invalid number at byte \(offset)"
        case let .trailingData(offset): "data after the end of the JSON value at byte \(offset)"
        }
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
