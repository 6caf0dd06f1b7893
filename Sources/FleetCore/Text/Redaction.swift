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

/// A URL fit to show: the password of `scheme://user:password@host/…` replaced by `***`.
/// `amqps://f-FLT23-c-CNSM23A:s3cret@api.invers.com:5671/v` → `amqps://f-FLT23-c-CNSM23A:***@api.invers.com:5671/v`.
public func redactedURL(_ url: String) -> String {
    guard let schemeEnd = url.firstRange(of: "://") else { return SafeText.sanitize(url) }
    let afterScheme = url[schemeEnd.upperBound...]
    let authorityEnd: String.Index = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
    let authority = afterScheme[..<authorityEnd]
    guard let at = authority.lastIndex(of: "@"),
          let colon = authority[..<at].firstIndex(of: ":") else { return SafeText.sanitize(url) }
    let redacted: String = String(url[..<colon]) + ":***" + String(url[at...])
    return SafeText.sanitize(redacted)
}
