/// Why a message could not be decoded into an `Event`. Each case names the field, so the message a user sees
/// says what is wrong (`vehicle.id: expected a string, found a number`), never just "invalid".
public enum EventDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The body is not acceptable JSON (or too large or too deep to accept).
    case invalidJSON(JSONError)
    /// The body is JSON but not an object.
    case notAnObject(found: String)
    /// A field the event cannot do without is absent or null.
    case missingField(String)
    /// A field has a JSON type other than the one the contract gives it.
    case wrongType(field: String, expected: String, found: String)
    /// A timestamp field is not ISO-8601.
    case invalidTimestamp(field: String)

    public var description: String {
        switch self {
        case let .invalidJSON(error): "not valid JSON: \(error)"
        case let .notAnObject(found): "the body is \(found), not a JSON object"
        case let .missingField(field): "\(field): missing"
        case let .wrongType(field, expected, found): "\(field): expected \(expected), found \(found)"
        case let .invalidTimestamp(field): "\(field): not an ISO-8601 timestamp"
        }
    }
}
