/// Limits that keep a hostile JSON body from costing unbounded time or memory: its size, checked before a byte of
/// it is read, and its nesting depth, checked as each container opens. Event bodies and REST answers are read with
/// the same limits (`EventDecoder.limits`, `BodyReader.document`).
public struct JSONLimits: Sendable, Hashable {
    /// The largest body read, in bytes.
    public var maxBytes: Int
    /// The most containers open at once. The scan itself is iterative, so depth costs it no stack; the limit
    /// bounds what a decoder's own recursion into a value can meet.
    public var maxDepth: Int

    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// 1 MiB and 64 levels: a page of vehicles is tens of kilobytes and the contract nests five levels deep.
    public static let `default` = JSONLimits()
}
