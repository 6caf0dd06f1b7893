/// A telematics reading (`VehicleStateRecorded`, or a command's answer). Each property is present only if the
/// vehicle has the capability, and carries the time it was measured.
public struct VehicleState: Hashable, Sendable {
    public var centralLock: Reading<LockState>?
    public var position: Reading<Position>?
    /// `state_of_charge_or_fuel_level_in_percent`, or its older name `fuel_level_in_percent`.
    public var chargeOrFuelPercent: Reading<Double>?
    public var remainingRangeKilometers: Reading<Double>?
    public var mileageKilometers: Reading<Double>?
    /// False when the immobilizer is on.
    public var drivingEnabled: Reading<Bool>?
    public var ignition: Reading<String>?
    /// 0 (none) to 5.
    public var cellularSignalQuality: Reading<Int>?

    public init(centralLock: Reading<LockState>? = nil, position: Reading<Position>? = nil,
                chargeOrFuelPercent: Reading<Double>? = nil, remainingRangeKilometers: Reading<Double>? = nil,
                mileageKilometers: Reading<Double>? = nil, drivingEnabled: Reading<Bool>? = nil,
                ignition: Reading<String>? = nil, cellularSignalQuality: Reading<Int>? = nil) {
        self.centralLock = centralLock
        self.position = position
        self.chargeOrFuelPercent = chargeOrFuelPercent
        self.remainingRangeKilometers = remainingRangeKilometers
        self.mileageKilometers = mileageKilometers
        self.drivingEnabled = drivingEnabled
        self.ignition = ignition
        self.cellularSignalQuality = cellularSignalQuality
    }
}

/// One measured value and when it was measured.
public struct Reading<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var timestamp: Timestamp?
    public init(_ value: Value, at timestamp: Timestamp? = nil) {
        self.value = value
        self.timestamp = timestamp
    }
}
