import FleetCore

/// What a vehicle's mark on the map says, in rising importance: a cell takes the status of its most important
/// vehicle (smoke over offline over in rental over online). A stale position is below every current one: it is
/// never shown as if current.
public enum MapStatus: Int, CaseIterable, Comparable, Hashable, Sendable {
    /// Its position is older than the stale threshold (or has no time).
    case stale
    /// Current position, life status not known yet.
    case unknown
    case online
    case inRental
    case offline
    case smoke

    public static func < (a: MapStatus, b: MapStatus) -> Bool { a.rawValue < b.rawValue }

    /// The status of a vehicle whose position is current.
    public init(current vehicle: Vehicle) {
        if vehicle.hasActiveSmoke {
            self = .smoke
        } else if vehicle.lifeStatus?.value == .offline {
            self = .offline
        } else if vehicle.isInRental {
            self = .inRental
        } else if vehicle.isOnline {
            self = .online
        } else {
            self = .unknown
        }
    }

    /// The slot that colours the status.
    public var slot: StyleSlot {
        switch self {
        case .stale: .muted
        case .unknown: .normal
        case .online: .online
        case .inRental: .inRental
        case .offline: .offline
        case .smoke: .smoke
        }
    }

    /// The ASCII mark at cell resolution: one vehicle, and several (the denser mark of a cluster). Also what tells
    /// the statuses apart without colour.
    public var marks: (one: Character, several: Character) {
        switch self {
        case .stale: (".", ":")
        case .unknown: ("u", "U")
        case .online: ("o", "O")
        case .inRental: ("r", "R")
        case .offline: ("x", "X")
        case .smoke: ("!", "!")
        }
    }

    /// The legend's word.
    public var word: String {
        switch self {
        case .stale: "stale"
        case .unknown: "unknown"
        case .online: "online"
        case .inRental: "rental"
        case .offline: "offline"
        case .smoke: "smoke"
        }
    }
}
