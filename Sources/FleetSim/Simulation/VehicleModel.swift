/// A kind of vehicle in the fleet: what it is called, what it runs on, and what its telematics unit can do.
struct VehicleModel: Sendable, Hashable {
    var brand: String
    var model: String
    /// The start of a vehicle's custom name (`Golf` → `Golf 7`).
    var shortName: String
    var fuelType: String
    var vehicleType: String
    /// Kilometres of range per percent of charge or fuel.
    var kilometersPerPercent: Double
    var commands: [String]
    var stateCapabilities: [String]
    /// Whether it carries an SDM+ smoke sensor.
    var hasSmokeSensor: Bool
    /// The first three VIN characters (the manufacturer).
    var wmi: String
    /// Relative frequency in the fleet.
    var weight: Int

    var hasCentralLock: Bool { stateCapabilities.contains("CENTRAL_LOCK") }

    static let carCommands = ["REQUEST_VEHICLE_STATE", "LOCK_CENTRAL_LOCK", "UNLOCK_CENTRAL_LOCK", "ENABLE_DRIVING",
                              "DISABLE_DRIVING", "LOCK_AND_DISABLE_DRIVING", "UNLOCK_AND_ENABLE_DRIVING"]
    static let carState = ["CENTRAL_LOCK", "POSITION", "STATE_OF_CHARGE_OR_FUEL_LEVEL_IN_PERCENT",
                           "REMAINING_RANGE_IN_KILOMETERS", "MILEAGE_IN_KILOMETERS", "DRIVING_ENABLED", "IGNITION"]
    /// Mopeds have no central lock: lock and unlock are not supported (409 command-not-supported).
    static let mopedCommands = ["REQUEST_VEHICLE_STATE", "ENABLE_DRIVING", "DISABLE_DRIVING"]
    static let mopedState = ["POSITION", "STATE_OF_CHARGE_OR_FUEL_LEVEL_IN_PERCENT", "MILEAGE_IN_KILOMETERS",
                             "DRIVING_ENABLED", "IGNITION"]

    static let catalogue: [VehicleModel] = [
        VehicleModel(brand: "Volkswagen", model: "e-Golf", shortName: "Golf", fuelType: "ELECTRIC", vehicleType: "CAR",
                     kilometersPerPercent: 2.3, commands: carCommands, stateCapabilities: carState,
                     hasSmokeSensor: true, wmi: "WVW", weight: 5),
        VehicleModel(brand: "Renault", model: "Zoe", shortName: "Zoe", fuelType: "ELECTRIC", vehicleType: "CAR",
                     kilometersPerPercent: 3.0, commands: carCommands, stateCapabilities: carState,
                     hasSmokeSensor: true, wmi: "VF1", weight: 4),
        VehicleModel(brand: "Volkswagen", model: "ID.3", shortName: "ID.3", fuelType: "ELECTRIC", vehicleType: "CAR",
                     kilometersPerPercent: 3.5, commands: carCommands, stateCapabilities: carState,
                     hasSmokeSensor: true, wmi: "WVW", weight: 3),
        VehicleModel(brand: "Fiat", model: "500e", shortName: "500e", fuelType: "ELECTRIC", vehicleType: "CAR",
                     kilometersPerPercent: 2.2, commands: carCommands, stateCapabilities: carState,
                     hasSmokeSensor: false, wmi: "ZFA", weight: 2),
        VehicleModel(brand: "Opel", model: "Corsa", shortName: "Corsa", fuelType: "PETROL", vehicleType: "CAR",
                     kilometersPerPercent: 6.5, commands: carCommands, stateCapabilities: carState,
                     hasSmokeSensor: false, wmi: "W0L", weight: 2),
        VehicleModel(brand: "NIU", model: "N1S", shortName: "NIU", fuelType: "ELECTRIC", vehicleType: "MOPED",
                     kilometersPerPercent: 0.7, commands: mopedCommands, stateCapabilities: mopedState,
                     hasSmokeSensor: false, wmi: "LJN", weight: 2),
    ]
}
