import FleetCore
import FleetSim
import FleetSimREST
import Testing

/// The stand-in writes what the client's decoder reads: every field survives the round trip.
@Suite struct VehicleJSONTests {
    @Test func vehicleResourceRoundTripsThroughTheCoreDecoder() throws {
        let vehicle = VehicleResource(
            id: "JQ7RP", fleetID: "EXFL29",
            masterData: MasterData(licensePlate: "B-FW 832", customName: "Golf\t\"7\"\\\u{1B}[2J", vin: "WVW123",
                                   brand: "Volkswagen", model: "e-Golf", fuelType: "ELECTRIC", vehicleType: "CAR"),
            lifeStatus: StatusValue(.other("DORMANT"), modifiedAt: Timestamp(iso8601: "2026-11-28T08:00:11.250Z")),
            rentalStatus: StatusValue(.inRental), operationStatus: "GARAGE", tags: ["a", "ü"],
            commands: ["LOCK_CENTRAL_LOCK"])
        let text = VehicleJSON.resource(vehicle)
        let decoded = try VehicleResource(jsonBody: Array(text.utf8))
        #expect(decoded == vehicle)
    }

    @Test func vehicleStateRoundTripsAndOmitsAbsentProperties() throws {
        let at = Timestamp(iso8601: "2026-11-28T10:30:02Z")
        let state = VehicleState(
            centralLock: Reading(.locked, at: at), position: Reading(Position(lat: 52.52, lon: 13.405), at: at),
            chargeOrFuelPercent: Reading(81.5, at: at), remainingRangeKilometers: Reading(210, at: at),
            mileageKilometers: Reading(12_345.6, at: at), drivingEnabled: Reading(false, at: at),
            ignition: Reading("OFF", at: at), cellularSignalQuality: Reading(4, at: at))
        let decoded = try VehicleState(jsonBody: Array(VehicleJSON.state(state).utf8))
        #expect(decoded == state)
        let lockOnly = VehicleJSON.state(VehicleState(centralLock: Reading(.unlocked)))
        #expect(lockOnly == #"{"central_lock":{"value":"UNLOCKED"}}"#)
    }
}
