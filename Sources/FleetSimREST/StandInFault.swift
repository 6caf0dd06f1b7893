import FleetSim

/// A misbehaviour the stand-in can be told to show on the next calls of a route, so that tests can drive the
/// client through every failure the contract describes.
public enum StandInFault: Sendable, Hashable {
    /// 500 `/problems/telematics-unit/error`: the vehicle's unit failed (it may have acted).
    case telematicsUnitError
    /// 500 `/problems/internal-server-error`.
    case internalServerError
    /// 429 `/problems/too-many-requests` with `Retry-After: seconds`.
    case tooManyRequests(retryAfterSeconds: Int)
    /// 401 `/problems/invalid-credentials` even for a valid token (a token revoked early).
    case invalidCredentials
    /// Answer only after this long, then normally: a command still executes, as on a slow real vehicle.
    case delay(Duration)
    /// 200 with a body that is not JSON.
    case malformedBody
    /// 429 `/problems/too-many-requests` with these header texts sent as they are, however absurd
    /// (`Retry-After: 1e16`, `X-Rate-Limit-Reset: 1e300`); nil leaves a header out.
    case tooManyRequestsWithHeaders(retryAfter: String?, rateLimitReset: String?)
    /// On the token route: the usual token, with this text as the raw JSON value of `expires_in` (`1e400`,
    /// `-5`, `"x"`). The text is written as it is: it had better be JSON.
    case tokenExpiresIn(rawJSON: String)
}

/// The routes of the stand-in, for counting requests and targeting faults.
public enum StandInRoute: String, Sendable, Hashable, CaseIterable {
    /// `POST /auth/oauth/token`
    case token
    /// `GET /vehicles`
    case vehicleList
    /// `GET /vehicles/{id}`
    case vehicle
    /// `POST /vehicles/{id}/commands/{command}`
    case command
    /// Anything else (answered 404).
    case other
}
