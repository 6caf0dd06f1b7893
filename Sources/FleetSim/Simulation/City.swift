import FleetCore

/// Where a simulated fleet operates: a centre, an operating radius, and the licence-plate prefix of its district.
public struct City: Sendable, Hashable {
    public var name: String
    public var centre: Position
    /// Vehicles park and drive within this distance of the centre.
    public var radiusKilometers: Double
    /// The district code that starts a German plate (`B`, `M`).
    public var platePrefix: String
    /// Short tag for the vehicles parked here (`berlin-mitte`).
    public var tag: String

    public init(name: String, centre: Position, radiusKilometers: Double, platePrefix: String, tag: String) {
        self.name = name
        self.centre = centre
        self.radiusKilometers = radiusKilometers
        self.platePrefix = platePrefix
        self.tag = tag
    }

    public static let berlin = City(name: "Berlin", centre: Position(lat: 52.520008, lon: 13.404954),
                                    radiusKilometers: 9, platePrefix: "B", tag: "berlin")
    public static let munich = City(name: "Munich", centre: Position(lat: 48.137154, lon: 11.576124),
                                    radiusKilometers: 7, platePrefix: "M", tag: "munich")

    /// A uniformly random point within the operating radius.
    func randomPosition(using random: inout SimRandom) -> Position {
        let distance = radiusKilometers * random.unit().squareRoot()
        let bearing = random.uniform(0...(2 * Double.pi))
        return centre.moved(northKilometers: distance * cos(bearing), eastKilometers: distance * sin(bearing))
    }
}

extension Position {
    /// The great-circle distance to `other`, in kilometres.
    func kilometers(to other: Position) -> Double {
        let r = 6371.0
        let dLat = (other.lat - lat) * .pi / 180
        let dLon = (other.lon - lon) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(lat * .pi / 180) * cos(other.lat * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }

    /// This position moved by a small offset (flat-earth approximation, fine within a city).
    func moved(northKilometers: Double, eastKilometers: Double) -> Position {
        let lat = self.lat + northKilometers / 111.32
        let lon = self.lon + eastKilometers / (111.32 * cos(self.lat * .pi / 180))
        return Position(lat: lat.roundedTo(decimals: 6), lon: lon.roundedTo(decimals: 6))
    }

    /// The point a fraction `t` (0…1) of the way to `other`.
    func interpolated(to other: Position, fraction t: Double) -> Position {
        Position(lat: (lat + (other.lat - lat) * t).roundedTo(decimals: 6),
                 lon: (lon + (other.lon - lon) * t).roundedTo(decimals: 6))
    }
}

extension Double {
    /// Rounded to a number of decimals, so bodies carry `52.520008` rather than seventeen digits of noise.
    func roundedTo(decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
