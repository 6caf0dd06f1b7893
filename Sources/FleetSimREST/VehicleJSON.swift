import FleetCore
import FleetSim

/// The JSON the stand-in answers with: the vehicle resource and the vehicle state in the contract's shapes
/// (`samples/rest/vehicles.page1.json`, `samples/rest/command-lock.200.json`). The shapes are written by
/// `VehicleResourceJSON` and `VehicleStateJSON`, the same types that write them into published events, so the two
/// cannot drift apart.
public enum VehicleJSON {
    /// A vehicle resource: `{"id": …, "fleet_id": …, "master_data": {…}, …, "capabilities": {"commands": […]}}`.
    public static func resource(_ vehicle: VehicleResource) -> String {
        StandInJSON.text(VehicleResourceJSON(vehicle))
    }

    /// A vehicle-state object: every present property as `{"timestamp": …, "value": …}`.
    public static func state(_ state: VehicleState) -> String {
        StandInJSON.text(VehicleStateJSON(state))
    }
}
