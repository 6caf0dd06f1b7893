import FleetCore

/// An OAuth access token from the token endpoint (RFC 6749 5.1) and how long it lives.
///
/// `expires_in` is bounded: absent or `null` is the contract's 900 s; a number above a day (`1e400`, `1e19`) is
/// taken as a day; anything that is not a lifetime of at least a second (`0`, `-5`, `"x"`, `true`) is taken as
/// the 900 s default. Either way the token is renewed early and again after a 401, so a wrong guess costs one
/// renewal, never a trap or a token used for ever.
public struct TokenGrant: Sendable, Hashable {
    /// The bearer token; prints as `***`.
    public var accessToken: Secret
    /// How long the token is valid from when it was requested: 1 s to a day.
    public var lifetime: Duration
    /// Why `lifetime` is not what `expires_in` said, for a log; nil when `expires_in` was usable or absent.
    public var note: String?

    /// The lifetime assumed when `expires_in` is absent or unusable: the contract's 900 s.
    public static let defaultLifetime: Duration = .seconds(defaultSeconds)
    /// The longest lifetime believed: a day.
    public static let maximumLifetime: Duration = .seconds(maximumSeconds)
    static let defaultSeconds: Int64 = 900
    static let maximumSeconds: Int64 = 86_400

    public init(accessToken: Secret, lifetime: Duration, note: String? = nil) {
        self.accessToken = accessToken
        self.lifetime = lifetime
        self.note = note
    }
}

extension APIAnswer {
    /// The answer of the token endpoint: the token and its bounded lifetime, or the failure to report.
    public func token() throws(CommandFailure) -> TokenGrant {
        guard isSuccess else { throw failure(context: "Token request failed") }
        var token: String?
        var type: String?
        var expiresIn = ExpiresIn.absent
        do {
            try BodyReader.members(in: body) { (r, key) throws(EventDecodingError) in
                switch key {
                case "access_token": token = try r.readStringIfString()
                case "token_type": type = try r.readStringIfString()
                case "expires_in": expiresIn = try ExpiresIn.read(&r)
                default: break
                }
            }
        } catch {
            token = nil  // not JSON, or not an object: no token in it, whatever was read before the error
        }
        guard let token, !token.isEmpty else { throw badResponse("The token answer has no access_token") }
        if let type, type.lowercased() != "bearer" {
            throw badResponse("The token is of type \(type.prefix(40)), not bearer")
        }
        let (lifetime, note) = expiresIn.lifetime
        return TokenGrant(accessToken: Secret(token), lifetime: lifetime, note: note)
    }
}

/// `expires_in` as the token answer has it: absent (or `null`), a number, or a value of another kind.
private enum ExpiresIn {
    case absent
    case seconds(Double)
    case notANumber

    static func read(_ r: inout BodyReader) throws(EventDecodingError) -> ExpiresIn {
        switch try r.peek() {
        case UInt8(ascii: "n"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try r.readDouble().map(ExpiresIn.seconds) ?? .absent
        default:
            try r.skipValue()
            return .notANumber
        }
    }

    /// The lifetime within bounds, and a note when it had to be replaced.
    var lifetime: (Duration, String?) {
        let fallback = "the token is taken to live the default \(TokenGrant.defaultSeconds) s"
        let seconds: Double
        switch self {
        case .absent: return (TokenGrant.defaultLifetime, nil)
        case .notANumber: return (TokenGrant.defaultLifetime, "expires_in is not a number of seconds: \(fallback)")
        case .seconds(let value): seconds = value
        }
        guard !seconds.isNaN else {
            return (TokenGrant.defaultLifetime, "expires_in is not a number of seconds: \(fallback)")
        }
        guard seconds >= 1 else {
            return (TokenGrant.defaultLifetime, "expires_in (\(seconds)) is not a lifetime of a second or more: \(fallback)")
        }
        guard seconds <= Double(TokenGrant.maximumSeconds),
              let whole = Int64(exactly: seconds.rounded(.down)) else {
            return (TokenGrant.maximumLifetime, "expires_in (\(seconds)) is more than a day: the token is taken to live a day")
        }
        return (.seconds(whole), nil)
    }
}
