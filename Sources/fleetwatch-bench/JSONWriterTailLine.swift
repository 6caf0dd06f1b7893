import FleetCore

/// `tail --json`'s line as `JSONWriter` wrote it until `TailFormat.json` moved to `JSONEncoder`: the baseline of
/// the `tail-json` benchmark, until `JSONWriter` goes.
enum JSONWriterTailLine {
    static func line(_ event: Event) -> String {
        var w = JSONWriter()
        func put(_ name: String, _ value: String?) {
            w.key(name)
            if let value { w.string(value) } else { w.null() }
        }
        w.beginObject()
        put("id", event.id)
        put("type", event.type.name)
        put("vehicle_id", event.vehicleID)
        put("occurred_at", event.occurredAt?.iso8601)
        put("flow_id", event.flowID)
        if case let .vehicleChanged(change) = event.payload {
            w.field("reasons", change.reasons.map(\.raw))
            put("rental_status", change.vehicle.rentalStatus?.value.raw)
            put("life_status", change.vehicle.lifeStatus?.value.raw)
        }
        if event.valuesOutOfRange > 0 {
            w.key("values_out_of_range")
            w.number(event.valuesOutOfRange)
        }
        w.endObject()
        return w.text
    }
}
