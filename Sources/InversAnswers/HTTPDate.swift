/// An HTTP date (RFC 9110 5.6.7) as epoch seconds, read without Foundation and without a trap on any input.
///
/// Accepts the IMF-fixdate servers send (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two obsolete forms a
/// recipient must still accept: RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`). Always GMT. Names compare case-insensitively and runs of spaces count as one;
/// the day name is checked to be a day name, not against the date. Every number has a fixed number of digits
/// and a range (years 0000–9999), so the result always fits.
public enum HTTPDate {
    /// Epoch seconds of `text`, or nil when it is not an HTTP date.
    public static func epochSeconds(_ text: String) -> Int64? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        switch words.count {
        case 6:  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            guard dayName(words[0], comma: true, long: false), isGMT(words[5]),
                  let day = number(words[1], digits: 2), let month = month(words[2]),
                  let year = number(words[3], digits: 4), let time = time(words[4]) else { return nil }
            return epoch(year: year, month: month, day: day, time: time)
        case 4:  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            let date = words[1].split(separator: "-", omittingEmptySubsequences: false)
            guard dayName(words[0], comma: true, long: true), isGMT(words[3]), date.count == 3,
                  let day = number(date[0], digits: 2), let month = month(date[1]),
                  let shortYear = number(date[2], digits: 2), let time = time(words[2]) else { return nil }
            // A two-digit year: 70–99 are the 1900s, 00–69 the 2000s (RFC 9110 asks for "not more than 50 years
            // ahead"; a fixed pivot keeps this pure, and the form is obsolete anyway).
            return epoch(year: shortYear < 70 ? 2000 + shortYear : 1900 + shortYear, month: month, day: day, time: time)
        case 5:  // asctime: Sun Nov  6 08:49:37 1994
            guard dayName(words[0], comma: false, long: false), let month = month(words[1]),
                  let day = number(words[2], digits: 1) ?? number(words[2], digits: 2),
                  let time = time(words[3]), let year = number(words[4], digits: 4) else { return nil }
            return epoch(year: year, month: month, day: day, time: time)
        default:
            return nil
        }
    }

    private static let shortDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let longDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func dayName(_ word: Substring, comma: Bool, long: Bool) -> Bool {
        var name = word
        if comma {
            guard name.last == "," else { return false }
            name = name.dropLast()
        }
        return (long ? longDays : shortDays).contains(name.lowercased())
    }

    private static func isGMT(_ word: Substring) -> Bool { word.lowercased() == "gmt" }

    /// 1–12.
    private static func month(_ word: Substring) -> Int? {
        months.firstIndex(of: word.lowercased()).map { $0 + 1 }
    }

    /// Exactly `digits` ASCII digits.
    private static func number(_ word: Substring, digits: Int) -> Int? {
        guard word.utf8.count == digits else { return nil }
        var value = 0
        for byte in word.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `HH:MM:SS` as seconds into the day; a leap second (`:60`) is allowed, as RFC 5322 does.
    private static func time(_ word: Substring) -> Int? {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let h = number(parts[0], digits: 2), let m = number(parts[1], digits: 2),
              let s = number(parts[2], digits: 2), h < 24, m < 60, s <= 60 else { return nil }
        return h * 3600 + m * 60 + s
    }

    private static func epoch(year: Int, month: Int, day: Int, time: Int) -> Int64? {
        guard day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400 + Int64(time)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
