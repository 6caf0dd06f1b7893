/// INVERS enumerations are documented as "common values", not closed lists: each of these keeps an unknown
/// value as its raw string, so that a new value is shown rather than dropped or rejected.

/// Whether a vehicle's telematics unit is connected.
public enum LifeStatus: Hashable, Sendable {
    case online, offline
    case other(String)

    public init(raw: String) {
        switch raw {
        case "ONLINE": self = .online
        case "OFFLINE": self = .offline
        default: self = .other(raw)
        }
    }

    public var raw: String {
        switch self {
        case .online: "ONLINE"
        case .offline: "OFFLINE"
        case let .other(raw): raw
        }
    }
}

/// Whether a vehicle is rented.
public enum RentalStatus: Hashable, Sendable {
    case inRental, notInRental
    case other(String)

    public init(raw: String) {
        switch raw {
        case "IN_RENTAL": self = .inRental
        case "NOT_IN_RENTAL": self = .notInRental
        default: self = .other(raw)
        }
    }

    public var raw: String {
        switch self {
        case .inRental: "IN_RENTAL"
        case .notInRental: "NOT_IN_RENTAL"
        case let .other(raw): raw
        }
    }
}

/// The central lock as last reported.
public enum LockState: Hashable, Sendable {
    case locked, unlocked
    case other(String)

    public init(raw: String) {
        switch raw {
        case "LOCKED": self = .locked
        case "UNLOCKED": self = .unlocked
        default: self = .other(raw)
        }
    }

    public var raw: String {
        switch self {
        case .locked: "LOCKED"
        case .unlocked: "UNLOCKED"
        case let .other(raw): raw
        }
    }
}

/// Why a `VehicleChanged` event was sent.
public enum ChangeReason: Hashable, Sendable {
    case rentalStatusChanged, lifeStatusChanged, masterDataChanged
    case other(String)

    public init(raw: String) {
        self = Self.known.first { $0.raw == raw } ?? .other(raw)
    }

    /// The reasons this version knows; `raw` spells each one.
    private static let known: [ChangeReason] = [.rentalStatusChanged, .lifeStatusChanged, .masterDataChanged]

    /// The known reason these bytes spell exactly, if any (a body's reasons are matched without a `String`).
    init?(knownUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let known = Self.known.first(where: { $0.raw.utf8.elementsEqual(bytes) }) else { return nil }
        self = known
    }

    public var raw: String {
        switch self {
        case .rentalStatusChanged: "RENTAL_STATUS_CHANGED"
        case .lifeStatusChanged: "LIFE_STATUS_CHANGED"
        case .masterDataChanged: "MASTER_DATA_CHANGED"
        case let .other(raw): raw
        }
    }
}
