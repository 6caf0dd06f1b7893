import FleetCore
import Foundation

/// A validated base URL of the API or its token endpoint: `http` or `https`, a host, no credentials or query.
struct APIEndpoint: Sendable, Hashable {
    /// Without a trailing slash, ready to append `/vehicles`.
    let base: String
    let isHTTPS: Bool
    let host: String

    init(_ text: String) throws(InversSetupError) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
            throw .invalidURL(text, reason: "not a URL")
        }
        guard scheme == "https" || scheme == "http" else {
            throw .invalidURL(text, reason: "the scheme must be https (or http for a local stand-in)")
        }
        guard let host = url.host, !host.isEmpty else { throw .invalidURL(text, reason: "there is no host") }
        guard url.user == nil, url.password == nil else {
            throw .invalidURL(url.host ?? "the URL", reason: "credentials belong in the client settings, not the URL")
        }
        guard url.query == nil, url.fragment == nil else {
            throw .invalidURL(text, reason: "a base URL has no query or fragment")
        }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
        self.isHTTPS = scheme == "https"
        self.host = host
    }

    /// Whether the host is this machine, where plain HTTP does not cross a network (`isLoopbackHost`: parsed,
    /// not a prefix).
    var isLoopback: Bool { isLoopbackHost(host) }

    /// The warning for plain HTTP to another machine, or nil.
    var plainHTTPWarning: String? {
        guard !isHTTPS, !isLoopback else { return nil }
        return SafeText.sanitize(
            "warning: \(redactedURL(base)) is plain HTTP to \(host): the token and commands travel unencrypted")
    }

    /// `base` + `path`, with each given segment percent-encoded as a path segment.
    func url(_ segments: [String], query: [(String, String)] = []) -> String {
        var text = base
        for segment in segments { text += "/" + Self.encodeSegment(segment) }
        if !query.isEmpty {
            text += "?" + query.map { "\($0.0)=\(ClientCredentials.formEncode($0.1))" }.joined(separator: "&")
        }
        return text
    }

    /// Unreserved characters stay; everything else (`/`, `.` runs stay harmless) is `%XX`.
    static func encodeSegment(_ segment: String) -> String {
        if segment == "." || segment == ".." { return segment.replacingOccurrences(of: ".", with: "%2E") }
        return ClientCredentials.formEncode(segment)
    }
}
