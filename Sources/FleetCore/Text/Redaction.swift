/// Secrets never reach a screen, a log or an error message.

/// A secret value (a password, a client secret, a token) that prints as `***` wherever it is interpolated.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself: read it only where it is sent.
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "***" }
    public var debugDescription: String { "Secret(***)" }
    /// `dump()` and reflection-based loggers see `***` too.
    public var customMirror: Mirror { Mirror(self, children: ["value": "***"]) }
}

/// A URL fit to show: its userinfo, query values and fragment replaced by `***`, then sanitised.
///
/// - `amqps://f-FLT23-c-CNSM23A:s3cret@api.invers.com:5671/v` → `amqps://f-FLT23-c-CNSM23A:***@api.invers.com:5671/v`
///   (the user stays, everything after its first `:` goes);
/// - `amqp://token@host` → `amqp://***@host`: userinfo without a colon may itself be a token;
/// - the userinfo runs to the **last** `@`, so a password typed with `/`, `?`, `#` or `@` unescaped
///   (`amqp://u:p/a?s#s@host`) is hidden whole. The price: an `@` in a path or query hides what comes before it;
///   too much hidden, never too little;
/// - every query value (`?access_token=…&limit=100` → `?access_token=***&limit=***`) and any fragment (`#***`):
///   which names carry secrets is not ours to guess.
///
/// Text without `://` is treated the same way from its start, so a mistyped scheme does not expose a password.
public func redactedURL(_ url: String) -> String {
    let authorityStart = url.firstRange(of: "://")?.upperBound ?? url.startIndex
    var shown = String(url[..<authorityStart])
    var rest = url[authorityStart...]
    if let at = rest.lastIndex(of: "@") {
        let userinfo = rest[..<at]
        if let colon = userinfo.firstIndex(of: ":") {
            shown += String(userinfo[..<colon]) + ":***"
        } else {
            shown += "***"
        }
        rest = rest[at...]
    }
    guard let delimiter = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) else {
        return SafeText.sanitize(shown + String(rest))
    }
    shown += String(rest[..<delimiter])
    var tail = rest[delimiter...]
    if tail.first == "?" {
        tail.removeFirst()
        let queryEnd = tail.firstIndex(of: "#") ?? tail.endIndex
        let items = tail[..<queryEnd].split(separator: "&", omittingEmptySubsequences: false).map { (item) -> String in
            if item.isEmpty { return "" }
            if let eq = item.firstIndex(of: "=") { return String(item[..<eq]) + "=***" }
            return "***"
        }
        shown += "?" + items.joined(separator: "&")
        tail = tail[queryEnd...]
    }
    if tail.first == "#" { shown += tail.count > 1 ? "#***" : "#" }
    return SafeText.sanitize(shown)
}
