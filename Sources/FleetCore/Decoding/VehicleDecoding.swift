/// Decoding of the shapes that events and the REST API share: the vehicle resource and the vehicle state.

extension VehicleResource {
    /// Decodes a vehicle resource (from an event's `vehicle` or an item of `GET /vehicles`).
    public init(json: JSONValue) throws(EventDecodingError) {
        self = try json.withView { (v) throws(EventDecodingError) in try VehicleResource(Fields(v, base: v.index)) }
    }

    init(_ f: Fields) throws(EventDecodingError) {
        let id = try f.requiredString("id")
        var masterData: MasterData?
        if let m = try f.object("master_data") {
            masterData = MasterData(
                licensePlate: try m.string("license_plate"), customName: try m.string("custom_name"),
                vin: try m.string("vin"), brand: try m.string("brand"), model: try m.string("model"),
                fuelType: try m.string("fuel_type"), vehicleType: try m.string("vehicle_type"))
        }
        var lifeStatus: StatusValue<LifeStatus>?
        if let s = try f.object("life_status"), let raw = try s.string("value") {
            lifeStatus = StatusValue(LifeStatus(raw: raw), modifiedAt: try s.timestamp("modified_at"))
        }
        var rentalStatus: StatusValue<RentalStatus>?
        if let s = try f.object("rental_status"), let raw = try s.string("value") {
            rentalStatus = StatusValue(RentalStatus(raw: raw), modifiedAt: try s.timestamp("modified_at"))
        }
        self.init(
            id: id, fleetID: try f.string("fleet_id"), masterData: masterData, lifeStatus: lifeStatus,
            rentalStatus: rentalStatus, operationStatus: try f.object("operation_status")?.string("value"),
            tags: try f.strings("tags"), commands: try f.object("capabilities")?.strings("commands"))
    }
}

extension VehicleState {
    /// Decodes a vehicle-state object (`VehicleStateRecorded.vehicle_state`, or a command's 200 answer).
    public init(json: JSONValue) throws(EventDecodingError) {
        self = try json.withView { (v) throws(EventDecodingError) in try VehicleState(Fields(v, base: v.index)) }
    }

    init(_ f: Fields) throws(EventDecodingError) {
        self.init()
        if let r = try f.object("central_lock") {
            centralLock = try r.reading { (v, path) throws(EventDecodingError) in
                guard let s = v.string else { throw .wrongType(field: path.description, expected: "a string", found: v.kindName) }
                return LockState(raw: s)
            }
        }
        if let r = try f.object("position") {
            position = try r.reading { (v, path) throws(EventDecodingError) in try Position(Fields(v, base: path.base)) }
        }
        if let r = try f.object("state_of_charge_or_fuel_level_in_percent") {
            chargeOrFuelPercent = try r.numberReading()
        } else if let r = try f.object("fuel_level_in_percent") {
            chargeOrFuelPercent = try r.numberReading()  // the property's older name
        }
        if let r = try f.object("remaining_range_in_kilometers") { remainingRangeKilometers = try r.numberReading() }
        if let r = try f.object("mileage_in_kilometers") { mileageKilometers = try r.numberReading() }
        if let r = try f.object("driving_enabled") {
            drivingEnabled = try r.reading { (v, path) throws(EventDecodingError) in
                guard let b = v.bool else { throw .wrongType(field: path.description, expected: "a boolean", found: v.kindName) }
                return b
            }
        }
        if let r = try f.object("ignition") {
            ignition = try r.reading { (v, path) throws(EventDecodingError) in
                guard let s = v.string else { throw .wrongType(field: path.description, expected: "a string", found: v.kindName) }
                return s
            }
        }
        if let r = try f.object("cellular_signal_quality") {
            cellularSignalQuality = try r.reading { (v, path) throws(EventDecodingError) in
                guard let i = v.int else { throw .wrongType(field: path.description, expected: "a whole number", found: v.kindName) }
                return i
            }
        }
    }
}

extension Fields {
    /// A `{"timestamp": …, "value": …}` property. A property whose value is null or absent is nil.
    fileprivate func reading<V>(_ decode: (JSONView, FieldPath) throws(EventDecodingError) -> V) throws(EventDecodingError) -> Reading<V>? {
        guard let v = value("value") else { return nil }
        return Reading(try decode(v, FieldPath(value: v, base: base)), at: try timestamp("timestamp"))
    }

    fileprivate func numberReading() throws(EventDecodingError) -> Reading<Double>? {
        try reading { (v, path) throws(EventDecodingError) in
            guard let d = v.double else { throw .wrongType(field: path.description, expected: "a number", found: v.kindName) }
            return d
        }
    }
}
