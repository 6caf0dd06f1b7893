import FleetCore

/// How long a 429 asks the client to wait, read from `Retry-After` or `X-Rate-Limit-Reset` with bounds.
///
/// - `Retry-After` is delta-seconds (`1*DIGIT`) or an HTTP date (RFC 9110 10.2.3). Anything else (`1e16`, `-1`,
///   `3.5`, `NaN`, garbage) is ignored with a note, and `X-Rate-Limit-Reset` decides.
/// - `X-Rate-Limit-Reset` is epoch seconds, `1*DIGIT ["." 1*DIGIT]`; anything else (`1e300`, `-5`) is ignored
///   with a note.
/// - A wait longer than `maximum` (a huge number, a date in the year 9999) is taken as `maximum`, with a note;
///   a time already past means no wait.
///
/// No value from the network becomes a `Duration` or an integer before it is known to be in range.
public struct RateLimitWait: Sendable, Hashable {
    /// The longest wait taken from a header: a day. Longer ones are taken as this, and reported.
    public static let maximum: Duration = .seconds(maximumSeconds)
    static let maximumSeconds: Int64 = 86_400

    /// How long to wait; nil when no header gave a usable time.
    public var duration: Duration?
    /// What was wrong with the headers, for the user: a value ignored or cut to `maximum`. Sanitised.
    public var notes: [String]

    public init(duration: Duration?, notes: [String] = []) {
        self.duration = duration
        self.notes = notes
    }

    /// Whole seconds, rounded up, for a message (`wait 3 s`).
    public var seconds: Int64? {
        duration.map { $0.components.seconds + ($0.components.attoseconds > 0 ? 1 : 0) }
    }
}

extension APIAnswer {
    /// A 429 that is not retried, as a failure: the problem, how long the API asks to wait, and what was wrong with
    /// its headers, so that the user knows when to try again.
    public func rateLimitFailure(_ wait: RateLimitWait) -> CommandFailure {
        var failure = failure()
        var parts = failure.detail.map { [$0] } ?? []
        if let duration = wait.duration, let seconds = wait.seconds, duration > .zero {
            parts.append(duration >= RateLimitWait.maximum
                         ? "the API asks to wait a day or more before retrying"
                         : "the API asks to wait \(seconds) s before retrying")
        }
        parts += wait.notes
        failure.detail = parts.isEmpty ? nil : parts.joined(separator: "; ")
        return failure
    }

    /// How long this answer asks to wait before a retry, `Retry-After` first, measured from `now` (epoch seconds,
    /// the local clock).
    public func rateLimitWait(now: Double) -> RateLimitWait {
        var notes: [String] = []
        if let raw = retryAfter {
            let text = Self.trimmed(raw)
            if let seconds = Self.deltaSeconds(text) {
                if seconds <= RateLimitWait.maximumSeconds {
                    return RateLimitWait(duration: .seconds(seconds))
                }
                notes.append("Retry-After \(Self.shown(text)) is more than a day: taken as a day")
                return RateLimitWait(duration: RateLimitWait.maximum, notes: notes)
            }
            if let date = HTTPDate.epochSeconds(String(text)) {
                let (duration, tooLong) = Self.wait(until: Double(date), now: now)
                if tooLong { notes.append("Retry-After \(Self.shown(text)) is more than a day away: taken as a day") }
                return RateLimitWait(duration: duration, notes: notes)
            }
            notes.append("Retry-After \(Self.shown(text)) is neither whole seconds nor an HTTP date: ignored")
        }
        if let raw = rateLimitReset {
            let text = Self.trimmed(raw)
            if let reset = Self.decimal(text) {
                let (duration, tooLong) = Self.wait(until: reset, now: now)
                if tooLong { notes.append("X-Rate-Limit-Reset \(Self.shown(text)) is more than a day away: taken as a day") }
                return RateLimitWait(duration: duration, notes: notes)
            }
            notes.append("X-Rate-Limit-Reset \(Self.shown(text)) is not a time in epoch seconds: ignored")
        }
        return RateLimitWait(duration: nil, notes: notes)
    }

    /// The wait from `now` until `instant`, both epoch seconds: zero when past, `maximum` (and `true`) when more
    /// than that away or when either is not finite.
    private static func wait(until instant: Double, now: Double) -> (Duration, tooLong: Bool) {
        let seconds = instant - now
        guard seconds.isFinite else { return (RateLimitWait.maximum, true) }
        if seconds <= 0 { return (.zero, false) }
        if seconds > Double(RateLimitWait.maximumSeconds) { return (RateLimitWait.maximum, true) }
        // In (0, 86400] here, so the milliseconds fit an Int64 exactly once rounded.
        guard let milliseconds = Int64(exactly: (seconds * 1000).rounded(.up)) else {
            return (RateLimitWait.maximum, true)
        }
        return (.milliseconds(milliseconds), false)
    }

    /// `1*DIGIT` as seconds, `Int64.max` when it has more digits than an Int64 holds; nil when not digits.
    private static func deltaSeconds(_ text: Substring) -> Int64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        let significant = text.drop { $0 == "0" }
        guard significant.utf8.count <= 18 else { return Int64.max }  // 18 digits always fit an Int64
        return Int64(significant) ?? 0  // empty: the value was all zeros
    }

    /// `1*DIGIT ["." 1*DIGIT]` as a Double, or nil; no sign, exponent, `inf` or `nan` gets through.
    private static func decimal(_ text: Substring) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard text.utf8.count <= 64, parts.allSatisfy({ part in
            !part.isEmpty && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }) else { return nil }
        return Double(text)
    }

    /// Without the spaces and tabs around it (OWS).
    static func trimmed(_ text: String) -> Substring {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }

    /// A header value fit for a message: sanitised, quoted, at most 40 characters.
    static func shown(_ text: Substring) -> String {
        let cut = text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
        return "\"" + SafeText.sanitize(cut) + "\""
    }
}
