import FleetCore

/// A vehicle state in the contract's shape (`VehicleStateRecorded.vehicle_state`, a command's 200 answer): every
/// property present is `{"timestamp": …, "value": …}` (the timestamp left out when unknown), absent ones left out.
public struct VehicleStateJSON: Encodable, Sendable {
    public var state: VehicleState

    public init(_ state: VehicleState) { self.state = state }

    private enum Key: String, CodingKey {
        case position, ignition
        case centralLock = "central_lock", chargeOrFuel = "state_of_charge_or_fuel_level_in_percent"
        case remainingRange = "remaining_range_in_kilometers", mileage = "mileage_in_kilometers"
        case drivingEnabled = "driving_enabled", cellularSignalQuality = "cellular_signal_quality"
    }

    private enum ReadingKey: String, CodingKey { case timestamp, value }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        /// `{"timestamp", "value"}` under `key`, `value` writing the value.
        func reading<V>(_ r: Reading<V>?, _ key: Key,
                        _ value: (inout KeyedEncodingContainer<ReadingKey>, V) throws -> Void) throws {
            guard let r else { return }
            var reading = c.nestedContainer(keyedBy: ReadingKey.self, forKey: key)
            try reading.encodeIfPresent(r.timestamp?.iso8601, forKey: .timestamp)
            try value(&reading, r.value)
        }
        try reading(state.centralLock, .centralLock) { try $0.encode($1.raw, forKey: .value) }
        try reading(state.position, .position) { try $0.encode(PositionJSON($1), forKey: .value) }
        try reading(state.chargeOrFuelPercent, .chargeOrFuel) { try $0.encodeNumber($1, forKey: .value) }
        try reading(state.remainingRangeKilometers, .remainingRange) { try $0.encodeNumber($1, forKey: .value) }
        try reading(state.mileageKilometers, .mileage) { try $0.encodeNumber($1, forKey: .value) }
        try reading(state.drivingEnabled, .drivingEnabled) { try $0.encode($1, forKey: .value) }
        try reading(state.ignition, .ignition) { try $0.encode($1, forKey: .value) }
        try reading(state.cellularSignalQuality, .cellularSignalQuality) { try $0.encode($1, forKey: .value) }
    }
}
