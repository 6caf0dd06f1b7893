/// The version of a stored value: when it became true, with a deterministic tiebreak.
///
/// Delivery is at-least-once and unordered across queues, so a value is replaced only by one with a greater
/// stamp. Equal times are ordered by a hash of the event id, which makes the final state independent of the
/// order events arrive in.
public struct Stamp: Hashable, Comparable, Sendable {
    public var time: Timestamp
    public var tiebreak: UInt64

    public init(time: Timestamp, tiebreak: UInt64) {
        self.time = time
        self.tiebreak = tiebreak
    }

    /// For a value with no known time at all: older than any timed value.
    public static let unknownTime = Timestamp(microseconds: .min)

    public static func < (a: Stamp, b: Stamp) -> Bool {
        a.time != b.time ? a.time < b.time : a.tiebreak < b.tiebreak
    }
}

/// The latest time a stamp may carry when an event is applied: its arrival plus a tolerance. A later time (a
/// telematics clock in the future) is taken as that latest time, so it cannot win over every later reading.
struct StampClamp {
    let latest: Timestamp

    init(arrivedAt: Timestamp, toleranceMicroseconds: Int64) {
        latest = arrivedAt.adding(microseconds: toleranceMicroseconds)
    }

    @inline(__always)
    func clamp(_ time: Timestamp?) -> Timestamp? {
        guard let time else { return nil }
        return time > latest ? latest : time
    }
}

/// A stored value and its stamp.
public struct Stamped<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var stamp: Stamp
    public init(_ value: Value, stamp: Stamp) {
        self.value = value
        self.stamp = stamp
    }
}

extension Optional {
    /// Replaces the stored value when the new one is newer; returns whether it did.
    @discardableResult
    mutating func update<V>(_ value: V, stamp: Stamp) -> Bool where Wrapped == Stamped<V> {
        if let current = self, current.stamp >= stamp { return false }
        self = Stamped(value, stamp: stamp)
        return true
    }
}

/// FNV-1a, 64 bits: a stable hash of an event id for tiebreaks and dedup (Swift's `Hasher` is seeded per process).
public func stableHash(_ text: String) -> UInt64 {
    // Over the contiguous bytes when the string has them (every native one): the consumer hashes every event's
    // id, and walking `String.UTF8View` checks the representation at each byte.
    text.utf8.withContiguousStorageIfAvailable { stableHash(utf8: $0) } ?? stableHash(utf8: text.utf8)
}

/// `stableHash` of the text whose UTF-8 bytes these are.
public func stableHash(utf8 bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash
}
