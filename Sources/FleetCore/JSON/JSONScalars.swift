/// What reading JSON strings and numbers needs besides the scan: unescaping a validated string (for `BodyReader`)
/// and the exact powers of ten (for `JSONScanner.numberValue`).

/// Unescapes a validated JSON string body. Lone surrogates become U+FFFD.
func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
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

let exactPowersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                          1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]
