import FleetCore

/// The simulation's only source of randomness: SplitMix64, seeded explicitly.
///
/// Determinism is the point: two runs with one seed must publish the same events, so nothing in the simulation
/// may draw from `SystemRandomNumberGenerator` or depend on the clock. SplitMix64 is small, fast, passes BigCrush,
/// and its output for a given seed is the same on every platform and Swift version (unlike the standard library's
/// `Int.random(in:using:)`, whose algorithm is not guaranteed), so every helper here maps bits to values itself.
public struct SimRandom: RandomNumberGenerator, Sendable {
    private var generator: SplitMix64

    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    public mutating func next() -> UInt64 { generator.next() }

    /// A uniform value in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform value in `range`.
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// A uniform integer in `range` (the tiny modulo bias is irrelevant for a simulation).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An exponentially distributed wait with the given mean: the time to the next event of a Poisson process.
    public mutating func exponential(mean: Double) -> Double {
        -mean * log1p(-unit())
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A derived generator for an independent stream (ids, a vehicle's fleet data), so that adding draws to one
    /// stream does not shift the values of another.
    public mutating func split() -> SimRandom { SimRandom(seed: next()) }

    /// A UUID-shaped id (version 4 layout) from this generator: unique in practice, and the same for a given seed.
    public mutating func uuid() -> String {
        let a = next(), b = next()
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        func put(_ value: UInt64, _ nibbles: Int) {
            for k in stride(from: nibbles - 1, through: 0, by: -1) { out.append(hex[Int((value >> UInt64(k * 4)) & 0xF)]) }
        }
        put(a >> 32, 8); out.append(UInt8(ascii: "-"))
        put(a >> 16, 4); out.append(UInt8(ascii: "-"))
        put(0x4000 | (a & 0x0FFF), 4); out.append(UInt8(ascii: "-"))
        put(0x8000 | (b >> 48 & 0x3FFF), 4); out.append(UInt8(ascii: "-"))
        put(b, 12)
        return String(decoding: out, as: UTF8.self)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
