/// A vehicle as INVERS describes it: in `VehicleChanged` events and in the REST list. Every field but the id
/// is optional, because events carry only what changed and older API versions omit fields.
public struct VehicleResource: Hashable, Sendable {
    public var id: String
    public var fleetID: String?
    public var masterData: MasterData?
    public var lifeStatus: StatusValue<LifeStatus>?
    public var rentalStatus: StatusValue<RentalStatus>?
    public var operationStatus: String?
    public var tags: [String]?
    /// Commands the vehicle supports (`LOCK_CENTRAL_LOCK`, …).
    public var commands: [String]?

    public init(id: String, fleetID: String? = nil, masterData: MasterData? = nil,
                lifeStatus: StatusValue<LifeStatus>? = nil, rentalStatus: StatusValue<RentalStatus>? = nil,
                operationStatus: String? = nil, tags: [String]? = nil, commands: [String]? = nil) {
        self.id = id
        self.fleetID = fleetID
        self.masterData = masterData
        self.lifeStatus = lifeStatus
        self.rentalStatus = rentalStatus
        self.operationStatus = operationStatus
        self.tags = tags
        self.commands = commands
    }
}

/// Descriptive data of a vehicle: what a person recognises it by.
public struct MasterData: Hashable, Sendable {
    public var licensePlate: String?
    public var customName: String?
    public var vin: String?
    public var brand: String?
    public var model: String?
    public var fuelType: String?
    public var vehicleType: String?

    public init(licensePlate: String? = nil, customName: String? = nil, vin: String? = nil, brand: String? = nil,
                model: String? = nil, fuelType: String? = nil, vehicleType: String? = nil) {
        self.licensePlate = licensePlate
        self.customName = customName
        self.vin = vin
        self.brand = brand
        self.model = model
        self.fuelType = fuelType
        self.vehicleType = vehicleType
    }
}

/// A status with the time it last changed, as INVERS reports it (`{"value": …, "modified_at": …}`).
public struct StatusValue<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var modifiedAt: Timestamp?
    public init(_ value: Value, modifiedAt: Timestamp? = nil) {
        self.value = value
        self.modifiedAt = modifiedAt
    }
}

/// A position in WGS 84 degrees.
public struct Position: Hashable, Sendable {
    public var lat: Double
    public var lon: Double
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }
}
