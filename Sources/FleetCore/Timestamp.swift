/// A point in time in UTC, with microsecond precision: what INVERS timestamps carry.
///
/// A plain integer rather than `Date` so that comparing, hashing and parsing stay cheap and exact,
/// and so that the core does not depend on Foundation's calendar machinery.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    /// Seconds since the epoch, rounded to the microsecond and clamped to `earliest...latest` (what the ISO-8601
    /// form can show); NaN gives the epoch. Never traps, whatever the Double.
    public init(seconds: Double) {
        let micros = (seconds * 1_000_000).rounded()
        // Compared as Doubles, but the bounds themselves taken exactly (a Double cannot hold them).
        if micros.isNaN {
            self.microseconds = 0
        } else if micros >= Double(Timestamp.latest.microseconds) {
            self = .latest
        } else if micros <= Double(Timestamp.earliest.microseconds) {
            self = .earliest
        } else {
            self.microseconds = Int64(exactly: micros) ?? 0  // whole and well inside Int64: always exact
        }
    }

    /// 0000-01-01T00:00:00Z, the earliest time the ISO-8601 form (four-digit years) can write.
    public static let earliest = Timestamp(microseconds: -62_167_219_200_000_000)
    /// 9999-12-31T23:59:59.999999Z, the latest.
    public static let latest = Timestamp(microseconds: 253_402_300_799_999_999)

    public var seconds: Double { Double(microseconds) / 1_000_000 }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.microseconds < b.microseconds }

    /// This time moved by `seconds` (rounded to the microsecond); saturates rather than overflows.
    public func adding(seconds: Double) -> Timestamp {
        let micros = (seconds * 1_000_000).rounded()
        guard !micros.isNaN else { return self }
        // ±2^63 µs and beyond saturate; anything smaller is a whole number an Int64 holds exactly.
        if micros >= 0x1p63 { return Timestamp(microseconds: .max) }
        if micros < -0x1p63 { return Timestamp(microseconds: .min) }
        return adding(microseconds: Int64(exactly: micros) ?? 0)
    }

    /// This time moved by `microseconds`, saturating at `Int64`'s bounds rather than overflowing.
    public func adding(microseconds delta: Int64) -> Timestamp {
        let (sum, overflow) = microseconds.addingReportingOverflow(delta)
        return Timestamp(microseconds: overflow ? (delta > 0 ? .max : .min) : sum)
    }

    /// Parses ISO-8601 / RFC 3339: `2026-11-28T10:15:02Z`, with optional fractional seconds and an optional
    /// numeric offset (`+01:00`). Returns nil for anything else.
    public init?(iso8601 text: String) {
        var text = text
        guard let value = text.withUTF8({ Timestamp.parse($0) }) else { return nil }
        self = value
    }

    /// The parse itself cannot overflow: four-digit years, offsets under a day and at most six fraction digits
    /// kept bound every term (years 0000–9999 are ±2^58 µs at most).
    static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard s.count >= 20 else { return nil }
        // Every digit is checked at once: a byte that is not one (its value - '0' is 10 or more, or wraps
        // around) sets `notDigits`, which keeps the fixed part free of branches but the last.
        var notDigits: UInt8 = 0
        func digit(_ k: Int) -> Int {
            let v = s[k] &- UInt8(ascii: "0")
            notDigits |= v > 9 ? 1 : 0
            return Int(v)
        }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6)
        let day = digit(8) * 10 + digit(9)
        let hour = digit(11) * 10 + digit(12)
        let minute = digit(14) * 10 + digit(15)
        let second = digit(17) * 10 + digit(18)
        guard notDigits == 0, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
              s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t") || s[10] == UInt8(ascii: " "),
              s[13] == UInt8(ascii: ":"), s[16] == UInt8(ascii: ":")
        else { return nil }
        func num(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for k in from..<(from + count) {
                let c = s[k]
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                v = v * 10 + Int(c - UInt8(ascii: "0"))
            }
            return v
        }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 61 else { return nil }
        var i = 19
        var micros = 0
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < s.count, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") {
                if i - start < 6 { micros = micros * 10 + Int(s[i] - UInt8(ascii: "0")) }  // beyond: truncated
                i += 1
            }
            if i == start { return nil }
            for _ in min(i - start, 6)..<6 { micros *= 10 }
        }
        guard i < s.count else { return nil }
        var offsetSeconds = 0
        switch s[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == s.count, let oh = num(i + 1, 2), s[i + 3] == UInt8(ascii: ":"), let om = num(i + 4, 2),
                  oh < 24, om < 60 else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (s[i] == UInt8(ascii: "+") ? 1 : -1)
            i += 6
        default:
            return nil
        }
        guard i == s.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return Timestamp(microseconds: seconds * 1_000_000 + Int64(micros))
    }

    /// `2026-11-28T10:15:02Z`, or with `.123Z` when there are fractional seconds (milliseconds shown).
    public var iso8601: String {
        let (date, time) = civil
        var out = "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))T"
        out += "\(pad(time.hour, 2)):\(pad(time.minute, 2)):\(pad(time.second, 2))"
        let micros = Int(microseconds.modulo(1_000_000))
        if micros != 0 { out += ".\(pad(micros / 1000, 3))" }
        return out + "Z"
    }

    /// `10:15:02`, UTC: what the panes show.
    public var timeOfDay: String {
        let time = civil.time
        return "\(pad(time.hour, 2)):\(pad(time.minute, 2)):\(pad(time.second, 2))"
    }

    public var description: String { iso8601 }

    private var civil: (date: (year: Int, month: Int, day: Int), time: (hour: Int, minute: Int, second: Int)) {
        let totalSeconds = microseconds.floorDivided(by: 1_000_000)
        let days = totalSeconds.floorDivided(by: 86_400)
        let secondOfDay = Int(totalSeconds - days * 86_400)
        return (civilFromDays(Int(days)), (secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60))
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

private func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

private func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
private func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

private func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

extension Int64 {
    fileprivate func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
    /// The remainder of a floor division by a positive `d`, in 0..<d. From `%` itself: multiplying the quotient
    /// back overflowed for `Int64.min` (`Stamp.unknownTime`), so describing that time trapped.
    fileprivate func modulo(_ d: Int64) -> Int64 {
        let r = self % d
        return r < 0 ? r + d : r
    }
}
