/// Issue 16's three failures: events whose numbers are valid JSON but extreme (`1e400`, `1e19`, `-1e300`), in
/// trip metrics, smoke data and a vehicle-state reading, each with ordinary fields beside them that must still
/// apply. `outOfRange` is how many of each body's numbers are outside their domain.
public enum ExtremeEvents {
    /// A `TripMetricsReady` whose distance, duration, speed, start mileage, end mileage and start latitude are
    /// extreme (6 values); its times and end position are ordinary.
    public static func tripMetrics(id: String, vehicle: String, at: String = "2026-11-28T10:41:12Z") -> [UInt8] {
        Array("""
            {"metadata": {"id": "\(id)", "type": "TripMetricsReady", "occurred_at": "\(at)"},
             "trip": {"id": "trip-\(id)", "vehicle_id": "\(vehicle)",
              "start": {"time": "2026-11-28T10:16:00Z", "position": {"lat": 1e400, "lon": 13.4},
                        "mileage_in_kilometers": -1e300},
              "end": {"time": "2026-11-28T10:41:00Z", "position": {"lat": 52.52, "lon": 13.41},
                      "mileage_in_kilometers": 1e19},
              "distance_in_kilometers": 1e400, "duration_in_seconds": 1e19, "max_speed_in_kilometers_per_hour": -1e300}}
            """.utf8)
    }
    public static let tripMetricsOutOfRange = 6

    /// A `SmokeDataReady` whose longitude and PM2.5 are extreme (2 values); its incident id and times are ordinary.
    public static func smokeData(id: String, vehicle: String, at: String = "2026-11-28T12:05:00Z") -> [UInt8] {
        Array("""
            {"metadata": {"id": "\(id)", "type": "SmokeDataReady", "occurred_at": "\(at)"}, "vehicle_id": "\(vehicle)",
             "smoke_event_id": "incident-\(id)", "position": {"lat": 52.5, "lon": -1e300},
             "started_at": "2026-11-28T12:00:00Z", "ended_at": "2026-11-28T12:04:00Z",
             "max_pm2_5_in_micrograms_per_cubic_meter": 1e400}
            """.utf8)
    }
    public static let smokeDataOutOfRange = 2

    /// A `VehicleStateRecorded` whose position, charge, range, mileage and signal quality are extreme (5 values);
    /// its central lock (LOCKED) and driving-enabled readings are ordinary.
    public static func vehicleState(id: String, vehicle: String, at: String = "2026-11-28T10:30:00Z") -> [UInt8] {
        Array("""
            {"metadata": {"id": "\(id)", "type": "VehicleStateRecorded", "occurred_at": "\(at)"},
             "vehicle_id": "\(vehicle)", "vehicle_state": {
              "central_lock": {"timestamp": "\(at)", "value": "LOCKED"},
              "driving_enabled": {"timestamp": "\(at)", "value": false},
              "position": {"timestamp": "\(at)", "value": {"lat": 1e19, "lon": 13.4}},
              "state_of_charge_or_fuel_level_in_percent": {"timestamp": "\(at)", "value": 1e400},
              "remaining_range_in_kilometers": {"timestamp": "\(at)", "value": -1e300},
              "mileage_in_kilometers": {"timestamp": "\(at)", "value": 1e19},
              "cellular_signal_quality": {"timestamp": "\(at)", "value": 1e19}}}
            """.utf8)
    }
    public static let vehicleStateOutOfRange = 5
}
