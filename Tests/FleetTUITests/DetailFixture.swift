import FleetCore
import TestSupport
@testable import FleetTUI

/// The fixture fleet with more of JQ7RP known (capabilities, a full reading, an event caused by someone's REST
/// call), and a lock of it sent from the dashboard, for the detail view and the confirmation screens.
extension Fixture {
    static let flowID = "5e77e3e3-48ab-4955-8ab3-1c62339096ab"
    static let capabilities = ["REQUEST_VEHICLE_STATE", "LOCK_CENTRAL_LOCK", "UNLOCK_CENTRAL_LOCK"]

    static func detailFleet() -> FleetState {
        var state = fleet()
        let jq = VehicleResource(id: "JQ7RP", masterData: MasterData(brand: "VW", model: "Golf"),
                                 operationStatus: "OPERATIVE", commands: capabilities)
        state.apply(Event(id: "caps", type: .vehicleChanged, occurredAt: time("09:00:10"), vehicleID: "JQ7RP",
                          payload: .vehicleChanged(VehicleChange(reasons: [.masterDataChanged], vehicle: jq))))
        let at = time("12:10:00")
        state.apply(Event(id: "reading", type: .vehicleStateRecorded, occurredAt: at, flowID: "someone-elses-flow",
                          vehicleID: "JQ7RP", payload: .vehicleStateRecorded(VehicleState(
                              centralLock: Reading(.unlocked, at: at), position: Reading(Position(lat: 52.52, lon: 13.405), at: at),
                              chargeOrFuelPercent: Reading(64, at: at), remainingRangeKilometers: Reading(210, at: at),
                              mileageKilometers: Reading(12_345.6, at: at), drivingEnabled: Reading(true, at: at),
                              ignition: Reading("OFF", at: at)))))
        return state
    }

    /// The stream's reading caused by the dashboard's lock (carrying its flow id).
    static func lockedByTheCommand(at hms: String = "12:30:01") -> Event {
        Event(id: "confirming", type: .vehicleStateRecorded, occurredAt: time(hms), flowID: flowID, vehicleID: "JQ7RP",
              payload: .vehicleStateRecorded(VehicleState(centralLock: Reading(.locked, at: time(hms)))))
    }

    /// JQ7RP locked from the dashboard and answered 200 (the answer's state in the store): sent, not yet confirmed.
    static func lockSent(_ model: inout DashboardModel, _ state: inout FleetState, index: RowIndex) {
        _ = model.update(.key(.down), rows: index.rows(for: state, filter: .none))  // A81TZ, JQ7RP, …
        for key in [Key.character("L"), .character("y")] {
            _ = model.update(.key(key), rows: index.rows(for: state, filter: .none))
        }
        let answer = VehicleState(centralLock: Reading(.locked, at: wall))
        state.applyCommandResult(vehicleID: "JQ7RP", state: answer, receivedAt: wall)
        model.now += 0.5  // a binary fraction: delays compare exactly
        _ = model.update(.commandFinished(vehicleID: "JQ7RP", command: .lockCentralLock,
                                          result: .success(CommandResult(state: answer, flowID: flowID))),
                         rows: index.rows(for: state, filter: .none))
    }
}
