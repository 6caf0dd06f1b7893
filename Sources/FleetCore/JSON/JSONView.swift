/// A borrowed view of one value inside a parsed document: the tape and the bytes as unsafe pointers, so that
/// reading fields while decoding costs no reference counting (with `JSONValue`, every step of a lookup retained
/// and released the document: a fifth of decoding time). Only valid inside `JSONDocument.withRoot` or
/// `JSONValue.withView`; never store one.
struct JSONView {
    typealias Token = JSONDocument.Token
    // Base pointers without counts: three words, so that a view (and `Fields`, which wraps one) stays in
    // registers; the tape's tokens say where every value ends, and the parser checked them against the bytes.
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

    /// Runs `body` with the string's UTF-8 bytes (in place unless it has escapes), or returns nil when this is not
    /// a string: for strings that are matched rather than kept.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let t = token
        switch t.kind {
        case .string: return body(raw(t))
        case .escapedString:
            var s = unescape(raw(t))
            return s.withUTF8(body)
        default: return nil
        }
    }

    /// The number as a Double, or nil when this is not a number.
    var double: Double? {
        let t = token
        guard t.kind == .number else { return nil }
        return parseDouble(raw(t))
    }

    /// The number as an integer, or nil when this is not a number or not a whole number in range.
    var int: Int? {
        guard let d = double, d.rounded(.towardZero) == d, abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }

    /// The boolean, or nil when this is not `true` or `false`.
    var bool: Bool? {
        switch token.kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    /// The dotted keys from the value at `base` down to this one ("vehicle_state.position.value"; array elements
    /// add no key). A walk down the tape: for error messages only.
    func path(from base: Int) -> String {
        var keys: [String] = []
        var container = base
        descending: while container != index {
            let t = tokens[container]
            guard t.kind == .object || t.kind == .array, index > container, index < Int(t.end) else { break }
            var i = container + 1
            while i < Int(t.end) {
                let valueIndex = t.kind == .object ? i + 1 : i
                let next = nextIndex(after: valueIndex)
                if index >= valueIndex && index < next {
                    if t.kind == .object { keys.append(at(i).string ?? "") }
                    container = valueIndex
                    continue descending
                }
                i = next
            }
            break
        }
        return keys.joined(separator: ".")
    }

    /// The raw bytes of a scalar (a string without quotes, still escaped): for allocation-free comparisons.
    var rawBytes: UnsafeBufferPointer<UInt8> { raw(token) }

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

/// Unescapes a validated JSON string body. Lone surrogates become U+FFFD.
private func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = raw.startIndex
    func appendScalar(_ value: UInt32) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        out.append(contentsOf: UTF8.encode(scalar)!)
    }
    func hex4(_ at: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 { v = v << 4 | (hexValue(raw[at + k]) ?? 0) }
        return v
    }
    while i < raw.endIndex {
        let c = raw[i]
        guard c == UInt8(ascii: "\\") else { out.append(c); i += 1; continue }
        let e = raw[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            let high = hex4(i)
            i += 4
            if (0xD800..<0xDC00).contains(high), i + 6 <= raw.endIndex,
               raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") {
                let low = hex4(i + 2)
                if (0xDC00..<0xE000).contains(low) {
                    i += 6
                    appendScalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                    continue
                }
            }
            appendScalar(high)
        default: out.append(e)  // \" \\ \/
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private let exactPowersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                          1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

/// Parses a validated JSON number. Exact fast path (Clinger) for up to 15 significant digits and a small
/// exponent, which covers coordinates, percentages and mileages; otherwise the standard library's parser.
private func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") { negative = true; i = 1 }
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0
    var simple = true
    while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
        mantissa = mantissa &* 10 &+ UInt64(bytes[i] - UInt8(ascii: "0"))
        digits += 1
        i += 1
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
        i += 1
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            mantissa = mantissa &* 10 &+ UInt64(bytes[i] - UInt8(ascii: "0"))
            digits += 1
            exponent -= 1
            i += 1
        }
    }
    if i < bytes.count { simple = false }  // an exponent part: leave it to the slow path
    if simple, digits <= 15, exponent >= -22 {
        let value = Double(mantissa) / exactPowersOfTen[-exponent]
        return negative ? -value : value
    }
    return Double(String(decoding: bytes, as: UTF8.self))
}
