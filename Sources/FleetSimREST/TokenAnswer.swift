/// The token endpoint's 200 answer (RFC 6749 5.1): `{"access_token", "token_type": "bearer", "expires_in"}`.
struct TokenAnswer: Encodable {
    let accessToken: String
    /// Seconds; nil leaves `expires_in` out (the `tokenExpiresIn` fault writes its own).
    let expiresIn: Int?

    private enum Key: String, CodingKey {
        case accessToken = "access_token", tokenType = "token_type", expiresIn = "expires_in"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(accessToken, forKey: .accessToken)
        try c.encode("bearer", forKey: .tokenType)
        try c.encodeIfPresent(expiresIn, forKey: .expiresIn)
    }
}
