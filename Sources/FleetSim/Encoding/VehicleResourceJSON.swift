import FleetCore

/// A vehicle resource in the contract's shape (`VehicleChanged.vehicle`, an item of `GET /vehicles`,
/// `GET /vehicles/{id}`): `{"id", "fleet_id", "master_data": {…}, "life_status": {"value", "modified_at"},
/// "rental_status", "operation_status": {"value"}, "tags", "capabilities": {"commands", "vehicle_state"}}`, absent
/// properties left out. The events and the REST server write it with this one type, so the two cannot drift.
public struct VehicleResourceJSON: Encodable, Sendable {
    public var vehicle: VehicleResource
    /// `capabilities.vehicle_state`: the state properties the vehicle reports (events only).
    public var stateCapabilities: [String]?

    public init(_ vehicle: VehicleResource, stateCapabilities: [String]? = nil) {
        self.vehicle = vehicle
        self.stateCapabilities = stateCapabilities
    }

    private enum Key: String, CodingKey {
        case id, tags, capabilities, value, commands
        case fleetID = "fleet_id", masterData = "master_data", lifeStatus = "life_status"
        case rentalStatus = "rental_status", operationStatus = "operation_status", modifiedAt = "modified_at"
        case vin, licensePlate = "license_plate", customName = "custom_name", brand, model
        case fuelType = "fuel_type", vehicleType = "vehicle_type", vehicleState = "vehicle_state"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(vehicle.id, forKey: .id)
        try c.encodeIfPresent(vehicle.fleetID, forKey: .fleetID)
        if let m = vehicle.masterData {
            var master = c.nestedContainer(keyedBy: Key.self, forKey: .masterData)
            try master.encodeIfPresent(m.vin, forKey: .vin)
            try master.encodeIfPresent(m.licensePlate, forKey: .licensePlate)
            try master.encodeIfPresent(m.customName, forKey: .customName)
            try master.encodeIfPresent(m.brand, forKey: .brand)
            try master.encodeIfPresent(m.model, forKey: .model)
            try master.encodeIfPresent(m.fuelType, forKey: .fuelType)
            try master.encodeIfPresent(m.vehicleType, forKey: .vehicleType)
        }
        func status(_ value: String, _ modifiedAt: Timestamp?, _ key: Key) throws {
            var status = c.nestedContainer(keyedBy: Key.self, forKey: key)
            try status.encode(value, forKey: .value)
            try status.encodeIfPresent(modifiedAt?.iso8601, forKey: .modifiedAt)
        }
        if let life = vehicle.lifeStatus { try status(life.value.raw, life.modifiedAt, .lifeStatus) }
        if let rental = vehicle.rentalStatus { try status(rental.value.raw, rental.modifiedAt, .rentalStatus) }
        if let operation = vehicle.operationStatus { try status(operation, nil, .operationStatus) }
        try c.encodeIfPresent(vehicle.tags, forKey: .tags)
        if vehicle.commands != nil || stateCapabilities != nil {
            var capabilities = c.nestedContainer(keyedBy: Key.self, forKey: .capabilities)
            try capabilities.encodeIfPresent(vehicle.commands, forKey: .commands)
            try capabilities.encodeIfPresent(stateCapabilities, forKey: .vehicleState)
        }
    }
}
