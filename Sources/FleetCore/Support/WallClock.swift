#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Timestamp {
    /// The wall clock, for the edges: when a delivery arrived, when a snapshot or a command answer came. The core
    /// itself never reads it; its callers pass times in.
    public static func now() -> Timestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        // The clock's seconds are far inside ±2^53, so the product and sum are exact and cannot overflow.
        return Timestamp(microseconds: Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec / 1000))
    }
}
