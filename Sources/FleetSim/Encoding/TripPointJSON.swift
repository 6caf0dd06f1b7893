import FleetCore

/// A trip's start or end: `{"time", "position": {"lat", "lon"}, "mileage_in_kilometers"}`, absent ones left out.
struct TripPointJSON: Encodable {
    let point: TripPoint

    init(_ point: TripPoint) { self.point = point }

    private enum Key: String, CodingKey { case time, position, mileage = "mileage_in_kilometers" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeIfPresent(point.time?.iso8601, forKey: .time)
        try c.encodeIfPresent(point.position.map(PositionJSON.init), forKey: .position)
        if let mileage = point.mileageKilometers { try c.encodeNumber(mileage, forKey: .mileage) }
    }
}
