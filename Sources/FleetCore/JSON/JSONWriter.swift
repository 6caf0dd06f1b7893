/// Writes JSON text into a byte buffer, one token at a time, with commas placed for the caller.
///
/// For output: the simulation's event bodies and `tail --json` both need JSON
/// that any parser accepts whatever the data holds, so strings are always escaped here (quotes, backslashes,
/// every control character, and U+2028/U+2029 which break JavaScript consumers), and numbers that JSON cannot
/// express (NaN, infinities) are written as `null` rather than as invalid text.
///
/// ```swift
/// var json = JSONWriter()
/// json.beginObject()
/// json.field("id", "JQ7RP")
/// json.field("speed", 42.5)
/// json.endObject()
/// json.text   // {"id":"JQ7RP","speed":42.5}
/// ```
public struct JSONWriter: Sendable {
    /// The UTF-8 bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// For each open container: whether it already has a member (so the next one needs a comma).
    private var hasMember: [Bool] = []
    /// True right after a key: the next value belongs to it and takes no comma.
    private var afterKey = false

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    public mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        hasMember.append(false)
    }

    public mutating func endObject() {
        hasMember.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        hasMember.append(false)
    }

    public mutating func endArray() {
        hasMember.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// A member name inside an object; the next value written belongs to it.
    public mutating func key(_ name: String) {
        beforeValue()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: Values

    public mutating func string(_ value: String) {
        beforeValue()
        writeString(value)
    }

    public mutating func number(_ value: Int) {
        beforeValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A number; a whole value is written without a fraction (`48211`, not `48211.0`), and a value JSON cannot
    /// hold (NaN, ±infinity) as `null`.
    public mutating func number(_ value: Double) {
        beforeValue()
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)  // shortest round-trip form, e.g. 21.4 or 1e-05
        }
    }

    public mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    // MARK: Members (key and value in one call)

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
    public mutating func field(_ name: String, _ value: Double) { key(name); number(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    /// A string member, or nothing when the value is nil (optional fields are omitted, not null).
    public mutating func field(_ name: String, ifPresent value: String?) {
        if let value { field(name, value) }
    }

    /// An array of strings.
    public mutating func field(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: Helpers

    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = hasMember.indices.last {
            if hasMember[last] { bytes.append(UInt8(ascii: ",")) }
            hasMember[last] = true
        }
    }

    /// Copies runs of safe UTF-8 bytes in one go and escapes only what must be: this is the hot path of every
    /// body the simulation publishes and every line `tail --json` prints. Besides what JSON requires, every scalar
    /// `SafeText` keeps off a terminal (C1 controls, bidi overrides, line separators) is written as `\u` escape, so
    /// the output is safe to print and still carries the exact text.
    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                if byte >= 0x20, byte < 0x7F, byte != 0x22, byte != 0x5C {
                    i += 1
                    continue
                }
                // Among multi-byte sequences only C2 xx (C1 controls) and E2 xx xx (bidi controls, separators)
                // can be unsafe; decode just those.
                var unsafeScalar: UInt32?
                var length = 1
                if byte == 0xC2, i + 1 < utf8.count {
                    length = 2
                    let v = UInt32(utf8[i + 1] & 0x3F) | 0x80
                    if v <= 0x9F { unsafeScalar = v }
                } else if byte == 0xE2, i + 2 < utf8.count {
                    length = 3
                    let v = (UInt32(byte & 0x0F) << 12) | (UInt32(utf8[i + 1] & 0x3F) << 6) | UInt32(utf8[i + 2] & 0x3F)
                    if let scalar = Unicode.Scalar(v), SafeText.isUnsafe(scalar) { unsafeScalar = v }
                } else if byte >= 0x80 {
                    i += 1
                    continue
                }
                if byte >= 0x80, unsafeScalar == nil {
                    i += length
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                if let unsafeScalar {
                    writeUnicodeEscape(UInt16(unsafeScalar))
                } else {
                    writeEscape(byte)
                }
                i += length
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case 0x5C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        default: writeUnicodeEscape(UInt16(byte))  // the other controls and DEL
        }
    }

    private mutating func writeUnicodeEscape(_ unit: UInt16) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hex[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}
