/// Remembers the ids of the most recent events, in bounded memory, so a redelivered event is applied once.
///
/// Ids are kept as 64-bit hashes: 8 bytes an id instead of a string, and a false match among a few hundred
/// thousand ids is about as likely as a cosmic ray. The consumer asks once per event, so the table is a flat
/// open-addressing one (linear probing, at most half full) rather than a `Set`: no per-insert `Hasher`, one
/// array to touch, and removal by shifting back the entries after the hole (no tombstones to clean up).
public struct SeenEvents: Sendable {
    public let capacity: Int
    /// 0 marks an empty slot; a hash of 0 is stored as 1.
    private var slots: [UInt64]
    /// Right shift that turns a 64-bit product into a slot index (Fibonacci hashing: the high bits are the good ones).
    private let shift: UInt64
    /// The hashes in insertion order, to evict the oldest once `capacity` are remembered.
    private var ring: [UInt64]
    private var next = 0
    public private(set) var count = 0
    /// Written by `warm` only.
    private var warmth: UInt64 = 0

    public init(capacity: Int = 262_144) {
        precondition(capacity > 0)
        self.capacity = capacity
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        self.slots = Array(repeating: 0, count: 1 << bits)
        self.shift = UInt64(64 - bits)
        self.ring = []
        self.ring.reserveCapacity(capacity)
    }

    /// Records `hash`; returns false when it was already there.
    public mutating func insert(_ hash: UInt64) -> Bool {
        let key = hash == 0 ? 1 : hash
        let (i, found) = probe(key)
        if found { return false }
        slots[i] = key
        count += 1
        if ring.count < capacity {
            ring.append(key)
        } else {
            remove(ring[next])
            ring[next] = key
            next = next + 1 == capacity ? 0 : next + 1
        }
        return true
    }

    public func contains(_ hash: UInt64) -> Bool { probe(hash == 0 ? 1 : hash).found }

    /// Reads the home slot of each hash, and of each id that inserting them will evict, so that inserting them
    /// next finds those slots in the cache: the loads are independent, so their misses overlap, where the
    /// probes of one insert after another would wait for each miss in turn. An optimisation only; no effect on
    /// the contents.
    public mutating func warm(_ hashes: [UInt64]) {
        var sum: UInt64 = 0
        let evicting = ring.count < capacity ? 0 : min(hashes.count, capacity)
        slots.withUnsafeBufferPointer { slots in
            for hash in hashes { sum &+= slots[home(hash == 0 ? 1 : hash)] }
            ring.withUnsafeBufferPointer { ring in
                for k in 0..<evicting { sum &+= slots[home(ring[(next + k) % capacity])] }
            }
        }
        warmth = sum  // kept, so that the loads are not optimised away
    }

    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The slot that holds `key`, or the empty one where it would go.
    private func probe(_ key: UInt64) -> (index: Int, found: Bool) {
        let mask = slots.count - 1
        var i = home(key)
        while slots[i] != 0 {
            if slots[i] == key { return (i, true) }
            i = (i + 1) & mask
        }
        return (i, false)
    }

    /// Empties `key`'s slot and moves back each later entry of the run that may no longer be found past the hole.
    private mutating func remove(_ key: UInt64) {
        let mask = slots.count - 1
        let probed = probe(key)
        guard probed.found else { return }
        var hole = probed.index
        var j = hole
        while true {
            j = (j + 1) & mask
            let entry = slots[j]
            if entry == 0 { break }
            let h = home(entry)
            // The entry stays when its home lies cyclically in (hole, j]: probing from there never crosses the hole.
            let stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j)
            if !stays {
                slots[hole] = entry
                hole = j
            }
        }
        slots[hole] = 0
        count -= 1
    }
}
