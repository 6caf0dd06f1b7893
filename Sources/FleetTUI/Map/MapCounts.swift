/// The vehicles the filter lets through, by what became of them on the map.
public struct MapCounts: Hashable, Sendable {
    /// Drawn in the pane (stale ones included).
    public var drawn = 0
    /// With a possible position outside the view.
    public var outside = 0
    /// Position older than the stale threshold, or of no known time (drawn or not).
    public var stale = 0
    /// No position known.
    public var noPosition = 0
    /// A position that cannot be (latitude beyond ±90°, longitude beyond ±180°, not finite): never drawn.
    public var invalid = 0
}
