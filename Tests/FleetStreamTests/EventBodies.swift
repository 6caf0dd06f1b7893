import AMQP
import FleetCore

/// Bodies and headers shaped like the contract's samples (`Tests/FleetCoreTests/Fixtures`), one per event type, with a
/// given event id and vehicle, so that tests can publish thousands of distinct events.
enum EventBodies {
    static let allTypes: [String] = [
        "VehicleChanged", "VehicleStateRecorded", "TripStarted", "TripEnded", "TripMetricsReady", "TripDiscarded",
        "SmokeDetected", "SmokeDataReady", "FuelCardUsed",
    ]

    static func body(type: String, id: String, vehicle: String) -> String {
        let metadata = #""metadata": { "id": "\#(id)", "type": "\#(type)", "version": 1, "occurred_at": "2026-11-28T10:15:02.123Z", "fleet_id": "EXFL29" }"#
        switch type {
        case "VehicleChanged", "VehicleChange":
            return #"{ \#(metadata), "reasons": ["RENTAL_STATUS_CHANGED"], "vehicle": { "id": "\#(vehicle)", "fleet_id": "EXFL29", "master_data": { "license_plate": "B-FW 832", "custom_name": "Golf 7" }, "life_status": { "value": "ONLINE", "modified_at": "2026-11-28T08:00:11Z" }, "rental_status": { "value": "IN_RENTAL", "modified_at": "2026-11-28T10:15:01Z" } } }"#
        case "VehicleStateRecorded":
            return #"{ \#(metadata), "vehicle_id": "\#(vehicle)", "vehicle_state": { "central_lock": { "timestamp": "2026-11-28T10:21:04Z", "value": "LOCKED" }, "mileage_in_kilometers": { "timestamp": "2026-11-28T10:21:04Z", "value": 48211 } } }"#
        case "TripStarted", "TripEnded", "TripMetricsReady", "TripDiscarded":
            return #"{ \#(metadata), "trip": { "id": "trp_\#(id)", "vehicle_id": "\#(vehicle)", "start": { "time": "2026-11-28T10:15:28Z", "position": { "lat": 52.52, "lon": 13.40 } }, "distance_in_kilometers": 21.4 } }"#
        case "SmokeDetected", "SmokeDataReady":
            return #"{ \#(metadata), "vehicle_id": "\#(vehicle)", "smoke_event_id": "smk_7Q2W", "detected_at": "2026-11-28T12:00:03Z" }"#
        default:
            return #"{ \#(metadata), "vehicle_id": "\#(vehicle)", "liters": 31 }"#
        }
    }

    /// A message as INVERS would publish it: JSON body, `message_id`, and the legacy headers.
    static func message(type: String, id: String, vehicle: String, queue: String) -> AMQPMessage {
        AMQPMessage(routingKey: queue, body: Array(body(type: type, id: id, vehicle: vehicle).utf8), messageID: id,
                    headers: ["Message-Type": type, "Message-Version": "1", "Flow-ID": "flow-\(id)"])
    }
}
