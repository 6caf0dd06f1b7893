/// Remembers the ids of the most recent events, in bounded memory, so a redelivered event is applied once.
///
/// Ids are kept as 64-bit hashes: 16 bytes an id instead of a string, and a false match among a few hundred
/// thousand ids is about as likely as a cosmic ray.
public struct SeenEvents: Sendable {
    public let capacity: Int
    private var set: Set<UInt64>
    private var ring: [UInt64]
    private var next = 0

    public init(capacity: Int = 262_144) {
        precondition(capacity > 0)
        self.capacity = capacity
        self.set = Set(minimumCapacity: capacity)
        self.ring = []
        self.ring.reserveCapacity(capacity)
    }

    public var count: Int { self.set.count }

    /// Records `hash`; returns false when it was already there.
    public mutating func insert(_ hash: UInt64) -> Bool {
        guard set.insert(hash).inserted else { return false }
        if ring.count < capacity {
            ring.append(hash)
        } else {
            set.remove(ring[next])
            ring[next] = hash
            next = (next + 1) % capacity
        }
        return true
    }

    public func contains(_ hash: UInt64) -> Bool { set.contains(hash) }
}
