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
