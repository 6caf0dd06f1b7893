import FleetCore
import Testing

/// A command is confirmed by the stream: an event with its flow id, or a newer lock reading of the value it set;
/// without either within the timeout it is unconfirmed. Times are passed in.
@Suite struct CommandConfirmationTests {
    static let sentWall = Timestamp(iso8601: "2026-11-28T10:00:00Z")!

    /// A lock sent at monotonic 100 s, answered 200 at 101 s with flow id `flow-1`.
    func answeredLock(_ command: VehicleCommand = .lockCentralLock) -> SentCommand {
        var sent = SentCommand(command: command, vehicleID: "V1", sentAt: 100, sentWall: Self.sentWall)
        sent.answer = .succeeded(httpStatus: 200, flowID: "flow-1", at: 101)
        sent.confirmation = .awaiting
        return sent
    }

    func timeline(_ events: [Event]) -> VehicleTimeline {
        var state = FleetState()
        for event in events { state.apply(event, arrivedAt: Self.sentWall.adding(seconds: 60)) }
        return state["V1"]?.timeline ?? VehicleTimeline()
    }

    func reading(_ lock: LockState, secondsAfterSending: Double, flowID: String? = nil, id: String = "e1") -> Event {
        let time = Self.sentWall.adding(seconds: secondsAfterSending)
        return Event(id: id, type: .vehicleStateRecorded, occurredAt: time, flowID: flowID, vehicleID: "V1",
                     payload: .vehicleStateRecorded(VehicleState(centralLock: Reading(lock, at: time))))
    }

    @Test func anEventWithTheCommandsFlowIDConfirmsIt() {
        // The flow id confirms even a reading that says something else: the call caused it.
        let events = [reading(.unlocked, secondsAfterSending: 2, flowID: "flow-1")]
        let result = CommandConfirmation.confirmation(of: answeredLock(), timeline: timeline(events), now: 103.5,
                                                      timeout: 60)
        #expect(result == .confirmed(.flowID, afterSeconds: 3.5))
    }

    @Test func anotherFlowIDDoesNotConfirm() {
        let events = [reading(.unlocked, secondsAfterSending: 2, flowID: "flow-2")]
        #expect(CommandConfirmation.confirmation(of: answeredLock(), timeline: timeline(events), now: 103,
                                                 timeout: 60) == .awaiting)
    }

    @Test func aNewerLockReadingOfTheValueSetConfirmsIt() {
        let events = [reading(.locked, secondsAfterSending: 2)]
        #expect(CommandConfirmation.confirmation(of: answeredLock(), timeline: timeline(events), now: 104,
                                                 timeout: 60) == .confirmed(.newerState, afterSeconds: 4))
    }

    @Test func anOlderReadingOrAnotherValueDoesNotConfirm() {
        let older = [reading(.locked, secondsAfterSending: -5)]
        #expect(CommandConfirmation.confirmation(of: answeredLock(), timeline: timeline(older), now: 104,
                                                 timeout: 60) == .awaiting)
        let other = [reading(.unlocked, secondsAfterSending: 5)]
        #expect(CommandConfirmation.confirmation(of: answeredLock(), timeline: timeline(other), now: 104,
                                                 timeout: 60) == .awaiting)
        // A refresh sets no lock: only its flow id confirms it.
        #expect(CommandConfirmation.confirmation(of: answeredLock(.requestVehicleState), timeline: timeline(
            [reading(.locked, secondsAfterSending: 2)]), now: 104, timeout: 60) == .awaiting)
    }

    @Test func withoutEvidenceItIsUnconfirmedOnceTheTimeoutPassedSinceTheAnswer() {
        let none = timeline([])
        #expect(CommandConfirmation.confirmation(of: answeredLock(), timeline: none, now: 160.9, timeout: 60) == .awaiting)
        #expect(CommandConfirmation.confirmation(of: answeredLock(), timeline: none, now: 161, timeout: 60) == .unconfirmed)
        #expect(CommandConfirmation.confirmation(of: answeredLock(), timeline: nil, now: 161, timeout: 60) == .unconfirmed)
        #expect(CommandConfirmation.deadline(of: answeredLock(), timeout: 60) == 161)
    }

    @Test func aLateConfirmationStillCountsWithItsDelay() {
        var sent = answeredLock()
        sent.confirmation = .unconfirmed
        let events = [reading(.locked, secondsAfterSending: 70, flowID: "flow-1")]
        #expect(CommandConfirmation.confirmation(of: sent, timeline: timeline(events), now: 175, timeout: 60)
                == .confirmed(.flowID, afterSeconds: 75))
        #expect(CommandConfirmation.deadline(of: sent, timeout: 60) == nil)
    }

    @Test func aConfirmationIsKeptAsFound() {
        var sent = answeredLock()
        sent.confirmation = .confirmed(.flowID, afterSeconds: 1)
        #expect(CommandConfirmation.confirmation(of: sent, timeline: nil, now: 500, timeout: 60) == sent.confirmation)
    }

    @Test func aCommandInFlightOrFailedAwaitsNothing() {
        var sent = SentCommand(command: .lockCentralLock, vehicleID: "V1", sentAt: 100, sentWall: Self.sentWall)
        let events = [reading(.locked, secondsAfterSending: 2)]
        #expect(CommandConfirmation.confirmation(of: sent, timeline: timeline(events), now: 500, timeout: 60) == .notAwaited)
        sent.answer = .failed(CommandFailure(kind: .problem, status: 409, title: "conflict", flowID: "flow-1"))
        #expect(CommandConfirmation.confirmation(of: sent, timeline: timeline(events), now: 500, timeout: 60) == .notAwaited)
    }
}
