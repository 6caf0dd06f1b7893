import FleetCore
import FleetSim

/// A page of `GET /vehicles`: `{"items": […], "next_cursor": "…"}`, no `next_cursor` on the last page.
struct VehiclePageAnswer: Encodable {
    let vehicles: [VehicleResource]
    let nextCursor: String?

    private enum Key: String, CodingKey { case items, nextCursor = "next_cursor" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(vehicles.map { VehicleResourceJSON($0) }, forKey: .items)
        try c.encodeIfPresent(nextCursor, forKey: .nextCursor)
    }
}
