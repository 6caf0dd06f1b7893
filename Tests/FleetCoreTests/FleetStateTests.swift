import Testing
import TestSupport

/// The store's contract: idempotent, order-independent, respectful of time, bounded.
@Suite struct FleetStateTests {
    func samples() -> [Event] {
        Fixture.eventSamples.map { TestEvents.decode(Fixture.bytes($0)) }
    }

    @Test func samplesBuildTheFleet() {
        var state = FleetState()
        for event in samples() { state.apply(event) }
        #expect(state.counts.vehicles == 2)
        let golf = try! #require(state["JQ7RP"])
        #expect(golf.plate?.value == "B-FW 833")  // the master-data change is newer than the rental event
        #expect(golf.name?.value == "Golf 7 (new plate)")
        #expect(golf.rentalStatus?.value == .inRental)
        #expect(golf.centralLock?.value == .locked)
        #expect(golf.chargeOrFuelPercent?.value == 78)
        #expect(golf.trip?.tripID == "trp_01JD8Q4W6Z3K")
        #expect(golf.trip?.distanceKilometers == 21.4)
        #expect(golf.trip?.endedAt != nil)
        let zoe = try! #require(state["K2M9X"])
        #expect(zoe.lifeStatus?.value == .offline)
        #expect(zoe.smoke?.incidentID == "smk_7Q2W")
        #expect(zoe.hasActiveSmoke == false)  // SmokeDataReady ended the incident
        #expect(state.counts.online == 1)
        #expect(state.counts.inRental == 1)
        #expect(state.rentals.count == 1)
        #expect(state.lifeChanges.count == 1)
        #expect(state.trips.count == 4)
        #expect(state.smoke.count == 2)
        #expect(state.eventsApplied == 10)
        #expect(state.eventsByType["VehicleChanged"] == 3)
    }

    @Test func applyingTheSameEventTwiceChangesNothing() {
        var once = FleetState()
        var twice = FleetState()
        for event in samples() {
            once.apply(event)
            #expect(twice.apply(event) == .applied)
            #expect(twice.apply(event) == .duplicate)
        }
        #expect(once == twice)
        #expect(twice.duplicatesIgnored == 10)
    }

    @Test func theSameEventsInAnyOrderGiveTheSameState() {
        let events = samples() + (0..<40).map { i in
            TestEvents.decode(TestEvents.lockReading(
                id: "lock-\(i)", vehicle: i % 2 == 0 ? "JQ7RP" : "K2M9X",
                at: "2026-11-28T11:\(10 + i % 7):00Z", lock: i % 3 == 0 ? "LOCKED" : "UNLOCKED"))
        } + (0..<20).map { i in
            TestEvents.decode(TestEvents.vehicleChanged(
                id: "life-\(i)", vehicle: "V\(i % 5)", at: "2026-11-28T09:0\(i % 4):00Z",
                life: i % 2 == 0 ? "ONLINE" : "OFFLINE", plate: "P-\(i % 3)"))
        }
        var reference = FleetState()
        for event in events { reference.apply(event) }
        var generator = SplitMix64(seed: 7)
        for _ in 0..<25 {
            var state = FleetState()
            for event in events.shuffled(using: &generator) { state.apply(event) }
            #expect(state == reference)
        }
        var reversed = FleetState()
        for event in events.reversed() { reversed.apply(event) }
        #expect(reversed == reference)
    }

    /// Found by fuzz-events (7 Dec): a `TripStarted` without `occurred_at` and a `TripEnded` that gives the same
    /// trip another start time ended in a different trip in each order, as the last report to arrive won. Now
    /// the newest report of each value wins; a reported end time wins over the time a `TripEnded` occurred.
    @Test func reportsOfOneTripOrIncidentThatDisagreeGiveOneStateInAnyOrder() {
        let events = [
            trip("started", "trp_1", .tripStarted, at: nil, start: "10:15:28"),
            trip("ended", "trp_1", .tripEnded, at: "10:41:12", start: "10:33:28", end: "10:41:09"),
            trip("ended-again", "trp_1", .tripEnded, at: "10:42:00"),  // no end time: the reported one still wins
            trip("metrics", "trp_1", .tripMetricsReady, at: "10:43:00", km: 21.4),
            trip("metrics-corrected", "trp_1", .tripMetricsReady, at: "10:44:00", km: 21.9),
            smoke("smoke-data", "smk_1", .smokeDataReady, at: "12:05:00", ended: "12:04:00", pm25: 310),
            smoke("smoke-data-corrected", "smk_1", .smokeDataReady, at: "12:06:00", ended: "12:04:30", pm25: 320),
        ]
        let forward = applied(events), reversed = applied(events.reversed())
        #expect(forward == reversed)
        let trip = try! #require(forward["V"]?.trip)
        #expect(trip.startedAt == at("10:33:28") && trip.endedAt == at("10:41:09") && trip.distanceKilometers == 21.9)
        let incident = try! #require(forward["V"]?.smoke)
        #expect(incident.endedAt == at("12:04:30") && incident.maxPM25 == 320)
    }

    /// The metrics of a vehicle's last trip often arrive after its next trip started: they leave the next trip
    /// current, and its end still applies. Before, their time (after the last trip) made the last trip current
    /// again and the next one's end was dropped as older. Smoke the same way: an earlier incident's data, without
    /// its start, hid a newer incident that was still active.
    @Test func aLateReportOfAnEarlierTripOrIncidentLeavesTheNewerOneCurrent() {
        let events = [
            trip("a-started", "trp_A", .tripStarted, at: "10:00:00", start: "10:00:00"),
            trip("a-ended", "trp_A", .tripEnded, at: "10:25:00", start: "10:00:00", end: "10:25:00"),
            trip("b-started", "trp_B", .tripStarted, at: "10:30:00", start: "10:30:00"),
            trip("a-metrics", "trp_A", .tripMetricsReady, at: "10:40:00", km: 12.5),
            trip("b-ended", "trp_B", .tripEnded, at: "10:50:00", start: "10:30:00", end: "10:50:00"),
            smoke("s1-detected", "smk_1", .smokeDetected, at: "10:00:00", detected: "10:00:00"),
            smoke("s2-detected", "smk_2", .smokeDetected, at: "11:00:00", detected: "11:00:00"),
            smoke("s1-data", "smk_1", .smokeDataReady, at: "11:05:00"),
        ]
        let inOrder = applied(events)
        #expect(inOrder == applied(events.reversed()))
        #expect(inOrder["V"]?.trip?.tripID == "trp_B" && inOrder["V"]?.trip?.endedAt == at("10:50:00"))
        #expect(inOrder["V"]?.smoke?.incidentID == "smk_2" && inOrder["V"]?.hasActiveSmoke == true)
        #expect(inOrder.counts.activeSmoke == 1)
        #expect(inOrder.trips.count == 5)  // the Trips pane still lists every trip event, the late metrics too
    }

    @Test func anOlderReadingDoesNotOverwriteANewerLockState() {
        var state = FleetState()
        state.apply(TestEvents.decode(TestEvents.lockReading(id: "new", vehicle: "JQ7RP", at: "2026-11-28T10:30:00Z", lock: "LOCKED")))
        state.apply(TestEvents.decode(TestEvents.lockReading(id: "old", vehicle: "JQ7RP", at: "2026-11-28T10:20:00Z", lock: "UNLOCKED")))
        #expect(state["JQ7RP"]?.centralLock?.value == .locked)
    }

    @Test func aPropertyUsesItsOwnTimestampOverTheEventTime() {
        var state = FleetState()
        // Sent later, but measured earlier than the reading already held.
        state.apply(TestEvents.decode(TestEvents.lockReading(id: "a", vehicle: "V", at: "2026-11-28T10:00:00Z", lock: "LOCKED",
                                                             readAt: "2026-11-28T10:00:00Z")))
        state.apply(TestEvents.decode(TestEvents.lockReading(id: "b", vehicle: "V", at: "2026-11-28T10:05:00Z", lock: "UNLOCKED",
                                                             readAt: "2026-11-28T09:59:00Z")))
        #expect(state["V"]?.centralLock?.value == .locked)
    }

    @Test func anEventOlderThanTheSnapshotDoesNotRegressIt() {
        var state = FleetState()
        let snapshotTime = Timestamp(iso8601: "2026-11-28T10:00:00Z")!
        state.seed([VehicleResource(id: "JQ7RP", masterData: MasterData(licensePlate: "B-FW 832"),
                                    lifeStatus: StatusValue(.online))], asOf: snapshotTime)
        #expect(state["JQ7RP"]?.isOnline == true)
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(
            id: "late", vehicle: "JQ7RP", at: "2026-11-28T09:00:00Z", life: "OFFLINE", plate: "OLD")))
        #expect(state["JQ7RP"]?.isOnline == true)
        #expect(state["JQ7RP"]?.plate?.value == "B-FW 832")
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(
            id: "live", vehicle: "JQ7RP", at: "2026-11-28T10:05:00Z", life: "OFFLINE")))
        #expect(state["JQ7RP"]?.isOnline == false)
        #expect(state.counts.online == 0)
    }

    @Test func aCommandResultShowsAtOnce() {
        var state = FleetState()
        state.seed([VehicleResource(id: "JQ7RP")], asOf: Timestamp(iso8601: "2026-11-28T10:00:00Z")!)
        let result = VehicleState(centralLock: Reading(.locked, at: Timestamp(iso8601: "2026-11-28T10:30:02Z")))
        state.applyCommandResult(vehicleID: "JQ7RP", state: result, receivedAt: Timestamp(iso8601: "2026-11-28T10:30:03Z")!)
        #expect(state["JQ7RP"]?.centralLock?.value == .locked)
    }

    @Test func countsFollowTheVehicles() {
        var state = FleetState()
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(id: "1", vehicle: "A", at: "2026-11-28T10:00:00Z",
                                                                reasons: ["RENTAL_STATUS_CHANGED"], life: "ONLINE", rental: "IN_RENTAL")))
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(id: "2", vehicle: "B", at: "2026-11-28T10:00:00Z", life: "ONLINE")))
        #expect(state.counts == counts(vehicles: 2, online: 2, inRental: 1))
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(id: "3", vehicle: "A", at: "2026-11-28T10:01:00Z",
                                                                reasons: ["RENTAL_STATUS_CHANGED"], rental: "NOT_IN_RENTAL")))
        #expect(state.counts == counts(vehicles: 2, online: 2, inRental: 0))
        #expect(state.rentals.entries.map(\.kind) == [.rental(.inRental), .rental(.notInRental)])
    }

    @Test func aSmokeIncidentIsActiveUntilItsDataIsReady() {
        var state = FleetState()
        let detected = TestEvents.decode(Fixture.bytes("smoke-detected.json"))
        state.apply(detected)
        #expect(state.counts.activeSmoke == 1)
        #expect(state["K2M9X"]?.hasActiveSmoke == true)
        state.apply(TestEvents.decode(Fixture.bytes("smoke-data-ready.json")))
        #expect(state.counts.activeSmoke == 0)
    }

    @Test func logsAreOrderedByEventTimeNotArrival() {
        var state = FleetState()
        for (id, time) in [("a", "10:00:03"), ("b", "10:00:01"), ("c", "10:00:02")] {
            state.apply(TestEvents.decode(TestEvents.vehicleChanged(
                id: id, vehicle: "V", at: "2026-11-28T\(time)Z", life: "ONLINE")))
        }
        #expect(state.lifeChanges.entries.map(\.time.timeOfDay) == ["10:00:01", "10:00:02", "10:00:03"])
    }

    @Test func logsAndDedupMemoryStayBoundedAfterAMillionEvents() {
        var state = FleetState(logCapacity: 500, dedupCapacity: 10_000)
        let base = Timestamp(iso8601: "2026-11-28T00:00:00Z")!
        func event(_ i: Int) -> Event {
            let vehicle = "V\(i % 1000)"
            return Event(
                id: "e\(i)", type: .vehicleChanged, occurredAt: base.adding(seconds: Double(i)), vehicleID: vehicle,
                payload: .vehicleChanged(VehicleChange(
                    reasons: [.lifeStatusChanged, .rentalStatusChanged],
                    vehicle: VehicleResource(id: vehicle, lifeStatus: StatusValue(i % 2 == 0 ? .online : .offline),
                                             rentalStatus: StatusValue(i % 3 == 0 ? .inRental : .notInRental)))))
        }
        for i in 0..<1_000_000 { state.apply(event(i)) }
        #expect(state.eventsApplied == 1_000_000)
        #expect(state.counts.vehicles == 1000)
        #expect(state.lifeChanges.count == 500)
        #expect(state.rentals.count == 500)
        #expect(state.lifeChanges.entries.last?.time == base.adding(seconds: 999_999))
        // The dedup memory holds the newest 10,000 ids and no more: the last ones are still known, the first forgotten.
        #expect(state.apply(event(999_999)) == .duplicate)
        #expect(state.apply(event(990_000)) == .duplicate)
        #expect(state.apply(event(0)) == .applied)
    }

    // Trip and smoke events of vehicle V, at times of 28 Nov 2026.
    func at(_ time: String) -> Timestamp { Timestamp(iso8601: "2026-11-28T\(time)Z")! }

    func trip(_ id: String, _ tripID: String, _ type: EventType, at time: String?, start: String? = nil,
              end: String? = nil, km: Double? = nil) -> Event {
        Event(id: id, type: type, occurredAt: time.map(at), vehicleID: "V", payload: .trip(TripReport(
            tripID: tripID, start: start.map { TripPoint(time: at($0)) }, end: end.map { TripPoint(time: at($0)) },
            distanceKilometers: km)))
    }

    func smoke(_ id: String, _ incident: String, _ type: EventType, at time: String, detected: String? = nil,
               ended: String? = nil, pm25: Double? = nil) -> Event {
        Event(id: id, type: type, occurredAt: at(time), vehicleID: "V", payload: .smoke(SmokeReport(
            incidentID: incident, detectedAt: detected.map(at), endedAt: ended.map(at), maxPM25: pm25)))
    }

    func applied(_ events: some Sequence<Event>) -> FleetState {
        var state = FleetState()
        for event in events { state.apply(event) }
        return state
    }

    func counts(vehicles: Int, online: Int, inRental: Int, smoke: Int = 0) -> FleetCounts {
        var c = FleetCounts()
        c.vehicles = vehicles
        c.online = online
        c.inRental = inRental
        c.activeSmoke = smoke
        return c
    }
}
