import FleetCore
import Foundation

/// A validated base URL of the API or its token endpoint: `http` or `https`, a host, no credentials or query.
///
/// Here rather than in InversAPI so that `fuzz-urls` reaches it without NIO.
public struct APIEndpoint: Sendable, Hashable {
    /// Without a trailing slash, ready to append `/vehicles`.
    public let base: String
    public let isHTTPS: Bool
    public let host: String

    public init(_ text: String) throws(InvalidAPIURL) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
            throw InvalidAPIURL(text, reason: "not a URL")
        }
        guard scheme == "https" || scheme == "http" else {
            throw InvalidAPIURL(text, reason: "the scheme must be https (or http for a local stand-in)")
        }
        guard let host = url.host, !host.isEmpty else { throw InvalidAPIURL(text, reason: "there is no host") }
        guard url.user == nil, url.password == nil else {
            throw InvalidAPIURL(url.host ?? "the URL", reason: "credentials belong in the client settings, not the URL")
        }
        guard url.query == nil, url.fragment == nil else {
            throw InvalidAPIURL(text, reason: "a base URL has no query or fragment")
        }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
        self.isHTTPS = scheme == "https"
        self.host = host
    }

    /// Whether the host is this machine, where plain HTTP does not cross a network (`isLoopbackHost`: parsed,
    /// not a prefix).
    public var isLoopback: Bool { isLoopbackHost(host) }

    /// The warning for plain HTTP to another machine, or nil.
    public var plainHTTPWarning: String? {
        guard !isHTTPS, !isLoopback else { return nil }
        return SafeText.sanitize(
            "warning: \(redactedURL(base)) is plain HTTP to \(host): the token and commands travel unencrypted")
    }

    /// `base` + `path`, with each given segment percent-encoded as a path segment.
    public func url(_ segments: [String], query: [(String, String)] = []) -> String {
        var text = base
        for segment in segments { text += "/" + Self.encodeSegment(segment) }
        if !query.isEmpty {
            text += "?" + query.map { "\($0.0)=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
        }
        return text
    }

    /// Unreserved characters stay; everything else (`/`, `.` runs stay harmless) is `%XX`.
    static func encodeSegment(_ segment: String) -> String {
        if segment == "." || segment == ".." { return segment.replacingOccurrences(of: ".", with: "%2E") }
        return PercentEncoding.encode(segment)
    }
}

/// A base URL that cannot be used, and why. The URL is shown redacted (`redactedURL`): a mistyped one may hold a
/// password or a token.
public struct InvalidAPIURL: Error, Sendable, Hashable, CustomStringConvertible {
    public var url: String
    public var reason: String

    public init(_ url: String, reason: String) {
        self.url = url
        self.reason = reason
    }

    public var description: String { "the URL \(redactedURL(url)) cannot be used: \(reason)" }
}
