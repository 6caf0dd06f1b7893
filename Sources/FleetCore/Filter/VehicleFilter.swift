/// The vehicle filter of the `/` prompt: a case-insensitive substring of the id, plate or name;
/// a leading `!` inverts it. An empty filter matches everything.
public struct VehicleFilter: Hashable, Sendable {
    /// The text as typed, `!` included.
    public let text: String
    public let inverted: Bool
    private let needle: [UInt8]  // folded UTF-8 of the term
    private let needleIsASCII: Bool

    public init(_ text: String) {
        self.text = text
        var term = Substring(text)
        inverted = term.first == "!"
        if inverted { term = term.dropFirst() }
        let folded = String(term).lowercased()
        needle = Array(folded.utf8)
        needleIsASCII = needle.allSatisfy { $0 < 0x80 }
    }

    public static let none = VehicleFilter("")

    /// True when the filter lets every vehicle through (nothing typed, or only `!`).
    public var isEmpty: Bool { needle.isEmpty }

    public func matches(_ vehicle: Vehicle) -> Bool {
        matches(id: vehicle.id, plate: vehicle.plate?.value, name: vehicle.name?.value)
    }

    public func matches(id: String, plate: String?, name: String?) -> Bool {
        if needle.isEmpty { return true }
        let found = contains(id) || plate.map(contains) == true || name.map(contains) == true
        return found != inverted
    }

    private func contains(_ haystack: String) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { bytes in
            if needleIsASCII, bytes.allSatisfy({ $0 < 0x80 }) { return asciiContains(bytes) }
            return String(decoding: bytes, as: UTF8.self).lowercased().utf8.firstRange(of: needle) != nil
        }
    }

    /// Substring search with ASCII case folding and no allocation: the common case for ids and plates.
    private func asciiContains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard bytes.count >= n else { return false }
        var start = 0
        while start + n <= bytes.count {
            var k = 0
            while k < n, asciiLower(bytes[start + k]) == needle[k] { k += 1 }
            if k == n { return true }
            start += 1
        }
        return false
    }
}

@inline(__always)
private func asciiLower(_ c: UInt8) -> UInt8 {
    c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c
}
