import FleetCore
import Foundation

/// The candidate against `JSONWriter` in the `tail-json` benchmark: `tail --json`'s line (`TailFormat.json`'s
/// fields, with `null` for a missing value) as an `Encodable` value written by Foundation's `JSONEncoder`, with
/// everything it would need to replace `TailFormat.json`: keys in a fixed order, and the scalars a terminal must not
/// see (C1 controls, DEL, bidi controls, line separators, which `JSONEncoder` leaves as they are) escaped after it.
struct CodableTailLine: Encodable {
    var event: Event

    private enum Key: String, CodingKey {
        case id, type, reasons
        case vehicleID = "vehicle_id", occurredAt = "occurred_at", flowID = "flow_id"
        case rentalStatus = "rental_status", lifeStatus = "life_status", valuesOutOfRange = "values_out_of_range"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(event.id, forKey: .id)
        try c.encode(event.type.name, forKey: .type)
        // `encode` of an optional writes `null` for nil, as `TailFormat.json` does (`encodeIfPresent` would omit it).
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

    /// The line, as `TailFormat.json` gives it.
    static func line(_ event: Event, encoder: JSONEncoder) -> String {
        let data: Data
        do {
            data = try encoder.encode(CodableTailLine(event: event))
        } catch {
            preconditionFailure("a tail line holds strings and whole numbers, which JSONEncoder always writes: \(error)")
        }
        return escapingUnsafeScalars(String(decoding: data, as: UTF8.self))
    }

    /// `JSONEncoder` configured as the line needs it: sorted keys (its own order changes from run to run), `/` as is.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `json` with every scalar `SafeText` keeps off a terminal written as a `\u` escape. Outside strings JSON text
    /// is ASCII without controls, so every such scalar is inside a string, where the escape means the same text.
    static func escapingUnsafeScalars(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 >= 0x7F }) else { return json }  // the common case: plain ASCII
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard SafeText.isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            // Every unsafe scalar is in the Basic Multilingual Plane (at most U+2069): one `\uXXXX` each.
            let hex = String(scalar.value, radix: 16)
            out.append(contentsOf: "\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".unicodeScalars)
        }
        return String(out)
    }
}
