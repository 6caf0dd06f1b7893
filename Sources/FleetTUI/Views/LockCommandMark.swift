import FleetCore

/// What the Vehicles table's lock cell says of a lock or unlock sent from this dashboard: in flight
/// (`LOCKING…`), answered and waiting for the stream (`→ LOCKED`), confirmed by it (`✓ LOCKED`), or not confirmed
/// in time (`? LOCKED`). Shown while the vehicle's lock is the state the command set; once it changes again the
/// cell shows the plain state.
enum LockCommandMark: Hashable {
    case inFlight(VehicleCommand)
    case sent(LockMark)
    case confirmed(LockMark)
    case unconfirmed(LockMark)

    /// The mark for a vehicle's row, if a lock or unlock of it is in flight or was answered.
    static func of(_ vehicle: Vehicle, in model: DashboardModel) -> LockCommandMark? {
        if let pending = model.pending[vehicle.id], CommandConfirmation.expectedLock(after: pending) != nil {
            return .inFlight(pending)
        }
        guard let last = model.lastLockCommand(of: vehicle.id), case .succeeded = last.answer,
              let expected = CommandConfirmation.expectedLock(after: last.command),
              let current = vehicle.centralLock?.value, LockMark(current) == expected else { return nil }
        switch last.confirmation {
        case .awaiting: return .sent(expected)
        case .confirmed: return .confirmed(expected)
        case .unconfirmed: return .unconfirmed(expected)
        case .notAwaited: return nil
        }
    }

    /// The cell's text (10 columns at most) and slot.
    var cell: (String, StyleSlot) {
        switch self {
        case let .inFlight(command): (command.pendingLabel, .pending)
        case let .sent(state): ("→ \(Self.word(state))", .pending)
        case let .confirmed(state): ("✓ \(Self.word(state))", state == .locked ? .locked : .normal)
        case let .unconfirmed(state): ("? \(Self.word(state))", .statusWarn)
        }
    }

    private static func word(_ state: LockMark) -> String {
        switch state {
        case .locked: "LOCKED"
        case .unlocked: "UNLOCKED"
        case .other: "?"
        }
    }
}
