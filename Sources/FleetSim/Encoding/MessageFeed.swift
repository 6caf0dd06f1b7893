import FleetCore

/// Turns simulated events into broker messages, mixing in malformed ones at a given rate.
///
/// Deterministic like the simulation: which events get a malformed companion, and which kind, is drawn from a
/// generator seeded by the run's seed, so two runs with one seed publish the same messages.
public struct MessageFeed: Sendable {
    /// The share of messages that are malformed, 0…1.
    public let malformedRate: Double
    private var random: SimRandom
    private let encoder = EventEncoder()

    public init(seed: UInt64, malformedRate: Double = 0) {
        self.malformedRate = min(1, max(0, malformedRate))
        random = SimRandom(seed: seed ^ 0x6D61_6C66_6F72_6D65)  // "malforme": a stream apart from the fleet's
    }

    /// The message for one event: either the event itself or, with probability `malformedRate`, a malformed
    /// message shaped after it (the event is then not sent: a broken message replaces a good one, as a
    /// faulty producer would).
    public mutating func message(for event: SimEvent) -> OutgoingMessage {
        guard malformedRate > 0, random.chance(malformedRate) else { return encoder.message(for: event) }
        let kind = random.pick(MalformedMessages.Kind.allCases)
        return MalformedMessages.message(kind, basedOn: event, messageID: random.uuid())
    }
}
