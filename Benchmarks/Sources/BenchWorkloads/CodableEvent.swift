/// The baseline's model: what a straightforward Codable decoder of the same events would declare.
public struct CodableEvent: Decodable {
    public struct Metadata: Decodable {
        public var id: String
        var type: String
        var occurred_at: String?
        var flow_id: String?
    }
    struct Status: Decodable { var value: String; var modified_at: String? }
    struct MasterData: Decodable { var license_plate: String?; var custom_name: String?; var brand: String?; var model: String? }
    struct Vehicle: Decodable {
        var id: String
        var master_data: MasterData?
        var life_status: Status?
        var rental_status: Status?
        var tags: [String]?
    }
    struct Position: Decodable { var lat: Double; var lon: Double }
    struct Reading<V: Decodable>: Decodable { var timestamp: String?; var value: V }
    struct VehicleState: Decodable {
        var central_lock: Reading<String>?
        var position: Reading<Position>?
        var state_of_charge_or_fuel_level_in_percent: Reading<Double>?
        var mileage_in_kilometers: Reading<Double>?
        var driving_enabled: Reading<Bool>?
        var ignition: Reading<String>?
    }
    struct TripPoint: Decodable { var time: String?; var position: Position?; var mileage_in_kilometers: Double? }
    struct Trip: Decodable {
        var id: String
        var vehicle_id: String
        var start: TripPoint?
        var end: TripPoint?
        var distance_in_kilometers: Double?
        var duration_in_seconds: Double?
        var reason: String?
    }
    public var metadata: Metadata
    var reasons: [String]?
    var vehicle: Vehicle?
    var vehicle_id: String?
    var vehicle_state: VehicleState?
    var trip: Trip?
    var smoke_event_id: String?
    var position: Position?
}
