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
        // The canonical spellings first: no allocation for the common case.
        switch raw {
        case "VehicleChanged": self = .vehicleChanged; return
        case "VehicleStateRecorded": self = .vehicleStateRecorded; return
        case "TripStarted": self = .tripStarted; return
        case "TripEnded": self = .tripEnded; return
        case "TripMetricsReady": self = .tripMetricsReady; return
        case "TripDiscarded": self = .tripDiscarded; return
        case "SmokeDetected": self = .smokeDetected; return
        case "SmokeDataReady": self = .smokeDataReady; return
        default: break
        }
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
        default: self = .other(raw)
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
