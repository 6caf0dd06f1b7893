/// What part of the world the map shows: a centre and a scale, in `WorldPoint` units per braille dot. Dots are
/// about square on a terminal (a cell is twice as tall as wide and holds 2×4 dots), so one scale serves both axes.
///
/// Pure arithmetic for `update` (fit, zoom, pan, centre) and for drawing (which dot a point falls on).
public struct MapViewport: Hashable, Sendable {
    public var centre: WorldPoint
    public var unitsPerDot: Double

    /// The closest zoom: about 10 cm a dot at the equator.
    public static let minimumUnitsPerDot = 2.5e-9
    /// The farthest: the whole square in 64 dots.
    public static let maximumUnitsPerDot = 1.0 / 64
    /// Fitting a single vehicle (or vehicles on one spot) shows this much of the square across 100 dots:
    /// about 400 m at the equator.
    public static let smallestFitSpan = 1e-5
    /// Each `+` / `-` halves / doubles the scale.
    public static let zoomStep = 2.0

    public init(centre: WorldPoint, unitsPerDot: Double) {
        self.centre = Self.clamped(centre)
        self.unitsPerDot = Self.clamped(unitsPerDot)
    }

    /// The view that shows all of `bounds` in a picture of `size` dots, centred: the longer side (relative to the
    /// picture) runs from the first dot to the last.
    public static func fitting(_ bounds: MapBounds, in size: DotSize) -> MapViewport {
        let spanX = max(bounds.maxX - bounds.minX, 0), spanY = max(bounds.maxY - bounds.minY, 0)
        let across = Double(max(1, size.width - 1)), down = Double(max(1, size.height - 1))
        var scale = max(spanX / across, spanY / down)
        scale = max(scale, smallestFitSpan / 100)
        return MapViewport(centre: WorldPoint(x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2),
                           unitsPerDot: scale)
    }

    /// Zoomed in by `steps` (out for negative) around the centre.
    public func zoomed(by steps: Int) -> MapViewport {
        var scale = unitsPerDot
        for _ in 0..<steps.magnitude { scale = steps > 0 ? scale / Self.zoomStep : scale * Self.zoomStep }
        return MapViewport(centre: centre, unitsPerDot: scale)
    }

    /// Moved by a number of dots (east and south positive).
    public func panned(dotsEast: Int, dotsSouth: Int) -> MapViewport {
        MapViewport(centre: WorldPoint(x: centre.x + Double(dotsEast) * unitsPerDot,
                                       y: centre.y + Double(dotsSouth) * unitsPerDot), unitsPerDot: unitsPerDot)
    }

    /// The same scale, centred on `point`.
    public func centred(on point: WorldPoint) -> MapViewport {
        MapViewport(centre: point, unitsPerDot: unitsPerDot)
    }

    /// The dot `point` falls on in a picture of `size` dots, or nil when it falls outside. The conversion to `Int`
    /// happens only on a finite value already known to lie within the picture.
    public func dot(for point: WorldPoint, in size: DotSize) -> (x: Int, y: Int)? {
        let fx = (point.x - centre.x) / unitsPerDot + Double(size.width) / 2
        let fy = (point.y - centre.y) / unitsPerDot + Double(size.height) / 2
        guard fx.isFinite, fy.isFinite, fx >= 0, fy >= 0, fx < Double(size.width), fy < Double(size.height) else {
            return nil
        }
        return (Int(fx), Int(fy))
    }

    /// Ground metres per dot at the centre's latitude: what the scale bar shows.
    public var metresPerDot: Double { unitsPerDot * centre.metresPerUnit }

    private static func clamped(_ point: WorldPoint) -> WorldPoint {
        WorldPoint(x: point.x.isFinite ? min(max(point.x, 0), 1) : 0.5,
                   y: point.y.isFinite ? min(max(point.y, 0), 1) : 0.5)
    }

    private static func clamped(_ scale: Double) -> Double {
        scale.isFinite ? min(max(scale, minimumUnitsPerDot), maximumUnitsPerDot) : maximumUnitsPerDot
    }
}
