/// The kind of an INVERS event, in its canonical spelling; any other type is kept raw.
public enum EventType: Hashable, Sendable, CustomStringConvertible {
    case vehicleChanged
    case vehicleStateRecorded
    case tripStarted
    case tripEnded
    case tripMetricsReady
    case tripDiscarded
    case smokeDetected
    case smokeDataReady
    /// A type this version does not know: shown, counted and acknowledged, never rejected.
    case other(String)

    /// Accepts every spelling the contract lists (`VehicleChange` and `VehicleChanged`, `TripDataReady` and
    /// `TripMetricsReady`), in any case and with or without separators (`VEHICLE_CHANGED`).
    public init(raw: String) {
        var raw = raw
        if let known = raw.withUTF8(EventType.canonical(utf8:)) {
            self = known
        } else {
            self.init(normalizing: raw)
        }
    }

    /// Like `init(raw:)`, for UTF-8 `bytes` read in place (a header's value, the body's `metadata.type`): the
    /// canonical spellings are matched without building a string, which would be an allocation for most of them.
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if let known = EventType.canonical(utf8: bytes) {
            self = known
        } else {
            self.init(normalizing: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The type whose canonical spelling `bytes` are exactly: the common case, without allocating.
    private static func canonical(utf8 bytes: UnsafeBufferPointer<UInt8>) -> EventType? {
        guard let base = bytes.baseAddress else { return nil }  // empty: no canonical name is
        func matches(_ name: StaticString) -> Bool {
            name.utf8CodeUnitCount == bytes.count && bytesEqual(name.utf8Start, base, count: bytes.count)
        }
        if matches("VehicleStateRecorded") { return .vehicleStateRecorded }
        if matches("VehicleChanged") { return .vehicleChanged }
        if matches("TripStarted") { return .tripStarted }
        if matches("TripEnded") { return .tripEnded }
        if matches("TripMetricsReady") { return .tripMetricsReady }
        if matches("TripDiscarded") { return .tripDiscarded }
        if matches("SmokeDetected") { return .smokeDetected }
        if matches("SmokeDataReady") { return .smokeDataReady }
        return nil
    }

    /// Any other spelling: compared lowercased and without separators.
    private init(normalizing raw: String) {
        var key = ""
        key.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars where scalar != "_" && scalar != "-" && scalar != "." && scalar != " " {
            key.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
        }
        switch key {
        case "vehiclechanged", "vehiclechange": self = .vehicleChanged
        case "vehiclestaterecorded": self = .vehicleStateRecorded
        case "tripstarted": self = .tripStarted
        case "tripended": self = .tripEnded
        case "tripmetricsready", "tripdataready": self = .tripMetricsReady
        case "tripdiscarded": self = .tripDiscarded
        case "smokedetected": self = .smokeDetected
        case "smokedataready": self = .smokeDataReady
        default: self = .other(TextLimits.capped(raw))  // kept as a name in the store's counts
        }
    }

    /// The canonical name (`VehicleChanged`, …), or the raw type of an unknown event.
    public var name: String {
        switch self {
        case .vehicleChanged: "VehicleChanged"
        case .vehicleStateRecorded: "VehicleStateRecorded"
        case .tripStarted: "TripStarted"
        case .tripEnded: "TripEnded"
        case .tripMetricsReady: "TripMetricsReady"
        case .tripDiscarded: "TripDiscarded"
        case .smokeDetected: "SmokeDetected"
        case .smokeDataReady: "SmokeDataReady"
        case let .other(raw): raw
        }
    }

    public var description: String { name }

    /// The position of a known type in `known`; nil for `.other`.
    public var knownIndex: Int? {
        switch self {
        case .vehicleChanged: 0
        case .vehicleStateRecorded: 1
        case .tripStarted: 2
        case .tripEnded: 3
        case .tripMetricsReady: 4
        case .tripDiscarded: 5
        case .smokeDetected: 6
        case .smokeDataReady: 7
        case .other: nil
        }
    }

    /// The canonical types, in the order the contract lists them.
    public static let known: [EventType] = [
        .vehicleChanged, .vehicleStateRecorded, .tripStarted, .tripEnded, .tripMetricsReady, .tripDiscarded,
        .smokeDetected, .smokeDataReady,
    ]
}
