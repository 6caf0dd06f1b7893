/// A borrowed view of one value inside a parsed document: the tape and the bytes as unsafe pointers, so that
/// a walk through the document costs no reference counting. Only valid inside `JSONValue.withView`; never store
/// one.
struct JSONView {
    typealias Token = JSONDocument.Token
    // Base pointers without counts: three words, so that a view stays in registers; the tape's tokens say where
    // every value ends, and the parser checked them against the bytes.
    let tokens: UnsafePointer<Token>
    let bytes: UnsafePointer<UInt8>
    let index: Int

    init(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, index: Int) {
        self.init(tokens: tokens.baseAddress!, bytes: bytes.baseAddress!, index: index)
    }

    private init(tokens: UnsafePointer<Token>, bytes: UnsafePointer<UInt8>, index: Int) {
        self.tokens = tokens
        self.bytes = bytes
        self.index = index
    }

    var token: Token { tokens[index] }

    /// The JSON kind of this value, for error messages ("expected a string, found a number").
    var kindName: String {
        switch token.kind {
        case .object: "an object"
        case .array: "an array"
        case .string, .escapedString: "a string"
        case .number: "a number"
        case .true, .false: "a boolean"
        case .null: "null"
        }
    }

    var isNull: Bool { token.kind == .null }
    var isObject: Bool { token.kind == .object }
    var isArray: Bool { token.kind == .array }
    var isString: Bool { token.kind == .string || token.kind == .escapedString }

    private func at(_ index: Int) -> JSONView { JSONView(tokens: tokens, bytes: bytes, index: index) }

    /// The member named `key` of an object, or nil (also nil when this is not an object).
    subscript(key: StaticString) -> JSONView? {
        let object = token
        let keyCount = key.utf8CodeUnitCount
        guard object.kind == .object, object.count & (Int32(1) << (keyCount & 31)) != 0 else { return nil }
        let keyStart = key.utf8Start
        var i = index + 1
        let end = Int(object.end)
        while i < end {
            let k = tokens[i]
            let valueIndex = i + 1
            if k.kind == .string {
                if Int(k.end - k.start) == keyCount, bytesEqual(bytes + Int(k.start), keyStart, count: keyCount) {
                    return at(valueIndex)
                }
            } else if unescapedKey(k, equals: key) {  // "vehicle\u005fid"
                return at(valueIndex)
            }
            i = nextIndex(after: valueIndex)
        }
        return nil
    }

    /// Whether an escaped key token means `key` (rare: INVERS writes plain keys, RFC 8259 allows escaped ones).
    /// Out of line, so that the lookup above stays small enough to inline.
    @inline(never)
    private func unescapedKey(_ k: JSONDocument.Token, equals key: StaticString) -> Bool {
        var text = unescape(raw(k))
        let wanted = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        return text.withUTF8 { $0.elementsEqual(wanted) }
    }

    /// The members of an object in document order, keys decoded.
    var members: [(key: String, value: JSONView)] {
        guard token.kind == .object else { return [] }
        var result: [(String, JSONView)] = []
        var i = index + 1
        let end = Int(token.end)
        while i < end {
            result.append((at(i).string ?? "", at(i + 1)))
            i = nextIndex(after: i + 1)
        }
        return result
    }

    /// The elements of an array, or nil when this is not an array.
    var elements: [JSONView]? {
        guard token.kind == .array else { return nil }
        var result: [JSONView] = []
        result.reserveCapacity(Int(token.count))
        var i = index + 1
        let end = Int(token.end)
        while i < end {
            result.append(at(i))
            i = nextIndex(after: i)
        }
        return result
    }

    /// The string, unescaped, or nil when this is not a string.
    var string: String? {
        let t = token
        switch t.kind {
        case .string: return String(decoding: raw(t), as: UTF8.self)
        case .escapedString: return unescape(raw(t))
        default: return nil
        }
    }

    /// The number as a Double, or nil when this is not a number.
    var double: Double? {
        let t = token
        guard t.kind == .number else { return nil }
        return try? JSONScanner.numberValue(raw(t), 0).value
    }

    /// The number as an integer, or nil when this is not a number or not a whole number in range.
    var int: Int? {
        double.flatMap(wholeNumber)
    }

    /// The boolean, or nil when this is not `true` or `false`.
    var bool: Bool? {
        switch token.kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    private func raw(_ t: Token) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + Int(t.start), count: Int(t.end - t.start))
    }

    private func nextIndex(after i: Int) -> Int {
        let t = tokens[i]
        switch t.kind {
        case .object, .array: return Int(t.end)
        default: return i + 1
        }
    }
}
