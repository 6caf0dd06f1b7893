import InversAnswers
import Testing
import TestSupport

/// The contract's REST samples (`Tests/FleetCoreTests/Fixtures/rest`) read through `APIAnswer`, as the client
/// reads them.
@Suite struct RESTSampleTests {
    func answer(_ status: Int, _ fixture: String) -> APIAnswer {
        APIAnswer(status: status, reasonPhrase: "", headers: [], body: Fixture.bytes("rest/\(fixture)"))
    }

    @Test func theTokenSample() throws {
        let grant = try answer(200, "token.json").token()
        #expect(grant.accessToken.value == "eyJraWQiOiJzYW1wbGUiLCJhbGciOiJSUzI1NiJ9.sample.signature")
        #expect(grant.lifetime == .seconds(900))
        #expect(grant.note == nil)
    }

    @Test func theVehiclePages() throws {
        let first = try answer(200, "vehicles.page1.json").vehiclePage()
        #expect(first.vehicles.map(\.id) == ["JQ7RP"])
        #expect(first.vehicles[0].rentalStatus?.value == .notInRental)
        #expect(first.vehicles[0].masterData?.licensePlate == "B-FW 832")
        #expect(first.vehicles[0].commands == ["LOCK_CENTRAL_LOCK", "UNLOCK_CENTRAL_LOCK"])
        #expect(first.skipped.isEmpty)
        #expect(first.nextCursor == "Y3Vyc29yOjE=")
        let last = try answer(200, "vehicles.page2.json").vehiclePage()
        #expect(last.vehicles.map(\.id) == ["K2M9X"])
        #expect(last.nextCursor == nil)
    }

    @Test func theCommandSample() throws {
        let result = try answer(200, "command-lock.200.json").commandState()
        #expect(result.state.centralLock?.value == .locked)
        #expect(result.state.drivingEnabled?.value == false)
    }

    @Test func theProblemSamples() {
        let conflict = answer(409, "problem.409.conflicting-state.json")
        #expect(conflict.problemType == "/problems/vehicle/conflicting-state")
        let failure = conflict.failure()
        #expect(failure.title == "The command cannot be executed due to the current state of the vehicle.")
        #expect(failure.detail == "Unable to execute the command while the vehicle 'JQ7RP' is moving.")
        #expect(failure.flowID == "5e77e3e3-48ab-4955-8ab3-1c62339096ab")
        #expect(answer(429, "problem.429.json").failure().flowID == "6f88f4f4-59bc-4a66-9bcd-2d73344a07bc")
    }
}
