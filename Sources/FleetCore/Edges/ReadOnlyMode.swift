/// Read-only mode (`--read-only`, `read_only = true`), decided here: a command that changes a vehicle is refused,
/// and nothing else is. The dashboard (its keymap and its confirm step) and `lock`/`unlock` ask before sending;
/// the REST client asks again, as defence in depth, so that no other path can send one either.
public enum ReadOnlyMode {
    /// Whether `command` may be sent while read-only mode is `on`.
    public static func permits(_ command: VehicleCommand, readOnly on: Bool) -> Bool {
        !on || !command.isDangerous
    }

    /// What the user is told when `command` is refused: `read-only: lock is disabled`.
    public static func refusal(_ command: VehicleCommand) -> String {
        "read-only: \(command.verb.lowercased()) is disabled"
    }
}
