import FleetCore
import Foundation

/// One pass over a batch of event bodies, in each of the ways the decode + apply benchmark compares: Foundation's
/// `JSONDecoder` into Codable models (the baseline), fleetwatch's decoder alone, and decode + apply to the store's
/// state. Each pass checks that it handled every body, so that a benchmark never times a pass that failed early.
public enum DecodeApplyPasses {
    /// The baseline: `JSONDecoder` decoding every body into `CodableEvent`.
    public static func jsonDecoder(_ bodies: [[UInt8]]) {
        let json = JSONDecoder()
        var count = 0
        for body in bodies {
            if let e = try? json.decode(CodableEvent.self, from: Data(body)) { count += e.metadata.id.isEmpty ? 0 : 1 }
        }
        precondition(count == bodies.count, "JSONDecoder should decode the whole mix")
    }

    /// fleetwatch's decoder alone.
    public static func decode(_ bodies: [[UInt8]], with decoder: EventDecoder) {
        var count = 0
        for body in bodies {
            if let e = try? decoder.decode(body: body) { count += e.idHash == 0 ? 0 : 1 }
        }
        precondition(count == bodies.count, "the decoder should decode the whole mix")
    }

    /// Decode + apply to a fresh state, with one arrival time for the batch, as the consumer gives it.
    public static func decodeApply(_ bodies: [[UInt8]], with decoder: EventDecoder) {
        var state = FleetState()
        let arrival = Timestamp.now()
        for body in bodies {
            if let e = try? decoder.decode(body: body) { state.apply(e, arrivedAt: arrival) }
        }
        precondition(state.eventsApplied == bodies.count, "the mix should apply whole")
    }
}
