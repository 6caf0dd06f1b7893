/// The dashboard's panes, in focus order. Titles as README's screen shows them.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case vehicles, rentals, onlineOffline, trips, smoke

    public var title: String {
        switch self {
        case .vehicles: "Vehicles"
        case .rentals: "Rentals"
        case .onlineOffline: "Online/Offline"
        case .trips: "Trips"
        case .smoke: "Smoke"
        }
    }

    /// The pane after this one, wrapping (`Tab`); `by: -1` goes back (`Shift-Tab`).
    public func next(by step: Int = 1) -> Pane {
        let all = Pane.allCases
        return all[((rawValue + step) % all.count + all.count) % all.count]
    }
}
