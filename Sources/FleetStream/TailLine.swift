import FleetCore

/// One line of `tail --json`, as Foundation's `JSONEncoder` writes it (`TailFormat.json`): `id`, `type` (the
/// canonical name), `vehicle_id`, `occurred_at` (ISO-8601), `flow_id`, and for `VehicleChanged` also `reasons`,
/// `rental_status`, `life_status`; a missing value is `null`. An event that had numbers outside their domain
/// (dropped by the decoder) also has `values_out_of_range`.
struct TailLine: Encodable {
    let event: Event

    private enum Key: String, CodingKey {
        case id, type, reasons
        case vehicleID = "vehicle_id", occurredAt = "occurred_at", flowID = "flow_id"
        case rentalStatus = "rental_status", lifeStatus = "life_status", valuesOutOfRange = "values_out_of_range"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(event.id, forKey: .id)
        try c.encode(event.type.name, forKey: .type)
        // `encode` writes `null` for a missing value, where `encodeIfPresent` would leave the key out.
        try c.encode(event.vehicleID, forKey: .vehicleID)
        try c.encode(event.occurredAt?.iso8601, forKey: .occurredAt)
        try c.encode(event.flowID, forKey: .flowID)
        if case let .vehicleChanged(change) = event.payload {
            try c.encode(change.reasons.map(\.raw), forKey: .reasons)
            try c.encode(change.vehicle.rentalStatus?.value.raw, forKey: .rentalStatus)
            try c.encode(change.vehicle.lifeStatus?.value.raw, forKey: .lifeStatus)
        }
        if event.valuesOutOfRange > 0 { try c.encode(event.valuesOutOfRange, forKey: .valuesOutOfRange) }
    }
}
