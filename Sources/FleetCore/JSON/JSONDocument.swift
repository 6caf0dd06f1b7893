/// A parsed JSON document: the bytes plus a flat "tape" of tokens that indexes them.
///
/// For the REST answers and any code that looks values up by key (event bodies are read in one pass by
/// `BodyReader` instead). The tape is built in one validating pass with no recursion (so 10,000 levels of nesting
/// are an error, not a stack overflow), and strings are only materialised when asked for.
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
        let tokens = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONError) in
            try JSONParser(limits: limits).tape(of: buffer)
        }
        self.storage = Storage(bytes: bytes, tokens: tokens)
    }
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
