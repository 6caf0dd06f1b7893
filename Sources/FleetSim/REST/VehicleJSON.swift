import FleetCore

/// The JSON the stand-in answers with: the vehicle resource and the vehicle state in the contract's shapes
/// (`samples/rest/vehicles.page1.json`, `samples/rest/command-lock.200.json`).
///
/// Written by hand rather than through `Encodable` so that field names and nesting read exactly like the contract,
/// absent properties are omitted (not `null`), and the core's types need no Codable conformance.
public enum VehicleJSON {
    /// A vehicle resource: `{"id": …, "fleet_id": …, "master_data": {…}, …, "capabilities": {"commands": […]}}`.
    public static func resource(_ vehicle: VehicleResource) -> String {
        var o = ObjectText()
        o.string("id", vehicle.id)
        o.string("fleet_id", vehicle.fleetID)
        if let m = vehicle.masterData {
            var md = ObjectText()
            md.string("license_plate", m.licensePlate)
            md.string("custom_name", m.customName)
            md.string("vin", m.vin)
            md.string("brand", m.brand)
            md.string("model", m.model)
            md.string("fuel_type", m.fuelType)
            md.string("vehicle_type", m.vehicleType)
            o.raw("master_data", md.text)
        }
        if let s = vehicle.lifeStatus { o.raw("life_status", status(s.value.raw, modifiedAt: s.modifiedAt)) }
        if let s = vehicle.rentalStatus { o.raw("rental_status", status(s.value.raw, modifiedAt: s.modifiedAt)) }
        if let s = vehicle.operationStatus { o.raw("operation_status", status(s, modifiedAt: nil)) }
        if let tags = vehicle.tags { o.raw("tags", array(tags)) }
        if let commands = vehicle.commands {
            var c = ObjectText()
            c.raw("commands", array(commands))
            o.raw("capabilities", c.text)
        }
        return o.text
    }

    /// A vehicle-state object: every present property as `{"timestamp": …, "value": …}`.
    public static func state(_ state: VehicleState) -> String {
        var o = ObjectText()
        if let r = state.centralLock { o.raw("central_lock", reading(r.timestamp, quoted(r.value.raw))) }
        if let r = state.position {
            var p = ObjectText()
            p.raw("lat", number(r.value.lat))
            p.raw("lon", number(r.value.lon))
            o.raw("position", reading(r.timestamp, p.text))
        }
        if let r = state.chargeOrFuelPercent {
            o.raw("state_of_charge_or_fuel_level_in_percent", reading(r.timestamp, number(r.value)))
        }
        if let r = state.remainingRangeKilometers {
            o.raw("remaining_range_in_kilometers", reading(r.timestamp, number(r.value)))
        }
        if let r = state.mileageKilometers { o.raw("mileage_in_kilometers", reading(r.timestamp, number(r.value))) }
        if let r = state.drivingEnabled { o.raw("driving_enabled", reading(r.timestamp, r.value ? "true" : "false")) }
        if let r = state.ignition { o.raw("ignition", reading(r.timestamp, quoted(r.value))) }
        if let r = state.cellularSignalQuality { o.raw("cellular_signal_quality", reading(r.timestamp, String(r.value))) }
        return o.text
    }

    /// A JSON string literal, escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func status(_ value: String, modifiedAt: Timestamp?) -> String {
        var o = ObjectText()
        o.string("value", value)
        if let modifiedAt { o.string("modified_at", modifiedAt.iso8601) }
        return o.text
    }

    private static func reading(_ timestamp: Timestamp?, _ value: String) -> String {
        var o = ObjectText()
        if let timestamp { o.string("timestamp", timestamp.iso8601) }
        o.raw("value", value)
        return o.text
    }

    private static func array(_ strings: [String]) -> String {
        "[" + strings.map(quoted).joined(separator: ", ") + "]"
    }

    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// An object being written member by member; nil values are left out.
    struct ObjectText {
        private var members: [String] = []
        mutating func string(_ key: String, _ value: String?) {
            if let value { members.append("\(VehicleJSON.quoted(key)): \(VehicleJSON.quoted(value))") }
        }
        mutating func raw(_ key: String, _ json: String) {
            members.append("\(VehicleJSON.quoted(key)): \(json)")
        }
        var text: String { "{" + members.joined(separator: ", ") + "}" }
    }
}
