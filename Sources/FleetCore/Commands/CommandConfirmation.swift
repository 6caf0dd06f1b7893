/// Whether the event stream confirms a command the dashboard sent: pure, given the vehicle's timeline and the time.
///
/// INVERS gives the events a REST call causes that call's flow id (`metadata.flow_id`): an event of the vehicle
/// carrying the command's flow id confirms it. Failing that (a stream that drops flow ids, a state that arrives in
/// an event of its own), a lock reading of the value the command sets, taken no earlier than the command was
/// sent, confirms a lock or unlock. Without either within `timeout` seconds of the answer, it is unconfirmed; a
/// confirmation that comes later still counts, with its delay.
public enum CommandConfirmation {
    /// What confirmed a command.
    public enum Evidence: Hashable, Sendable {
        /// An event carrying the command's flow id.
        case flowID
        /// A lock reading of the value the command sets, no older than the command.
        case newerState
    }

    /// The lock state a command leaves the vehicle in, if it sets one.
    public static func expectedLock(after command: VehicleCommand) -> LockMark? {
        switch command {
        case .lockCentralLock, .lockAndDisableDriving: .locked
        case .unlockCentralLock, .unlockAndEnableDriving: .unlocked
        case .requestVehicleState, .enableDriving, .disableDriving: nil
        }
    }

    /// The stream's evidence in `timeline` that `sent` took effect, if any: its flow id first.
    public static func evidence(for sent: SentCommand, in timeline: VehicleTimeline) -> Evidence? {
        guard case let .succeeded(_, flowID, _) = sent.answer else { return nil }
        if let flowID, timeline.entries.contains(where: { $0.carries(flowID: flowID) }) { return .flowID }
        if let expected = expectedLock(after: sent.command),
           timeline.entries.contains(where: { entry in
               guard case let .stateRecorded(lock?, _) = entry.summary else { return false }
               return lock == expected && entry.time >= sent.sentWall
           }) {
            return .newerState
        }
        return nil
    }

    /// `sent`'s confirmation at monotonic time `now`, given its vehicle's timeline (nil: the store has no such
    /// vehicle) and the timeout in seconds. A confirmation once found is kept as it was.
    public static func confirmation(of sent: SentCommand, timeline: VehicleTimeline?, now: Double,
                                    timeout: Double) -> SentCommand.Confirmation {
        if case .confirmed = sent.confirmation { return sent.confirmation }
        guard case let .succeeded(_, _, answeredAt) = sent.answer else { return .notAwaited }
        if let timeline, let evidence = evidence(for: sent, in: timeline) {
            return .confirmed(evidence, afterSeconds: max(0, now - sent.sentAt))
        }
        return now - answeredAt >= timeout ? .unconfirmed : .awaiting
    }

    /// When `sent` times out (monotonic seconds), while it is awaiting confirmation.
    public static func deadline(of sent: SentCommand, timeout: Double) -> Double? {
        guard sent.confirmation == .awaiting, case let .succeeded(_, _, answeredAt) = sent.answer else { return nil }
        return answeredAt + timeout
    }
}
