/// A command this dashboard sent, and what became of it: the REST answer, then whether the event stream has
/// confirmed it (`CommandConfirmation`). Times are monotonic seconds for delays and the timeout, and the wall
/// clock for what is shown and for comparing with event times.
public struct SentCommand: Hashable, Sendable {
    public let command: VehicleCommand
    public let vehicleID: String
    /// Monotonic seconds when it was sent: the confirmation's delay counts from here.
    public let sentAt: Double
    /// The wall clock when it was sent: shown, and the oldest event time that can confirm it by state.
    public let sentWall: Timestamp
    public var answer: Answer = .inFlight
    public var confirmation: Confirmation = .notAwaited

    public init(command: VehicleCommand, vehicleID: String, sentAt: Double, sentWall: Timestamp) {
        self.command = command
        self.vehicleID = vehicleID
        self.sentAt = sentAt
        self.sentWall = sentWall
    }

    /// What the REST API answered.
    public enum Answer: Hashable, Sendable {
        case inFlight
        /// Monotonic seconds when the answer came: the timeout counts from here.
        case succeeded(httpStatus: Int, flowID: String?, at: Double)
        case failed(CommandFailure)
    }

    /// Whether the stream has shown the command's effect.
    public enum Confirmation: Hashable, Sendable {
        /// Not (yet) succeeded: nothing to confirm.
        case notAwaited
        /// Succeeded; the stream has not shown it yet, and the timeout has not passed.
        case awaiting
        /// The stream showed it, this long after it was sent.
        case confirmed(CommandConfirmation.Evidence, afterSeconds: Double)
        /// Succeeded, but the stream showed nothing within the timeout (it may still: then it is confirmed, late).
        case unconfirmed
    }

    /// The flow id INVERS gave the call, from its answer (success or failure).
    public var flowID: String? {
        switch answer {
        case .inFlight: nil
        case let .succeeded(_, flowID, _): flowID
        case let .failed(failure): failure.flowID
        }
    }

    public var isInFlight: Bool { answer == .inFlight }
}
