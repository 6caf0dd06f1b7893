/// Decoding of the shapes that events and the REST API share: the vehicle resource and the vehicle state.

extension VehicleResource {
    /// Decodes a body that is a vehicle resource (`GET /vehicles/{id}`). Paths in errors start at the body.
    package init(jsonBody bytes: [UInt8], limits: JSONLimits = .default) throws(EventDecodingError) {
        self = try BodyReader.object(in: bytes, limits: limits) { (r) throws(EventDecodingError) in
            try VehicleResource.read(&r)
        }
    }

    /// Reads a vehicle resource (an event's `vehicle`, an item of `GET /vehicles`); nil for `null`.
    package static func read(_ r: inout BodyReader) throws(EventDecodingError) -> VehicleResource? {
        var vehicle = VehicleResource(id: "")
        return try vehicle.read(&r) ? vehicle : nil
    }

    /// Reads a vehicle resource into this one, which is new (decoded in place, into storage the caller owns: a
    /// vehicle is 200 bytes); false for `null`.
    mutating func read(_ r: inout BodyReader) throws(EventDecodingError) -> Bool {
        var id: String?
        let found = try r.readObject { (r, key) throws(EventDecodingError) in
            switch key {
            case "id": id = try r.readString()
            case "fleet_id": fleetID = try r.readString()
            case "master_data": masterData = try MasterData.read(&r)
            case "life_status": lifeStatus = try StatusValue.read(&r, LifeStatus.init(raw:))
            case "rental_status": rentalStatus = try StatusValue.read(&r, RentalStatus.init(raw:))
            case "operation_status":
                var value: String?
                operationStatus = try r.readObject { (r, key) throws(EventDecodingError) in
                    if case "value" = key { value = try r.readString() }
                } ? value : nil
            case "tags": tags = try r.readStrings()
            case "capabilities":
                var commands: [String]?
                self.commands = try r.readObject { (r, key) throws(EventDecodingError) in
                    if case "commands" = key { commands = try r.readStrings() }
                } ? commands : nil
            default: break
            }
        }
        guard found else { return false }
        guard let id else { throw .missingField("id") }
        self.id = id
        return true
    }
}

extension MasterData {
    /// Reads `master_data`; nil for `null`. An empty object is master data with every field absent.
    static func read(_ r: inout BodyReader) throws(EventDecodingError) -> MasterData? {
        var m = MasterData()
        let found = try r.readObject { (r, key) throws(EventDecodingError) in
            switch key {
            case "license_plate": m.licensePlate = try r.readString()
            case "custom_name": m.customName = try r.readString()
            case "vin": m.vin = try r.readString()
            case "brand": m.brand = try r.readString()
            case "model": m.model = try r.readString()
            case "fuel_type": m.fuelType = try r.readString()
            case "vehicle_type": m.vehicleType = try r.readString()
            default: break
            }
        }
        return found ? m : nil
    }
}

extension StatusValue {
    /// Reads `{"value": …, "modified_at": …}`; nil for `null` or without a value (whose `modified_at` is then
    /// not looked at).
    static func read(_ r: inout BodyReader, _ value: (String) -> Value) throws(EventDecodingError) -> StatusValue? {
        let read = try r.readTimed("modified_at") { (r) throws(EventDecodingError) in try r.readString() }
        return read.map { StatusValue(value($0.value), modifiedAt: $0.at) }
    }
}

extension VehicleState {
    /// Decodes a body that is a vehicle state (a command's 200 answer). Paths in errors start at the body.
    package init(jsonBody bytes: [UInt8], limits: JSONLimits = .default) throws(EventDecodingError) {
        self = try BodyReader.object(in: bytes, limits: limits) { (r) throws(EventDecodingError) in
            try VehicleState.read(&r)
        }
    }

    /// Reads a vehicle state; nil for `null`.
    static func read(_ r: inout BodyReader) throws(EventDecodingError) -> VehicleState? {
        var state = VehicleState()
        return try state.read(&r) ? state : nil
    }

    /// Reads a vehicle state into this one, which is empty (decoded in place, as a vehicle resource is); false
    /// for `null`.
    mutating func read(_ r: inout BodyReader) throws(EventDecodingError) -> Bool {
        var chargeOrFuelSeen = false
        var olderFuelLevel: BodyReader.Mark?
        let found = try r.readObject { (r, key) throws(EventDecodingError) in
            switch key {
            case "central_lock":
                centralLock = try Reading.read(&r) { (r) throws(EventDecodingError) in try r.readString().map(LockState.init(raw:)) }
            case "position":
                position = try Reading.read(&r) { (r) throws(EventDecodingError) in try Position.read(&r) }
            case "state_of_charge_or_fuel_level_in_percent":
                chargeOrFuelSeen = try r.peek() != UInt8(ascii: "n")
                chargeOrFuelPercent = try Reading.readNumber(&r, in: .percent)
            case "fuel_level_in_percent":
                olderFuelLevel = try r.mark()  // the property's older name: read only when the newer is absent
            case "remaining_range_in_kilometers":
                remainingRangeKilometers = try Reading.readNumber(&r, in: .rangeKilometers)
            case "mileage_in_kilometers": mileageKilometers = try Reading.readNumber(&r, in: .mileageKilometers)
            case "driving_enabled":
                drivingEnabled = try Reading.read(&r) { (r) throws(EventDecodingError) in try r.readBool() }
            case "ignition":
                ignition = try Reading.read(&r) { (r) throws(EventDecodingError) in try r.readString() }
            case "cellular_signal_quality":
                cellularSignalQuality = try Reading.read(&r) { (r) throws(EventDecodingError) in
                    try r.readWholeNumber(in: .cellularSignalQuality)
                }
            default: break
            }
        }
        guard found else { return false }
        if !chargeOrFuelSeen, let olderFuelLevel {
            chargeOrFuelPercent = try r.reading(olderFuelLevel, as: "fuel_level_in_percent") {
                (r) throws(EventDecodingError) in try Reading.readNumber(&r, in: .percent)
            }
        }
        return true
    }
}

extension Reading {
    /// Reads a `{"timestamp": …, "value": …}` property with `value` reading the value; nil for `null`, or when
    /// the value is absent or null (the timestamp is then not looked at).
    static func read(_ r: inout BodyReader, _ value: (inout BodyReader) throws(EventDecodingError) -> Value?) throws(EventDecodingError) -> Reading? {
        try r.readTimed("timestamp", value).map { Reading($0.value, at: $0.at) }
    }
}

extension BodyReader {
    /// Reads `{"value": …, "<time>": …}` (a reading, a status) with `value` reading the value; nil for `null`, or
    /// when the value is absent or null: the time is then not looked at.
    mutating func readTimed<V>(
        _ time: StaticString, _ value: (inout BodyReader) throws(EventDecodingError) -> V?
    ) throws(EventDecodingError) -> (value: V, at: Timestamp?)? {
        var v: V?
        var at: Mark?
        guard try readObject({ (r, key) throws(EventDecodingError) in
            if case "value" = key {
                v = try value(&r)
            } else if time ~= key {
                at = try r.mark()
            }
        }), let v else { return nil }
        guard let at else { return (v, nil) }
        do {
            return (v, try readTimestamp(at: at))
        } catch {
            throw error.inField("\(time)")
        }
    }
}

extension Reading where Value == Double {
    /// A reading of a number in `domain`; nil (the value counted) when it is outside.
    static func readNumber(_ r: inout BodyReader, in domain: NumericDomain) throws(EventDecodingError) -> Reading? {
        try read(&r) { (r) throws(EventDecodingError) in try r.readNumber(in: domain) }
    }
}

extension Position {
    /// Reads `{"lat": …, "lon": …}`, both required; nil for `null`, and nil when either is out of its domain
    /// (each such value counted): half a position is no position.
    static func read(_ r: inout BodyReader) throws(EventDecodingError) -> Position? {
        var lat: Double?
        var lon: Double?
        let found = try r.readObject { (r, key) throws(EventDecodingError) in
            switch key {
            case "lat": lat = try r.readDouble()
            case "lon": lon = try r.readDouble()
            default: break
            }
        }
        guard found else { return nil }
        guard let lat else { throw .missingField("lat") }
        guard let lon else { throw .missingField("lon") }
        let latOK = NumericDomain.latitude.contains(lat)
        let lonOK = NumericDomain.longitude.contains(lon)
        guard latOK && lonOK else {
            r.valuesOutOfRange += (latOK ? 0 : 1) + (lonOK ? 0 : 1)
            return nil
        }
        return Position(lat: lat, lon: lon)
    }
}
