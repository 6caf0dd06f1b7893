/// Where a consumer of a RabbitMQ stream starts reading: `--since first|last|next|1h|2026-12-03T08:00:00Z|offset:N`.
public enum StreamStart: Hashable, Sendable, CustomStringConvertible {
    /// The oldest message the stream still holds.
    case first
    /// The last chunk the stream wrote, then everything after it.
    case last
    /// Only what is published from now on.
    case next
    /// From this offset on (the stream's own numbering, from 0).
    case offset(Int64)
    /// From the messages written at or after this time.
    case time(Timestamp)
    /// From this many seconds before the consumer starts (`1h`, `30m`, `7d`).
    case ago(seconds: Int64)

    /// The longest interval `--since` takes: a stream keeps days, not years.
    public static let longestInterval: Int64 = 366 * 86_400

    /// Reads the `--since` forms; nil for anything else.
    public init?(_ text: String) {
        switch text {
        case "first": self = .first
        case "last": self = .last
        case "next": self = .next
        default:
            if text.hasPrefix("offset:") {
                guard let n = Self.wholeNumber(text.dropFirst("offset:".count)) else { return nil }
                self = .offset(n)
            } else if let seconds = Self.interval(text) {
                self = .ago(seconds: seconds)
            } else if let time = Timestamp(iso8601: text) {
                self = .time(time)
            } else {
                return nil
            }
        }
    }

    /// The time to start from, for `.ago` and `.time`, given the clock now.
    public func startTime(now: Timestamp) -> Timestamp? {
        switch self {
        case let .time(time): time
        case let .ago(seconds): now.adding(microseconds: -seconds * 1_000_000)
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .first: "first"
        case .last: "last"
        case .next: "next"
        case let .offset(n): "offset:\(n)"
        case let .time(time): time.iso8601
        case let .ago(seconds):
            seconds % 86_400 == 0 ? "\(seconds / 86_400)d"
                : seconds % 3_600 == 0 ? "\(seconds / 3_600)h"
                : seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds)s"
        }
    }

    /// What `--since` takes, for error messages.
    public static let forms = "first, last, next, an interval (30m, 24h, 7d), a time (2026-12-03T08:00:00Z) or offset:N"

    /// `Ns`, `Nm`, `Nh` or `Nd`, N ≥ 1, at most `longestInterval`.
    private static func interval(_ text: String) -> Int64? {
        guard let unit = text.last else { return nil }
        let scale: Int64
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3_600
        case "d", "D": scale = 86_400
        default: return nil
        }
        guard let n = wholeNumber(text.dropLast()), n >= 1, n <= longestInterval / scale else { return nil }
        return n * scale
    }

    /// Digits only (no sign, no spaces), at most 18 of them so that nothing overflows.
    private static func wholeNumber(_ text: Substring) -> Int64? {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(text)
    }
}
