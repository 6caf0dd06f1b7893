import FleetCore

/// A realistic mix of INVERS event bodies, shaped like the contract's samples: mostly telematics readings and
/// vehicle changes, then trips, and rare smoke events. Every body has its own event id, so none is a duplicate.
public enum EventMix {
    /// `count` bodies about `vehicles` vehicles; `first` numbers them on from an earlier call (ids and times
    /// continue, so bodies made in chunks are as distinct as bodies made at once).
    public static func bodies(count: Int, vehicles: Int, first: Int = 0) -> [[UInt8]] {
        var rng = SplitMix64(seed: 42 &+ UInt64(first))
        var result: [[UInt8]] = []
        result.reserveCapacity(count)
        for i in first..<(first + count) {
            let v = "V\(String(Int(rng.next() % UInt64(vehicles)), radix: 36).uppercased())"
            let id = "\(String(rng.next(), radix: 16))-\(i)"
            let second = i % 60
            let minute = (i / 60) % 60
            let at = "2026-11-28T1\((i / 3600) % 10):\(minute < 10 ? "0" : "")\(minute):\(second < 10 ? "0" : "")\(second).\(i % 1000)Z"
            let roll = rng.next() % 100
            let body: String
            switch roll {
            case 0..<45: body = reading(id, v, at, lat: 52.5 + Double(rng.next() % 1000) / 10_000)
            case 45..<60: body = change(id, v, at, reason: "RENTAL_STATUS_CHANGED", rental: roll % 2 == 0 ? "IN_RENTAL" : "NOT_IN_RENTAL")
            case 60..<70: body = change(id, v, at, reason: "LIFE_STATUS_CHANGED", rental: "NOT_IN_RENTAL")
            case 70..<80: body = trip(id, v, at, type: "TripStarted", extra: #""start": {"time": "\#(at)", "position": {"lat": 52.520008, "lon": 13.404954}, "mileage_in_kilometers": 48190}"#)
            case 80..<90: body = trip(id, v, at, type: "TripEnded", extra: #""start": {"time": "\#(at)", "mileage_in_kilometers": 48190}, "end": {"time": "\#(at)", "position": {"lat": 52.507629, "lon": 13.390046}, "mileage_in_kilometers": 48211}"#)
            case 90..<97: body = trip(id, v, at, type: "TripMetricsReady", extra: #""distance_in_kilometers": 21.4, "duration_in_seconds": 1541, "max_speed_in_kilometers_per_hour": 71"#)
            case 97..<99: body = trip(id, v, at, type: "TripDiscarded", extra: #""reason": "TOO_SHORT""#)
            default: body = #"{"metadata": {"id": "\#(id)", "type": "SmokeDetected", "version": 1, "occurred_at": "\#(at)"}, "vehicle_id": "\#(v)", "smoke_event_id": "smk_\#(i)", "detected_at": "\#(at)", "position": {"lat": 48.137154, "lon": 11.576124}}"#
            }
            result.append(Array(body.utf8))
        }
        return result
    }

    static func reading(_ id: String, _ v: String, _ at: String, lat: Double) -> String {
        #"""
        {"metadata": {"id": "\#(id)", "type": "VehicleStateRecorded", "version": 1, "occurred_at": "\#(at)", "flow_id": "2c1b0a99-8877-4655-a443-3221100ffeed"},
         "vehicle_id": "\#(v)",
         "vehicle_state": {
           "central_lock": {"timestamp": "\#(at)", "value": "LOCKED"},
           "position": {"timestamp": "\#(at)", "value": {"lat": \#(lat), "lon": 13.404954}},
           "state_of_charge_or_fuel_level_in_percent": {"timestamp": "\#(at)", "value": 78},
           "mileage_in_kilometers": {"timestamp": "\#(at)", "value": 48211},
           "driving_enabled": {"timestamp": "\#(at)", "value": false},
           "ignition": {"timestamp": "\#(at)", "value": "OFF"}}}
        """#
    }

    static func change(_ id: String, _ v: String, _ at: String, reason: String, rental: String) -> String {
        #"""
        {"metadata": {"id": "\#(id)", "type": "VehicleChanged", "version": 1, "occurred_at": "\#(at)", "fleet_id": "EXFL29"},
         "reasons": ["\#(reason)"],
         "vehicle": {"id": "\#(v)", "fleet_id": "EXFL29",
           "master_data": {"vin": "WVWZZZAUZKW000135", "license_plate": "B-FW 832", "custom_name": "Golf 7", "brand": "Volkswagen", "model": "e-Golf"},
           "life_status": {"value": "ONLINE", "modified_at": "\#(at)"},
           "rental_status": {"value": "\#(rental)", "modified_at": "\#(at)"},
           "operation_status": {"value": "OPERATING"}, "tags": ["berlin-mitte"]}}
        """#
    }

    static func trip(_ id: String, _ v: String, _ at: String, type: String, extra: String) -> String {
        #"{"metadata": {"id": "\#(id)", "type": "\#(type)", "version": 2, "occurred_at": "\#(at)"}, "trip": {"id": "trp_\#(v)_\#(id.suffix(4))", "vehicle_id": "\#(v)", \#(extra)}}"#
    }
}
