/// One round of the catch-up benchmark for one kind of queue: the C consumer's drain and the dashboard's, of
/// queues filled by the same publish (for the stream, the same stream), read one after the other.
public struct RoundPair: Sendable, Equatable {
    /// 1 for the first round.
    public var round: Int
    public var c: ConsumerDrain
    public var dashboard: ConsumerDrain

    /// The dashboard's rate over the C consumer's; nil when the C consumer's is not a positive rate.
    public var ratio: Double? {
        guard c.eventsPerSecond > 0, c.eventsPerSecond.isFinite, dashboard.eventsPerSecond.isFinite else { return nil }
        return dashboard.eventsPerSecond / c.eventsPerSecond
    }

    /// Whether the broker drained for both sides in the same mode: neither drain's broker CPU per event is over
    /// `ConsumerRule.slowModeFactor` times the other's. Not when either is unknown.
    public var isOneMode: Bool {
        guard let a = c.brokerMicrosPerEvent, let b = dashboard.brokerMicrosPerEvent, a > 0, b > 0 else { return false }
        return max(a, b) <= ConsumerRule.slowModeFactor * min(a, b)
    }

    /// The rounds of one kind's drains, listed in the order they ran: two a round, one by each side, in either
    /// order. Nil when they do not come so (an odd drain, or a round with two drains by one side or by another
    /// side than these two).
    public static func rounds(of drains: [ConsumerDrain]) -> [RoundPair]? {
        guard drains.count % 2 == 0 else { return nil }
        var pairs: [RoundPair] = []
        for (index, start) in stride(from: 0, to: drains.count, by: 2).enumerated() {
            let two = [drains[start], drains[start + 1]]
            guard let c = two.first(where: { $0.side == .c }),
                  let dashboard = two.first(where: { $0.side == .dashboard }) else { return nil }
            pairs.append(RoundPair(round: index + 1, c: c, dashboard: dashboard))
        }
        return pairs
    }
}
