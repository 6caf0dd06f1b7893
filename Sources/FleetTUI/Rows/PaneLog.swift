import FleetCore

extension FleetState {
    /// The log a pane shows (the Vehicles and Map panes have none: they get the rentals, unused).
    public func log(for pane: Pane) -> EventLog {
        switch pane {
        case .rentals, .vehicles, .map: rentals
        case .onlineOffline: lifeChanges
        case .trips: trips
        case .smoke: smoke
        }
    }
}
