import FleetCore

/// The lock/unlock confirmation. It names the vehicle it was opened for, and keeps that vehicle however the
/// rows move underneath (htop#1719: "killing a random process"). Cancel has the focus when it opens.
public struct ConfirmDialog: Hashable, Sendable {
    public enum Button: Hashable, Sendable { case cancel, confirm }

    public let command: VehicleCommand
    public let vehicleID: String
    /// The plate when the dialog opened (sanitised), if known.
    public let plate: String?
    public var focus: Button = .cancel

    public init(command: VehicleCommand, vehicleID: String, plate: String?) {
        self.command = command
        self.vehicleID = vehicleID
        self.plate = plate
    }

    /// `Lock` / `Unlock`: the confirm button and the question's verb.
    public var verb: String { command.verb }
}

extension VehicleCommand {
    /// The word a person uses for the command.
    public var verb: String {
        switch self {
        case .lockCentralLock: "Lock"
        case .unlockCentralLock: "Unlock"
        case .requestVehicleState: "Refresh"
        case .enableDriving: "Enable driving"
        case .disableDriving: "Disable driving"
        case .lockAndDisableDriving: "Lock and disable driving"
        case .unlockAndEnableDriving: "Unlock and enable driving"
        }
    }

    /// What the row shows while the command is in flight.
    public var pendingLabel: String {
        switch self {
        case .lockCentralLock: "LOCKING…"
        case .unlockCentralLock: "UNLOCKING…"
        default: "PENDING…"
        }
    }

    /// The status line's word while it runs (`locking JQ7RP…`).
    public var progressive: String {
        switch self {
        case .lockCentralLock: "locking"
        case .unlockCentralLock: "unlocking"
        default: "sending \(rawValue) to"
        }
    }

    /// The past tense for the status line (`Locked JQ7RP`).
    public var pastTense: String {
        switch self {
        case .lockCentralLock: "Locked"
        case .unlockCentralLock: "Unlocked"
        case .requestVehicleState: "Refreshed"
        case .enableDriving: "Enabled driving of"
        case .disableDriving: "Disabled driving of"
        case .lockAndDisableDriving: "Locked and immobilised"
        case .unlockAndEnableDriving: "Unlocked and enabled"
        }
    }
}
