import Foundation

/// A JSON text as Foundation's `JSONSerialization` reads it, for tests that look at what a server or an encoder
/// wrote: what fleetwatch writes is checked by a parser that is not its own. (fleetwatch's own reader,
/// `BodyReader`, reads what the client receives; these tests read what the stand-in sends.)
public struct ParsedJSON {
    /// The value as `JSONSerialization` gives it: a dictionary, an array, a string, a number, or `NSNull`.
    public let value: Any

    /// The text in `bytes`, any JSON value at the top; nil when it is not JSON.
    public init?(bytes: [UInt8]) {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return nil
        }
        self.value = value
    }

    init(value: Any) { self.value = value }

    /// The member named `key` of an object (`NSNull` for a member that is `null`); nil when absent or when this
    /// is not an object.
    public subscript(key: String) -> ParsedJSON? {
        (value as? [String: Any])?[key].map(ParsedJSON.init(value:))
    }

    /// The members of an object, in no particular order; nil when this is not an object.
    public var members: [String: ParsedJSON]? { (value as? [String: Any])?.mapValues(ParsedJSON.init(value:)) }
    /// The elements of an array; nil when this is not an array.
    public var elements: [ParsedJSON]? { (value as? [Any])?.map(ParsedJSON.init(value:)) }
    public var string: String? { value as? String }
    public var double: Double? { (value as? NSNumber)?.doubleValue }
    /// The number when it is whole.
    public var int: Int? { double.flatMap { Int(exactly: $0) } }
    public var bool: Bool? { value as? Bool }
    public var isNull: Bool { value is NSNull }
    public var isObject: Bool { value is [String: Any] }

    /// This value written again as JSON (members in no particular order): to hand a part of an answer to a reader.
    public var bytes: [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])) ?? Data())
    }
}
