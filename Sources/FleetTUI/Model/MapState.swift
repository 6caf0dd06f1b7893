import FleetCore

/// The map's part of the model: whether it is shown, and the view it shows.
public struct MapState: Hashable, Sendable {
    /// The right-hand column shows the map instead of the log panes.
    public var shown = false
    /// Nil until fitted: on open and on `0` the map fits the fleet, as soon as the fleet has positions to fit.
    public var viewport: MapViewport?
    /// Since the last fit the user has not zoomed, panned or centred: the view widens to take in positions that
    /// arrive outside it (a fleet's positions trickle in after start). It never narrows by itself.
    public var following = false
    /// When (monotonic seconds) a following view was last checked against the fleet's bounds.
    public var checkedAt = -Double.infinity
    /// How often a following view is checked: the check reads the whole fleet.
    public static let followInterval = 1.0

    public init(shown: Bool = false) { self.shown = shown }

    /// The wall clock is kept at this step (microseconds): positions turn stale at most this late, and the map is
    /// placed anew (from its kept projections) at most this often for it.
    public static let clockStepMicroseconds: Int64 = 10_000_000

    /// `time` rounded down to the clock step.
    public static func steppedClock(_ time: Timestamp) -> Timestamp {
        let step = clockStepMicroseconds
        let t = time.microseconds
        return Timestamp(microseconds: t - ((t % step) + step) % step)
    }

    /// The bounds of every possible position of the vehicles `filter` lets through, nil for none. Reads the whole
    /// fleet: `update` calls it for a fit (on open, on `0`), not per frame.
    public static func bounds(of state: FleetState, filter: VehicleFilter) -> MapBounds? {
        var bounds: MapBounds?
        for vehicle in state.vehicles.values {
            guard let position = vehicle.position?.value, let point = WorldPoint(position) else { continue }
            guard filter.isEmpty || filter.matches(vehicle) else { continue }
            if bounds == nil { bounds = MapBounds(point) } else { bounds!.include(point) }
        }
        return bounds
    }
}
