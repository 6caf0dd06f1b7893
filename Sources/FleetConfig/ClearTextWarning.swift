import FleetCore

/// The warning for an `amqp://` URL (no TLS) to another machine: the password and every event cross the
/// network readable by anyone on the path. Loopback is `isLoopbackHost` (parsed, the same rule as the REST
/// client's), so only this machine is silent.
enum ClearTextWarning {
    /// The warning for `url`, or nil for `amqps://` and for loopback.
    static func amqp(_ url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://"), url[..<schemeEnd.lowerBound].lowercased() == "amqp",
              let host = host(url[schemeEnd.upperBound...]), !isLoopbackHost(host) else { return nil }
        return SafeText.sanitize(
            "the AMQP URL is amqp:// to \(host), not this machine: the password and the fleet's events travel unencrypted; use amqps://")
    }

    /// The host of `[userinfo@]host[:port][/…]` as written (not percent-decoded: an encoded host is never taken
    /// for loopback, which errs on the warning's side). The userinfo runs to the last `@`, as in `redactedURL`.
    private static func host(_ afterScheme: Substring) -> String? {
        var authority = afterScheme
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            authority = authority[..<end]
        }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return String(authority) }
            return String(authority[...close])
        }
        if let colon = authority.lastIndex(of: ":") { authority = authority[..<colon] }
        return String(authority)
    }
}
