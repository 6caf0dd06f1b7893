import FleetCore

/// The Vehicles pane's columns, chosen by priority to fit the pane's width.
struct VehicleColumns {
    enum Column: CaseIterable {
        case marker, id, plate, name, life, rental, lock

        var heading: String {
            switch self {
            case .id: "ID"
            case .plate: "PLATE"
            case .name: "NAME"
            case .life: "LIFE"
            case .rental: "RENTAL"
            case .lock: "LOCK"
            case .marker: ""
            }
        }

        var width: Int {
            switch self {
            case .marker: 1  // ⚠ for smoke
            case .id: 8
            case .plate: 9
            case .name: 6  // the minimum; it takes the slack
            case .life: 9
            case .rental: 9
            case .lock: 10
            }
        }

        /// Lower keeps its place longer as the pane narrows.
        var priority: Int {
            switch self {
            case .marker, .id: 0
            case .plate: 1
            case .life: 2
            case .lock: 3
            case .rental: 4
            case .name: 5
            }
        }
    }

    /// The columns shown, left to right, with their widths.
    let layout: [(column: Column, x: Int, width: Int)]

    init(width: Int) {
        var chosen = Set<Column>()
        var used = 0
        for column in Column.allCases.sorted(by: { $0.priority < $1.priority }) {
            let need = column.width + (chosen.isEmpty ? 0 : 1)
            if used + need <= width {
                chosen.insert(column)
                used += need
            }
        }
        let slack = width - used
        var x = 0
        var layout: [(Column, Int, Int)] = []
        for column in Column.allCases where chosen.contains(column) {
            let w = column.width + (column == .name ? slack : 0)
            layout.append((column, x, w))
            x += w + 1
        }
        self.layout = layout
    }

    /// A cell's text and slot for one vehicle; the text is sanitised here, where network data meets the screen.
    static func value(_ column: Column, of vehicle: Vehicle, command: LockCommandMark?) -> (String, StyleSlot) {
        switch column {
        case .id:
            return (SafeText.sanitize(vehicle.id), .normal)
        case .plate:
            return (vehicle.plate.map { SafeText.sanitize($0.value) } ?? "—", .normal)
        case .name:
            let name = vehicle.name?.value ?? [vehicle.brand?.value, vehicle.model?.value]
                .compactMap { $0 }.joined(separator: " ")
            return (name.isEmpty ? "—" : SafeText.sanitize(name), .muted)
        case .life:
            switch vehicle.lifeStatus?.value {
            case .online?: return ("● ONLINE", .online)
            case .offline?: return ("○ OFFLINE", .offline)
            case let .other(raw)?: return (SafeText.sanitize(raw), .normal)
            case nil: return ("—", .muted)
            }
        case .rental:
            switch vehicle.rentalStatus?.value {
            case .inRental?: return ("IN_RENTAL", .inRental)
            case .notInRental?: return ("—", .muted)
            case let .other(raw)?: return (SafeText.sanitize(raw), .normal)
            case nil: return ("—", .muted)
            }
        case .lock:
            if let command { return command.cell }
            switch vehicle.centralLock?.value {
            case .locked?: return ("LOCKED", .locked)
            case .unlocked?: return ("UNLOCKED", .normal)
            case let .other(raw)?: return (SafeText.sanitize(raw), .normal)
            case nil: return ("—", .muted)
            }
        case .marker:
            return vehicle.hasActiveSmoke ? ("⚠", .smoke) : ("", .normal)
        }
    }
}
