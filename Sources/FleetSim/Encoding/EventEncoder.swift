import FleetCore

/// Writes a simulated event as INVERS sends it: the contract's JSON body (the shapes of `samples/*.json`,
/// including `metadata`) and the legacy headers `Message-Type`, `Message-Version`, `Flow-ID`.
public struct EventEncoder: Sendable {
    public init() {}

    /// The message for `event`: body, headers, `message_id` (the event id) and the topic it travels on.
    public func message(for event: SimEvent) -> OutgoingMessage {
        var headers = ["Message-Type": event.type.name, "Message-Version": String(event.version)]
        if let flowID = event.flowID { headers["Flow-ID"] = flowID }
        return OutgoingMessage(topic: Topic(event.type), body: body(for: event), headers: headers,
                               messageID: event.id)
    }

    /// The JSON body of `event`.
    public func body(for event: SimEvent) -> [UInt8] {
        var json = JSONWriter(capacity: 512)
        json.beginObject()
        json.key("metadata")
        json.beginObject()
        json.field("id", event.id)
        json.field("type", event.type.name)
        json.field("version", event.version)
        json.field("occurred_at", event.occurredAt.iso8601)
        json.field("flow_id", ifPresent: event.flowID)
        if case .vehicleChanged = event.body { json.field("fleet_id", event.fleetID) }
        json.endObject()

        switch event.body {
        case let .vehicleChanged(reasons, vehicle, stateCapabilities):
            json.field("reasons", reasons.map(\.raw))
            json.key("vehicle")
            Self.write(vehicle, stateCapabilities: stateCapabilities, into: &json)
        case let .vehicleStateRecorded(state):
            json.field("vehicle_id", event.vehicleID)
            json.key("vehicle_state")
            Self.write(state, into: &json)
        case let .tripStarted(tripID, start):
            json.key("trip")
            json.beginObject()
            json.field("id", tripID)
            json.field("vehicle_id", event.vehicleID)
            json.key("start")
            write(start, into: &json)
            json.endObject()
        case let .tripEnded(tripID, start, end):
            json.key("trip")
            json.beginObject()
            json.field("id", tripID)
            json.field("vehicle_id", event.vehicleID)
            json.key("start")
            write(start, into: &json)
            json.key("end")
            write(end, into: &json)
            json.endObject()
        case let .tripMetricsReady(tripID, distance, duration, maxSpeed):
            json.key("trip")
            json.beginObject()
            json.field("id", tripID)
            json.field("vehicle_id", event.vehicleID)
            json.field("distance_in_kilometers", distance)
            json.field("duration_in_seconds", duration)
            json.field("max_speed_in_kilometers_per_hour", maxSpeed)
            json.endObject()
        case let .tripDiscarded(tripID, reason):
            json.key("trip")
            json.beginObject()
            json.field("id", tripID)
            json.field("vehicle_id", event.vehicleID)
            json.field("reason", reason)
            json.endObject()
        case let .smokeDetected(incidentID, detectedAt, position):
            json.field("vehicle_id", event.vehicleID)
            json.field("smoke_event_id", incidentID)
            json.field("detected_at", detectedAt.iso8601)
            json.key("position")
            Self.write(position, into: &json)
        case let .smokeDataReady(incidentID, startedAt, endedAt, maxPM25, samples):
            json.field("vehicle_id", event.vehicleID)
            json.field("smoke_event_id", incidentID)
            json.field("started_at", startedAt.iso8601)
            json.field("ended_at", endedAt.iso8601)
            json.field("max_pm2_5_in_micrograms_per_cubic_meter", maxPM25)
            json.key("samples")
            json.beginArray()
            for sample in samples {
                json.beginObject()
                json.field("timestamp", sample.timestamp.iso8601)
                json.field("pm2_5", sample.pm25)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        return json.bytes
    }

    private func write(_ point: TripPoint, into json: inout JSONWriter) {
        json.beginObject()
        if let time = point.time { json.field("time", time.iso8601) }
        if let position = point.position {
            json.key("position")
            Self.write(position, into: &json)
        }
        if let mileage = point.mileageKilometers { json.field("mileage_in_kilometers", mileage) }
        json.endObject()
    }

    static func write(_ position: Position, into json: inout JSONWriter) {
        json.beginObject()
        json.field("lat", position.lat)
        json.field("lon", position.lon)
        json.endObject()
    }

    /// A vehicle resource (`VehicleChanged.vehicle`, an item of `GET /vehicles`).
    public static func write(_ vehicle: VehicleResource, stateCapabilities: [String]? = nil,
                             into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", vehicle.id)
        json.field("fleet_id", ifPresent: vehicle.fleetID)
        if let m = vehicle.masterData {
            json.key("master_data")
            json.beginObject()
            json.field("vin", ifPresent: m.vin)
            json.field("license_plate", ifPresent: m.licensePlate)
            json.field("custom_name", ifPresent: m.customName)
            json.field("brand", ifPresent: m.brand)
            json.field("model", ifPresent: m.model)
            json.field("fuel_type", ifPresent: m.fuelType)
            json.field("vehicle_type", ifPresent: m.vehicleType)
            json.endObject()
        }
        if let life = vehicle.lifeStatus {
            json.key("life_status")
            writeStatus(life.value.raw, life.modifiedAt, into: &json)
        }
        if let rental = vehicle.rentalStatus {
            json.key("rental_status")
            writeStatus(rental.value.raw, rental.modifiedAt, into: &json)
        }
        if let operation = vehicle.operationStatus {
            json.key("operation_status")
            json.beginObject()
            json.field("value", operation)
            json.endObject()
        }
        if let tags = vehicle.tags { json.field("tags", tags) }
        if vehicle.commands != nil || stateCapabilities != nil {
            json.key("capabilities")
            json.beginObject()
            if let commands = vehicle.commands { json.field("commands", commands) }
            if let stateCapabilities { json.field("vehicle_state", stateCapabilities) }
            json.endObject()
        }
        json.endObject()
    }

    private static func writeStatus(_ value: String, _ modifiedAt: Timestamp?, into json: inout JSONWriter) {
        json.beginObject()
        json.field("value", value)
        if let modifiedAt { json.field("modified_at", modifiedAt.iso8601) }
        json.endObject()
    }

    /// A vehicle-state object (`VehicleStateRecorded.vehicle_state`, a command's 200 answer): every property
    /// present is `{"timestamp": …, "value": …}`.
    public static func write(_ state: VehicleState, into json: inout JSONWriter) {
        json.beginObject()
        if let r = state.centralLock { reading("central_lock", r.timestamp, into: &json) { $0.string(r.value.raw) } }
        if let r = state.position { reading("position", r.timestamp, into: &json) { write(r.value, into: &$0) } }
        if let r = state.chargeOrFuelPercent {
            reading("state_of_charge_or_fuel_level_in_percent", r.timestamp, into: &json) { $0.number(r.value) }
        }
        if let r = state.remainingRangeKilometers {
            reading("remaining_range_in_kilometers", r.timestamp, into: &json) { $0.number(r.value) }
        }
        if let r = state.mileageKilometers {
            reading("mileage_in_kilometers", r.timestamp, into: &json) { $0.number(r.value) }
        }
        if let r = state.drivingEnabled { reading("driving_enabled", r.timestamp, into: &json) { $0.bool(r.value) } }
        if let r = state.ignition { reading("ignition", r.timestamp, into: &json) { $0.string(r.value) } }
        if let r = state.cellularSignalQuality {
            reading("cellular_signal_quality", r.timestamp, into: &json) { $0.number(r.value) }
        }
        json.endObject()
    }

    /// The vehicle state as a standalone JSON body (the REST server's 200 answer to a command).
    public static func body(for state: VehicleState) -> [UInt8] {
        var json = JSONWriter()
        write(state, into: &json)
        return json.bytes
    }

    private static func reading(_ name: String, _ timestamp: Timestamp?, into json: inout JSONWriter,
                                value: (inout JSONWriter) -> Void) {
        json.key(name)
        json.beginObject()
        if let timestamp { json.field("timestamp", timestamp.iso8601) }
        json.key("value")
        value(&json)
        json.endObject()
    }
}
