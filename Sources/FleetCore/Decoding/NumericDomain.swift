/// The values a numeric field from the wire may take: every number the decoder keeps is checked against one of
/// these, declared once here.
///
/// JSON allows any number (`1e400`, `-1e300`, `1e19`), and a value the dashboard cannot use must not reach a
/// conversion or a view. A value outside its field's domain is dropped for that field, as if the field were
/// absent, and counted (`Event.valuesOutOfRange`, summed in `FleetState.valuesOutOfRange`); the event's other
/// fields still apply. The bounds are plausibility limits, far beyond any real vehicle, so that a real reading
/// is never dropped:
///
/// | field | domain |
/// |---|---|
/// | `state_of_charge_or_fuel_level_in_percent` (and `fuel_level_in_percent`) | 0 – 100 |
/// | `lat` / `lon` (a position with either out of range is dropped whole) | ±90 / ±180 |
/// | `mileage_in_kilometers` (vehicle state, trip start and end) | 0 – 10,000,000 |
/// | `remaining_range_in_kilometers` | 0 – 10,000 |
/// | `distance_in_kilometers` (trip) | 0 – 100,000 |
/// | `duration_in_seconds` (trip) | 0 – 31,622,400 (366 days) |
/// | `max_speed_in_kilometers_per_hour` | 0 – 1,000 |
/// | `max_pm2_5_in_micrograms_per_cubic_meter` | 0 – 100,000 |
/// | `cellular_signal_quality` | a whole number, 0 – 5 |
///
/// Every domain is finite: NaN and infinity (what an overflowing literal such as `1e400` reads as) are outside
/// all of them.
public struct NumericDomain: Hashable, Sendable {
    /// The smallest and largest values accepted.
    public let bounds: ClosedRange<Double>
    /// Whether only whole numbers are accepted.
    public let wholeNumbersOnly: Bool

    public init(_ bounds: ClosedRange<Double>, wholeNumbersOnly: Bool = false) {
        self.bounds = bounds
        self.wholeNumbersOnly = wholeNumbersOnly
    }

    /// Whether `value` is in this domain (never for NaN or an infinity).
    @inline(__always)
    public func contains(_ value: Double) -> Bool {
        // `contains` is false for NaN, and the bounds are finite, so infinities are out too.
        bounds.contains(value) && (!wholeNumbersOnly || value.rounded(.towardZero) == value)
    }

    public static let percent = NumericDomain(0...100)
    public static let latitude = NumericDomain(-90...90)
    public static let longitude = NumericDomain(-180...180)
    public static let mileageKilometers = NumericDomain(0...10_000_000)
    public static let rangeKilometers = NumericDomain(0...10_000)
    public static let tripDistanceKilometers = NumericDomain(0...100_000)
    public static let durationSeconds = NumericDomain(0...31_622_400)
    public static let speedKilometersPerHour = NumericDomain(0...1_000)
    public static let pm25MicrogramsPerCubicMeter = NumericDomain(0...100_000)
    public static let cellularSignalQuality = NumericDomain(0...5, wholeNumbersOnly: true)
}

extension BodyReader {
    /// A number in `domain`; nil for `null`, and nil for a number outside it, which is counted in
    /// `valuesOutOfRange`. A value of another JSON type is still the wrong-type error.
    @inline(__always)
    mutating func readNumber(in domain: NumericDomain) throws(EventDecodingError) -> Double? {
        guard let value = try readDouble() else { return nil }
        guard domain.contains(value) else {
            valuesOutOfRange += 1
            return nil
        }
        return value
    }

    /// A whole number in `domain` (whose bounds an `Int` holds); nil for `null` or out of the domain (counted).
    mutating func readWholeNumber(in domain: NumericDomain) throws(EventDecodingError) -> Int? {
        guard let value = try readDouble(expected: "a whole number") else { return nil }
        guard domain.contains(value), let whole = Int(exactly: value) else {
            valuesOutOfRange += 1
            return nil
        }
        return whole
    }
}
