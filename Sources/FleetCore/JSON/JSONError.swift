/// What is wrong with a body that is not acceptable JSON, and where: the scanner's answer (`JSONScanner`), the same
/// whichever reader asked.
public enum JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case tooDeep(limit: Int)
    case unexpectedCharacter(UInt8, offset: Int)
    case unexpectedEnd
    case invalidEscape(offset: Int)
    case controlCharacterInString(offset: Int)
    case invalidNumber(offset: Int)
    case trailingData(offset: Int)

    public var description: String {
        switch self {
        case .empty: "the body is empty"
        case let .tooLarge(bytes, limit): "the body is \(bytes) bytes, over the limit of \(limit)"
        case let .tooDeep(limit): "the body nests deeper than \(limit) levels"
        case let .unexpectedCharacter(byte, offset):
            "unexpected \(JSONError.describe(byte)) at byte \(offset)"
        case .unexpectedEnd: "the body ends in the middle of a value"
        case let .invalidEscape(offset): "invalid escape sequence at byte \(offset)"
        case let .controlCharacterInString(offset): "unescaped control character in a string at byte \(offset)"
        case let .invalidNumber(offset): "invalid number at byte \(offset)"
        case let .trailingData(offset): "data after the end of the JSON value at byte \(offset)"
        }
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
