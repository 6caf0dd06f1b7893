import FleetCore
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A swift-log handler that writes one line per message to a `LogFile`: the dashboard's logs, which must never
/// reach the screen curses owns. swift-log has no file handler of its own.
///
/// A line is `2026-12-03T10:15:02.123Z notice fleetwatch.stream: message key=value`. Everything in it is made safe
/// first: control characters (a message may quote network text) become `?`, a URL's userinfo becomes `***`, and a
/// line is capped at `maximumLineBytes`.
public struct FileLogHandler: LogHandler {
    /// The longest line written, in UTF-8 bytes (a longer one is cut and marked with `…`).
    public static let maximumLineBytes = 4096

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let file: LogFile

    public init(label: String, file: LogFile, logLevel: Logger.Level) {
        self.label = label
        self.file = file
        self.logLevel = logLevel
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let own = event.metadata { all.merge(own) { $1 } }
        var line = "\(Self.now().iso8601) \(event.level) \(label): \(event.message)"
        for key in all.keys.sorted() { line += " \(key)=\(all[key]!)" }
        if let error = event.error { line += " error=\(error)" }
        file.append(Self.safe(line))
    }

    /// `line` fit for the log: no control characters, no URL credentials, bounded.
    static func safe(_ line: String) -> String {
        var text = SafeText.sanitize(redactingURLCredentials(in: line))
        guard text.utf8.count > maximumLineBytes else { return text }
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in text.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > maximumLineBytes - 3 { break }  // room for the "…"
            kept.append(scalar)
        }
        text = String(kept) + "…"
        return text
    }

    /// Replaces the userinfo of every `scheme://userinfo@host` in `text`: `user:password` becomes `user:***`, a
    /// userinfo without a colon (it may be a token) becomes `***`.
    static func redactingURLCredentials(in text: String) -> String {
        guard text.contains("://") else { return text }
        var out = ""
        var rest = Substring(text)
        while let scheme = rest.firstRange(of: "://") {
            out += rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" || $0 == " " || $0 == "\"" }
                ?? rest.endIndex
            guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { continue }
            let userinfo = rest[..<at]
            if let colon = userinfo.firstIndex(of: ":") {
                out += userinfo[..<colon] + ":***"
            } else {
                out += "***"
            }
            rest = rest[at...]
        }
        return out + rest
    }

    private static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(microseconds: Int64(spec.tv_sec) &* 1_000_000 &+ Int64(spec.tv_nsec / 1000))
    }
}
