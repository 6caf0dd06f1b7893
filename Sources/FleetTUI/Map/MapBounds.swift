/// The smallest rectangle of the Mercator square holding some points.
public struct MapBounds: Hashable, Sendable {
    public var minX: Double
    public var maxX: Double
    public var minY: Double
    public var maxY: Double

    public init(_ point: WorldPoint) {
        minX = point.x
        maxX = point.x
        minY = point.y
        maxY = point.y
    }

    public mutating func include(_ point: WorldPoint) {
        minX = min(minX, point.x)
        maxX = max(maxX, point.x)
        minY = min(minY, point.y)
        maxY = max(maxY, point.y)
    }

    /// The bounds of the points, nil for none.
    public static func of(_ points: some Sequence<WorldPoint>) -> MapBounds? {
        var bounds: MapBounds?
        for point in points {
            if bounds == nil { bounds = MapBounds(point) } else { bounds!.include(point) }
        }
        return bounds
    }
}
