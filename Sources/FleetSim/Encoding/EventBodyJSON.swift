import FleetCore

/// A simulated event's body as INVERS sends it: `metadata` and the members of its type, in the shapes of the
/// contract's `samples/*.json`.
struct EventBodyJSON: Encodable {
    let event: SimEvent

    private enum Key: String, CodingKey {
        case metadata, reasons, vehicle, trip, position, samples
        case vehicleID = "vehicle_id", vehicleState = "vehicle_state", smokeEventID = "smoke_event_id"
        case detectedAt = "detected_at", startedAt = "started_at", endedAt = "ended_at"
        case maxPM25 = "max_pm2_5_in_micrograms_per_cubic_meter"
    }

    private enum MetadataKey: String, CodingKey {
        case id, type, version
        case occurredAt = "occurred_at", flowID = "flow_id", fleetID = "fleet_id"
    }

    private enum TripKey: String, CodingKey {
        case id, start, end, reason
        case vehicleID = "vehicle_id", distance = "distance_in_kilometers", duration = "duration_in_seconds"
        case maxSpeed = "max_speed_in_kilometers_per_hour"
    }

    private enum SampleKey: String, CodingKey { case timestamp, pm25 = "pm2_5" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        var metadata = c.nestedContainer(keyedBy: MetadataKey.self, forKey: .metadata)
        try metadata.encode(event.id, forKey: .id)
        try metadata.encode(event.type.name, forKey: .type)
        try metadata.encode(event.version, forKey: .version)
        try metadata.encode(event.occurredAt.iso8601, forKey: .occurredAt)
        try metadata.encodeIfPresent(event.flowID, forKey: .flowID)
        if case .vehicleChanged = event.body { try metadata.encode(event.fleetID, forKey: .fleetID) }

        /// `trip`: its id, its vehicle, and what `members` adds.
        func trip(_ id: String, _ members: (inout KeyedEncodingContainer<TripKey>) throws -> Void) throws {
            var trip = c.nestedContainer(keyedBy: TripKey.self, forKey: .trip)
            try trip.encode(id, forKey: .id)
            try trip.encode(event.vehicleID, forKey: .vehicleID)
            try members(&trip)
        }
        switch event.body {
        case let .vehicleChanged(reasons, vehicle, stateCapabilities):
            try c.encode(reasons.map(\.raw), forKey: .reasons)
            try c.encode(VehicleResourceJSON(vehicle, stateCapabilities: stateCapabilities), forKey: .vehicle)
        case let .vehicleStateRecorded(state):
            try c.encode(event.vehicleID, forKey: .vehicleID)
            try c.encode(VehicleStateJSON(state), forKey: .vehicleState)
        case let .tripStarted(tripID, start):
            try trip(tripID) { try $0.encode(TripPointJSON(start), forKey: .start) }
        case let .tripEnded(tripID, start, end):
            try trip(tripID) {
                try $0.encode(TripPointJSON(start), forKey: .start)
                try $0.encode(TripPointJSON(end), forKey: .end)
            }
        case let .tripMetricsReady(tripID, distance, duration, maxSpeed):
            try trip(tripID) {
                try $0.encodeNumber(distance, forKey: .distance)
                try $0.encodeNumber(duration, forKey: .duration)
                try $0.encodeNumber(maxSpeed, forKey: .maxSpeed)
            }
        case let .tripDiscarded(tripID, reason):
            try trip(tripID) { try $0.encode(reason, forKey: .reason) }
        case let .smokeDetected(incidentID, detectedAt, position):
            try c.encode(event.vehicleID, forKey: .vehicleID)
            try c.encode(incidentID, forKey: .smokeEventID)
            try c.encode(detectedAt.iso8601, forKey: .detectedAt)
            try c.encode(PositionJSON(position), forKey: .position)
        case let .smokeDataReady(incidentID, startedAt, endedAt, maxPM25, samples):
            try c.encode(event.vehicleID, forKey: .vehicleID)
            try c.encode(incidentID, forKey: .smokeEventID)
            try c.encode(startedAt.iso8601, forKey: .startedAt)
            try c.encode(endedAt.iso8601, forKey: .endedAt)
            try c.encodeNumber(maxPM25, forKey: .maxPM25)
            var list = c.nestedUnkeyedContainer(forKey: .samples)
            for sample in samples {
                var s = list.nestedContainer(keyedBy: SampleKey.self)
                try s.encode(sample.timestamp.iso8601, forKey: .timestamp)
                try s.encodeNumber(sample.pm25, forKey: .pm25)
            }
        }
    }
}
