/// A message in the status line. Each level has a text prefix as well as a colour, so colour is never the
/// only signal; info and warnings clear themselves, errors stay until the next message.
public struct Flash: Hashable, Sendable {
    public enum Level: Hashable, Sendable {
        case info, warn, error

        public var prefix: String {
            switch self {
            case .info: ""
            case .warn: "warning: "
            case .error: "error: "
            }
        }

        /// Seconds a message of this level stays; nil keeps it until replaced.
        public var lifetime: Double? {
            switch self {
            case .info: 4
            case .warn: 8
            case .error: nil
            }
        }
    }

    public var level: Level
    /// Already sanitised.
    public var text: String
    /// Monotonic seconds after which it is gone; nil never expires.
    public var expiresAt: Double?

    public init(_ level: Level, _ text: String, now: Double) {
        self.level = level
        self.text = text
        expiresAt = level.lifetime.map { now + $0 }
    }
}
