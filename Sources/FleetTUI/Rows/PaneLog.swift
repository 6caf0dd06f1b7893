import FleetCore

extension FleetState {
    /// The log a pane shows (the Vehicles pane has none: it gets the rentals, unused).
    public func log(for pane: Pane) -> EventLog {
        switch pane {
        case .rentals, .vehicles: rentals
        case .onlineOffline: lifeChanges
        case .trips: trips
        case .smoke: smoke
        }
    }
}
