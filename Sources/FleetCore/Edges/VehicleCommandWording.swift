/// How people name a command, one wording for the dashboard and the `lock` / `unlock` commands.
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
