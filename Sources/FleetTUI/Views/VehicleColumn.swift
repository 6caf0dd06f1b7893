import FleetCore

/// A column of the Vehicles table. The raw value is its name in the config (`columns = ["id", "charge", …]`,
/// `sort = "charge"`).
public enum VehicleColumn: String, CaseIterable, Hashable, Sendable {
    case smoke, id, plate, name, life, rental, lock, charge, range, trip, report

    /// The default columns, in order.
    public static let standard: [VehicleColumn] = [
        .smoke, .id, .plate, .name, .life, .rental, .lock, .charge, .range, .trip, .report,
    ]

    /// The heading, with the unit where there is one.
    public var heading: String {
        switch self {
        case .smoke: "⚠"
        case .id: "ID"
        case .plate: "PLATE"
        case .name: "NAME"
        case .life: "LIFE"
        case .rental: "RENTAL"
        case .lock: "LOCK"
        case .charge: "CHARGE %"
        case .range: "RANGE km"
        case .trip: "TRIP"
        case .report: "REPORT"
        }
    }

    /// What help says the column shows.
    public var meaning: String {
        switch self {
        case .smoke: "⚠ while smoke is detected"
        case .id: "the vehicle id"
        case .plate: "the licence plate"
        case .name: "the custom name, else brand and model (as wide as the longest shown)"
        case .life: "online or offline, and for how long"
        case .rental: "in rental or not"
        case .lock: "the central lock, or the command in flight"
        case .charge: "charge or fuel level, marked low below the threshold"
        case .range: "remaining range"
        case .trip: "the time the current trip started"
        case .report: "how long since the last report, marked stale past the threshold"
        }
    }

    /// The width it takes (the name's is its least: it grows to its content): room for its values, and for its
    /// heading with the sort's arrow.
    var width: Int { max(valueWidth, DisplayWidth.of(heading) + 1) }

    private var valueWidth: Int {
        switch self {
        case .smoke: 1
        case .id: 8
        case .plate: 9
        case .name: 4
        case .life: 13  // "○ OFFLINE 23h"
        case .rental: 9
        case .lock: 10
        case .charge: 8  // "CHARGE %", "12 low"
        case .range: 8
        case .trip: 11  // "since 14:02"
        case .report: 9  // "45m stale"
        }
    }

    /// Lower keeps its place longer as the pane narrows: a narrow terminal drops the highest first.
    var priority: Int {
        switch self {
        case .smoke, .id: 0
        case .life: 1
        case .lock: 2
        case .plate: 3
        case .charge: 4
        case .rental: 5
        case .report: 6
        case .trip: 7
        case .range: 8
        case .name: 9
        }
    }

    /// Reads `names` (config), in order; throws naming the first unknown one and the known ones.
    public static func parse(_ names: [String]) throws(VehicleColumnError) -> [VehicleColumn] {
        var columns: [VehicleColumn] = []
        for name in names {
            guard let column = VehicleColumn(rawValue: name.lowercased()) else { throw .unknown(name) }
            if !columns.contains(column) { columns.append(column) }
        }
        guard columns.contains(.id) else { throw .missingID }
        return columns
    }

    /// The known names, for messages: `smoke, id, plate, …`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A `columns` or `sort` setting that names no column.
public enum VehicleColumnError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknown(String)
    case missingID

    public var description: String {
        switch self {
        case let .unknown(name): "no column '\(SafeText.sanitize(name))': the columns are \(VehicleColumn.names)"
        case .missingID: "the columns must include id"
        }
    }
}
