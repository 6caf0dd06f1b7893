/// The vehicles changed most recently, by their index in `FleetState.vehicles` (indices never move: vehicles are
/// only ever appended). A view that keeps per-vehicle work between frames (the map's projected positions) catches
/// up on the changes since its last look instead of rescanning the whole fleet: with one event between frames, a
/// frame at 100,000 vehicles costs what one at 1,000 does.
///
/// Bounded: it remembers the last `capacity` changes; a reader further behind than that is told to start over.
public struct VehicleChangeJournal: Sendable {
    /// How many changes are remembered.
    public static let capacity = 16_384

    /// Tells apart journals of unrelated states: a mark from one means nothing in another. A copy of a state (the
    /// display frozen on pause) shares its lineage, and its marks stay valid in the state it was copied from.
    public let lineage: UInt64
    /// Changes recorded so far, ever: the mark a reader keeps.
    public private(set) var mark: UInt64 = 0
    private var ring: [Int32]

    public init() {
        lineage = UInt64.random(in: 1...UInt64.max)
        ring = Array(repeating: -1, count: Self.capacity)
    }

    /// Notes that the vehicle at `index` changed.
    mutating func record(_ index: Int) {
        ring[Int(mark % UInt64(Self.capacity))] = Int32(truncatingIfNeeded: index)
        mark &+= 1
    }

    /// The indices changed after `earlier` (a `mark` read before), oldest first and possibly repeated; nil when
    /// they are no longer all remembered, or `earlier` is not a mark of this journal's past.
    public func changes(since earlier: UInt64) -> [Int]? {
        guard earlier <= mark, mark - earlier <= UInt64(Self.capacity) else { return nil }
        var out: [Int] = []
        out.reserveCapacity(Int(mark - earlier))
        var m = earlier
        while m < mark {
            out.append(Int(ring[Int(m % UInt64(Self.capacity))]))
            m += 1
        }
        return out
    }
}
