/// The dashboard's panes, in focus order. Titles as README's screen shows them.
///
/// The right-hand column shows either the four log panes or the map (`m`), so focus moves through the panes on
/// screen (`DashboardModel.visiblePanes`), never to one that is hidden.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case vehicles, rentals, onlineOffline, trips, smoke, map

    public var title: String {
        switch self {
        case .vehicles: "Vehicles"
        case .rentals: "Rentals"
        case .onlineOffline: "Online/Offline"
        case .trips: "Trips"
        case .smoke: "Smoke"
        case .map: "Map"
        }
    }

    /// The panes that list a log of events.
    public static let logs: [Pane] = [.rentals, .onlineOffline, .trips, .smoke]

    public var isLog: Bool { Self.logs.contains(self) }

    /// The pane after this one among `panes`, wrapping (`Tab`); `by: -1` goes back (`Shift-Tab`). A pane not among
    /// them moves to the first.
    public func next(by step: Int = 1, among panes: [Pane] = Pane.allCases) -> Pane {
        guard let i = panes.firstIndex(of: self) else { return panes.first ?? self }
        return panes[((i + step) % panes.count + panes.count) % panes.count]
    }
}
