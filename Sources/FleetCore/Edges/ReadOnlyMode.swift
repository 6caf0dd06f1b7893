/// Read-only mode (`--read-only`, `read_only = true`), decided here: no command is sent to a vehicle, and reading
/// (the event stream, the vehicle list) is all that is left. That includes `request-vehicle-state`: it changes
/// nothing on the vehicle, but it wakes its telematics unit and spends the fleet's API quota, and a read-only
/// dashboard promises to send a vehicle nothing. The dashboard (its keymap and its confirm step) and
/// `lock`/`unlock` ask before sending; the REST client asks again, as defence in depth, so that no other path can
/// send one either.
public enum ReadOnlyMode {
    /// Whether `command` may be sent while read-only mode is `on`.
    public static func permits(_ command: VehicleCommand, readOnly on: Bool) -> Bool {
        !on
    }

    /// What the user is told when `command` is refused: `read-only: lock is disabled`.
    public static func refusal(_ command: VehicleCommand) -> String {
        "read-only: \(command.verb.lowercased()) is disabled"
    }
}
