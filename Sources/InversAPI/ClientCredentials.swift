import FleetCore
import Foundation

/// An INVERS API client's credentials for the OAuth 2.0 client-credentials grant.
public struct ClientCredentials: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The client id; may contain `#` and other characters that need encoding.
    public var clientID: String
    public var secret: Secret

    public init(clientID: String, secret: Secret) {
        self.clientID = clientID
        self.secret = secret
    }

    public var description: String { "\(clientID):***" }
    /// `dump` and debuggers see the client id only: the secret's own fields would show its value.
    public var customMirror: Mirror { Mirror(self, children: ["clientID": clientID, "secret": "***"]) }

    /// The `Authorization` header of the token request: HTTP Basic over the form-encoded id and secret
    /// (RFC 6749 §2.3.1), so that `#`, `:` or `%` in either survive.
    var basicAuthorization: Secret {
        let pair = Self.formEncode(clientID) + ":" + Self.formEncode(secret.value)
        return Secret("Basic " + Data(pair.utf8).base64EncodedString())
    }

    /// `application/x-www-form-urlencoded` for one value: unreserved characters stay, everything else is `%XX`
    /// (a space too, which decodes the same whether the server reads `+` as a space or not).
    static func formEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
