import FleetCore
import Foundation

/// A point on the Web Mercator square: `x` from 0 (180° W) to 1 (180° E), `y` from 0 (the north edge, 85.05° N)
/// to 1 (the south edge). Mercator keeps shapes right at every latitude (a city is not squashed east–west) and
/// needs no reference latitude, so panning never changes the projection; y grows southward like screen rows.
public struct WorldPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The latitude where the square ends (Web Mercator's limit; the poles are at infinity).
    public static let latitudeLimit = 85.051_128_779_806_59
    /// The equator's length in metres (WGS 84): the width of the square on the ground at the equator.
    public static let equatorMetres = 40_075_016.686

    /// The projection of a position, or nil when it is not a possible position: latitude outside [-90, 90],
    /// longitude outside [-180, 180], or either not finite. Latitudes beyond the square's edge (within 5° of a
    /// pole) are drawn on its edge.
    public init?(_ position: Position) {
        guard Self.isPossible(position) else { return nil }
        let lat = min(max(position.lat, -Self.latitudeLimit), Self.latitudeLimit) * .pi / 180
        x = (position.lon + 180) / 360
        y = min(max((1 - log(tan(.pi / 4 + lat / 2)) / .pi) / 2, 0), 1)  // rounding at the edge aside, within the square
    }

    /// Finite, latitude in [-90, 90], longitude in [-180, 180].
    public static func isPossible(_ position: Position) -> Bool {
        position.lat.isFinite && position.lon.isFinite && (-90...90).contains(position.lat)
            && (-180...180).contains(position.lon)
    }

    /// The latitude of this point, in degrees.
    public var latitude: Double { atan(sinh(.pi * (1 - 2 * y))) * 180 / .pi }
    /// The longitude of this point, in degrees.
    public var longitude: Double { x * 360 - 180 }

    /// Metres on the ground per unit of the square at this point's latitude (the scale shrinks toward the poles).
    public var metresPerUnit: Double { Self.equatorMetres * cos(latitude * .pi / 180) }
}
