import FleetSim
import Foundation

/// The client credentials of a token request: HTTP Basic, with the client id and secret each
/// `application/x-www-form-urlencoded` before joining them with `:` (RFC 6749 §2.3.1), so a client id with `#` or
/// `:` arrives intact.
struct BasicCredentials: Equatable {
    var clientID: String
    var secret: String

    /// Parses an `Authorization` header value; nil unless it is well-formed Basic.
    init?(authorization: String) {
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let decoded = String(data: data, encoding: .utf8),
              let colon = decoded.firstIndex(of: ":"),
              let id = Self.formDecode(decoded[..<colon]),
              let secret = Self.formDecode(decoded[decoded.index(after: colon)...])
        else { return nil }
        clientID = id
        self.secret = secret
    }

    /// Undoes form encoding: `+` is a space, `%XX` a byte; nil for a broken escape or bytes that are not UTF-8.
    static func formDecode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let hi = utf8.next().flatMap(hexValue), let lo = utf8.next().flatMap(hexValue) else { return nil }
                bytes.append(hi << 4 | lo)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
