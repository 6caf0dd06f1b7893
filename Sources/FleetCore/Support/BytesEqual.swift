/// Whether `count` bytes at `a` and `b` are equal: for keys and names matched while decoding, without `memcmp`'s
/// call. Eight bytes at a time (keys such as `state_of_charge_or_fuel_level_in_percent` are long, and a byte loop
/// was a quarter of the key lookups' time); the last word overlaps the one before instead of a byte tail.
@inline(__always)
func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
    let a = UnsafeRawPointer(a), b = UnsafeRawPointer(b)
    guard count >= 8 else {
        for k in 0..<count where a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) {
            return false
        }
        return true
    }
    var k = 0
    while k < count - 8 {
        if a.loadUnaligned(fromByteOffset: k, as: UInt64.self) != b.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
            return false
        }
        k += 8
    }
    return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
}
