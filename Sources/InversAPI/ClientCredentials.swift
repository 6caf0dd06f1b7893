import FleetCore
import Foundation
import InversAnswers

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
        let pair = PercentEncoding.encode(clientID) + ":" + PercentEncoding.encode(secret.value)
        return Secret("Basic " + Data(pair.utf8).base64EncodedString())
    }
}
