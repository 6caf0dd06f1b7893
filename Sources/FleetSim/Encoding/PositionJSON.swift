import FleetCore

/// `{"lat": …, "lon": …}`.
struct PositionJSON: Encodable {
    let position: Position

    init(_ position: Position) { self.position = position }

    private enum Key: String, CodingKey { case lat, lon }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeNumber(position.lat, forKey: .lat)
        try c.encodeNumber(position.lon, forKey: .lon)
    }
}
