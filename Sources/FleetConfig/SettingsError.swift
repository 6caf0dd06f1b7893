import FleetCore

/// Why settings could not be resolved; each message says what to do. No message ever contains a secret.
public enum SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    case configNotFound(path: String)
    case configUnreadable(path: String, reason: String)
    /// A syntax error, with the line (1-based) when known.
    case configInvalid(path: String, line: Int?, message: String)
    case unknownConfigKey(path: String, key: String)
    case secretFileUnreadable(path: String, reason: String)
    /// The secret file can be read by other users: refused, as ssh refuses a private key.
    case secretFileTooOpen(path: String)
    /// The secret file belongs to another user, who could read or replace it.
    case secretFileNotOwned(path: String)
    case invalidValue(name: String, value: String, reason: String)

    public var description: String {
        switch self {
        case let .configNotFound(path):
            "config file \(path) not found (given with --config or FLEETWATCH_CONFIG)"
        case let .configUnreadable(path, reason):
            "cannot read config file \(path): \(reason)"
        case let .configInvalid(path, line, message):
            "\(path)\(line.map { ":\($0)" } ?? ""): \(SafeText.sanitize(message))"
        case let .unknownConfigKey(path, key):
            "\(path): unknown setting '\(SafeText.sanitize(key))' (known: \(ConfigFile.knownKeys.joined(separator: ", ")))"
        case let .secretFileUnreadable(path, reason):
            "cannot read the client secret file \(path): \(reason)"
        case let .secretFileTooOpen(path):
            "the client secret file \(path) can be read by other users: run chmod 600 \(path)"
        case let .secretFileNotOwned(path):
            "the client secret file \(path) belongs to another user: use a file of your own (chmod 600)"
        case let .invalidValue(name, value, reason):
            "invalid \(name) '\(SafeText.sanitize(value))': \(reason)"
        }
    }
}
