import Testing
import TestSupport

/// The dedup window: exactly the last `capacity` distinct ids are remembered, whatever their hashes collide on.
@Suite struct SeenEventsTests {
    /// Against a plain model (a Set and a FIFO), with hashes drawn from a few times `capacity` values, so that
    /// ids come back both while remembered and after eviction, and every insert past `capacity` evicts (tables of
    /// 16 slots for the small capacities, where probe runs wrap around the end and removals shift across them).
    /// `warm` is called now and then, with more hashes than the smallest capacity.
    @Test(arguments: [1, 7, 64, 1000])
    func matchesAModelUnderHeavyCollisions(capacity: Int) throws {
        var seen = SeenEvents(capacity: capacity)
        var model = Set<UInt64>()
        var order: [UInt64] = []
        var random = SplitMix64(seed: UInt64(capacity))
        for step in 0..<50_000 {
            // Small values (and 0, which is stored as 1) and the top of the range, whose homes differ.
            let raw = random.next() % UInt64(3 * capacity + 5)
            let hash = raw % 3 == 0 ? raw : UInt64.max - raw
            let key = hash == 0 ? 1 : hash
            let fresh = !model.contains(key)
            // Warming (as the consumer and the store do before a batch) reads slots ahead, evictions included,
            // and must change nothing.
            if step % 13 == 0 { seen.warm([hash, random.next(), 0]) }
            let inserted = seen.insert(hash)
            // `#require`: the first divergence ends the test (later steps would only repeat it, thousands of times).
            try #require(inserted == fresh, "step \(step)")
            if fresh {
                model.insert(key)
                order.append(key)
                if order.count > capacity { model.remove(order.removeFirst()) }
            }
            try #require(seen.count == model.count, "step \(step)")
            if step % 97 == 0 {
                for k in model { try #require(seen.contains(k), "step \(step)") }
            }
        }
        for k in model { try #require(seen.contains(k)) }
    }

    @Test func forgetsTheOldestOnceFull() {
        var seen = SeenEvents(capacity: 3)
        let first = [UInt64(10), 20, 30].map { seen.insert($0) }
        #expect(first == [true, true, true])
        let again = seen.insert(20)
        #expect(!again)
        let forty = seen.insert(40)  // evicts 10
        #expect(forty && !seen.contains(10))
        let ten = seen.insert(10)  // new again, evicts 20
        #expect(ten)
        #expect(!seen.contains(20))
        #expect(seen.contains(30) && seen.contains(40))
    }

    /// The ids' hash is FNV-1a (the store's tiebreaks depend on it staying the same): the published test vectors,
    /// and an id long enough to live on the heap against the byte-by-byte definition.
    @Test func idsHashWithFNV1a() {
        #expect(stableHash("") == 0xcbf2_9ce4_8422_2325)
        #expect(stableHash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(stableHash("foobar") == 0x8594_4171_f739_67e8)
        let id = "evt-\(Int.random(in: 1_000_000...9_999_999))-with-an-id-longer-than-fifteen-bytes"
        var manual: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { manual = (manual ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        #expect(stableHash(id) == manual)
    }
}
