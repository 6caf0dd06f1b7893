// fuzz-urls: the URLs a user or a config file gives: AMQPURL (parse, description, endpoint), the settings' checks
// of the AMQP, API and token URLs, the REST client's `APIEndpoint` (and the URLs it builds, the host's loopback
// test), and `redactedURL`, which every printed URL goes through. The input is the URL.
//
// Checks that `redactedURL` never shows a password: the URL redacts to the same text as the same URL whose
// password (where AMQPURL finds it) is replaced by `X`; and that a vehicle id or cursor put into an API URL stays
// one path segment or one query value.
import AMQP
import FleetConfig
import FleetCore
import FuzzDriver
import InversAnswers

/// The options with no flag given (parsed once: ArgumentParser reads its definitions on every parse).
let noFlags = try! ConnectionOptions.parse([])

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    let shown = redactedURL(text)
    if let url = try? AMQPURL(text) {
        _ = url.description
        _ = url.endpoint
        if let range = passwordRange(text) {
            var other = text
            other.replaceSubrange(range, with: "X")
            precondition(redactedURL(other) == shown, "redactedURL shows the password of \(shown)")
        }
    }
    checkAPIEndpoint(text)
    var flags = noFlags
    flags.amqpURL = text
    flags.apiURL = text
    do {
        _ = try Settings.resolve(options: flags, environment: [:], files: noFiles).redactedAMQPURL
    } catch {
        _ = error.description
    }
    return 0
}

/// The input as an API base URL, and as a vehicle id and a cursor put into one.
func checkAPIEndpoint(_ text: String) {
    let endpoint: APIEndpoint
    do {
        endpoint = try APIEndpoint(text)
    } catch {
        _ = error.description
        return
    }
    precondition(!endpoint.base.hasSuffix("/"), "a base URL kept its trailing slash")
    _ = endpoint.isLoopback
    if let warning = endpoint.plainHTTPWarning {
        precondition(!warning.unicodeScalars.contains(where: SafeText.isUnsafe), "a warning holds a control character")
    }
    let url = endpoint.url(["vehicles", text], query: [("cursor", text)])
    let prefix = endpoint.base + "/vehicles/"
    precondition(url.hasPrefix(prefix), "the URL does not start with its base")
    let rest = url.dropFirst(prefix.count)
    let segment = rest[..<(rest.firstIndex(of: "?") ?? rest.endIndex)]
    precondition(!segment.contains("/") && segment != "." && segment != "..", "a vehicle id left its path segment")
    let query = rest[(rest.firstIndex(of: "?") ?? rest.endIndex)...].dropFirst()
    precondition(query.hasPrefix("cursor=") && !query.dropFirst(7).contains { "&#=?".contains($0) },
                 "a cursor left its query value")
}

/// Where the password is, read as AMQPURL reads it: after the scheme, up to `/`, `?` or `#`, the userinfo before
/// the last `@`, and the password after its first `:`.
func passwordRange(_ text: String) -> Range<String.Index>? {
    guard let schemeEnd = text.range(of: "://") else { return nil }
    let rest = text[schemeEnd.upperBound...]
    let beforeQuery = rest[..<(rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex)]
    let authority = beforeQuery[..<(beforeQuery.firstIndex(of: "/") ?? beforeQuery.endIndex)]
    guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return nil }
    return text.index(after: colon)..<at
}

/// No config file and no secret file: only the URLs are under test.
let noFiles = FileAccess(exists: { _ in false },
                         read: { (_) throws(FileAccessError) -> String in throw FileAccessError(reason: "none") },
                         isReadableByOthers: { _ in false })

FuzzDriver.run { testOneInput($0, $1) }
