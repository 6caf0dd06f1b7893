/// The seam for acting on vehicles and reading the fleet: the INVERS REST client, the demo's simulation, a test.
public protocol VehicleCommands: Sendable {
    /// Sends one command. Never retried after a timeout or a 5xx: the vehicle may have acted.
    func send(_ command: VehicleCommand, to vehicleID: String) async throws(CommandFailure) -> CommandResult
    /// Every vehicle of the fleet (the snapshot the dashboard starts from).
    func allVehicles() async throws(CommandFailure) -> [VehicleResource]
    /// What the operator should know about the API's answers so far (an absurd token lifetime replaced by a sane
    /// one, say): shown for as long as the dashboard runs. Sanitised by whoever shows it.
    func answerWarnings() async -> [String]
}

extension VehicleCommands {
    /// No warnings: an edge that reads no answers it could doubt.
    public func answerWarnings() async -> [String] { [] }
}

/// A vehicle command of the INVERS REST API; the raw value is its path segment.
public enum VehicleCommand: String, Sendable, CaseIterable {
    case lockCentralLock = "lock-central-lock"
    case unlockCentralLock = "unlock-central-lock"
    case requestVehicleState = "request-vehicle-state"
    case enableDriving = "enable-driving"
    case disableDriving = "disable-driving"
    case lockAndDisableDriving = "lock-and-disable-driving"
    case unlockAndEnableDriving = "unlock-and-enable-driving"

    /// The capability a vehicle lists for this command (`LOCK_CENTRAL_LOCK`).
    public var capability: String { String(rawValue.uppercased().map { $0 == "-" ? "_" : $0 }) }

    /// Whether the command changes the vehicle, and so is confirmed by a dialog first (read-only mode refuses
    /// every command: `ReadOnlyMode`).
    public var isDangerous: Bool { self != .requestVehicleState }
}

/// A command that succeeded: the vehicle's new state and the flow id to quote.
public struct CommandResult: Sendable, Hashable {
    public var state: VehicleState
    public var flowID: String?
    public var httpStatus: Int
    public init(state: VehicleState, flowID: String?, httpStatus: Int = 200) {
        self.state = state
        self.flowID = flowID
        self.httpStatus = httpStatus
    }
}

/// A command or request that failed, with what the user needs to act: the HTTP status, the problem type and
/// title (`application/problem+json`), and the flow id to quote to INVERS support.
public struct CommandFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The API answered with a problem (4xx/5xx).
        case problem
        /// No answer in time: the command may or may not have run, so it is not resent.
        case timeout
        /// Could not reach the API (DNS, connection refused, TLS).
        case transport
        /// Refused locally: read-only mode, missing credentials.
        case refused
        /// The answer could not be understood.
        case badResponse
    }

    public var kind: Kind
    public var status: Int?
    /// The problem `type`, e.g. `/problems/vehicle/conflicting-state`.
    public var problemType: String?
    public var title: String
    public var detail: String?
    public var flowID: String?

    public init(kind: Kind, status: Int? = nil, problemType: String? = nil, title: String, detail: String? = nil,
                flowID: String? = nil) {
        self.kind = kind
        self.status = status
        self.problemType = problemType
        self.title = title
        self.detail = detail
        self.flowID = flowID
    }

    /// One line for a status bar or stderr: `409 The command cannot be executed… (flow 5e77e3e3-…)`.
    public var description: String {
        var text = status.map { "\($0) " } ?? ""
        text += title
        if let detail, !detail.isEmpty { text += ": \(detail)" }
        if let flowID { text += " (flow \(flowID))" }
        return SafeText.sanitize(text)
    }
}
