/// One cell of the map: the dots raised, how many vehicles, and the most important status among them.
public struct MapCell: Hashable, Sendable {
    public var pattern: UInt8
    public var count: Int
    /// Nil for an empty cell.
    public var top: MapStatus?
}
