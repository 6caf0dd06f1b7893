import FleetCore
import FleetSim
import FleetSimREST
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// The stand-in's REST server (branch api) over the simulated fleet, as `fleetsim --api-port` runs it: commands
/// answer 200 with the new state and their reading is queued for publishing with the request's flow id; a moving
/// vehicle or a missing capability answers 409 with the contract's problem type.
@Suite struct RESTOnSimulationTests {
    struct Answer {
        var status: Int
        var json: ParsedJSON?
        var flowID: String?
    }

    func send(_ method: String, _ url: String, authorization: String) async throws -> Answer {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue(authorization, forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Answer(status: http.statusCode, json: ParsedJSON(bytes: Array(data)),
                      flowID: http.value(forHTTPHeaderField: "X-INVERS-Flow-ID"))
    }

    @Test func commandsOnTheSimulatedFleetAnswerAndPublishLikeInvers() async throws {
        let queue = EventQueue()
        var simulation = Simulation(configuration: configuration(vehicles: 60))
        // Advance until some vehicle is on a trip, so there is one to refuse.
        var moving: String?
        for minute in 1...240 where moving == nil {
            _ = simulation.step(until: fixedStart.adding(seconds: Double(minute) * 60))
            moving = simulation.vehicleIDs.first { simulation.isMoving($0) == true }
        }
        let movingID = try #require(moving)
        let sim = simulation
        let car = try #require(sim.vehicleIDs.first {
            sim.commands(ofVehicle: $0)?.contains("LOCK_CENTRAL_LOCK") == true && sim.isOnline($0) == true
                && sim.isMoving($0) == false
        })
        let moped = try #require(sim.vehicleIDs.first { sim.commands(ofVehicle: $0)?.contains("LOCK_CENTRAL_LOCK") == false })
        let fleet = PublishingRun.makeFleet(simulation, pacing: .burst, queue: queue)

        let server = InversStandInServer(backend: fleet, configuration: StandInConfiguration(
            clientID: "fleet#1", clientSecret: "s3cret", commandLatency: .milliseconds(10)))
        let running = try await server.start()

        let basic = "Basic " + Data("fleet%231:s3cret".utf8).base64EncodedString()
        let token = try await send("POST", running.baseURL + "/auth/oauth/token?grant_type=client_credentials",
                                   authorization: basic)
        #expect(token.status == 200)
        let bearer = "Bearer " + (try #require(token.json?["access_token"]?.string))

        let vehicles = try await send("GET", running.baseURL + "/vehicles?limit=1000", authorization: bearer)
        #expect(vehicles.status == 200 && vehicles.json?["items"]?.elements?.count == 60)

        let locked = try await send("POST", running.baseURL + "/vehicles/\(car)/commands/lock-central-lock",
                                    authorization: bearer)
        #expect(locked.status == 200)
        #expect(locked.json?["central_lock"]?["value"]?.string == "LOCKED")
        let flowID = try #require(locked.flowID)
        let published = queue.takeAll()
        let reading = try #require(published.first { $0.flowID == flowID }, "the command's reading is queued")
        #expect(reading.vehicleID == car && reading.type == .vehicleStateRecorded)

        let refused = try await send("POST", running.baseURL + "/vehicles/\(movingID)/commands/unlock-central-lock",
                                     authorization: bearer)
        #expect(refused.status == 409)
        #expect(refused.json?["type"]?.string == "/problems/vehicle/conflicting-state")

        let unsupported = try await send("POST", running.baseURL + "/vehicles/\(moped)/commands/lock-central-lock",
                                         authorization: bearer)
        #expect(unsupported.status == 409)
        #expect(unsupported.json?["type"]?.string == "/problems/vehicle/command-not-supported")
        #expect(!queue.takeAll().contains { $0.flowID != nil }, "refused commands publish nothing")
        await running.stop()
    }
}
