import FleetCore
import Foundation

/// How `fleetwatch tail` writes events and what happens to the stream: one line each. Everything that came from
/// the network goes through `SafeText.sanitize` (text) or is escaped (JSON), so no line can drive a terminal.
///
/// The JSON lines are written by Foundation's `JSONEncoder`: `scripts/bench tail-json` measured it at 7.7-9.3 µs a
/// line on one core, above the 90,000 lines a second the broker could ever hand `tail` (the hand-written writer
/// it replaced took 1.4-3 µs, not a difference that matters there).
public enum TailFormat {
    /// One JSON object (`TailLine`): its keys sorted, so that lines of the same event are the same text in every
    /// run (`JSONEncoder`'s own order changes from process to process), and every scalar a terminal must not see
    /// escaped (`SafeText.escapingUnsafeScalars(inJSON:)`).
    public static func json(_ event: Event) -> String {
        let data: Data
        do {
            data = try lineEncoder.encode(TailLine(event: event))
        } catch {
            // A line holds strings and whole numbers, which JSONEncoder always writes.
            preconditionFailure("JSONEncoder refused a tail line: \(error)")
        }
        return SafeText.escapingUnsafeScalars(inJSON: String(decoding: data, as: UTF8.self))
    }

    /// `JSONEncoder` is safe to share: every `encode` works on its own state.
    private static let lineEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `2026-11-28T10:15:02Z  VehicleChanged        JQ7RP  RENTAL_STATUS_CHANGED rental=IN_RENTAL  id=…`
    public static func text(_ event: Event) -> String {
        var fields = [event.occurredAt?.iso8601 ?? "-", pad(event.type.name, 20), pad(event.vehicleID ?? "-", 5)]
        switch event.payload {
        case let .vehicleChanged(change):
            fields.append(change.reasons.map(\.raw).joined(separator: ","))
            if let rental = change.vehicle.rentalStatus { fields.append("rental=\(rental.value.raw)") }
            if let life = change.vehicle.lifeStatus { fields.append("life=\(life.value.raw)") }
            if let plate = change.vehicle.masterData?.licensePlate { fields.append("plate=\(plate)") }
        case let .vehicleStateRecorded(state):
            if let lock = state.centralLock { fields.append("lock=\(lock.value.raw)") }
        case let .trip(trip):
            fields.append("trip=\(trip.tripID)")
            if let km = trip.distanceKilometers { fields.append("\(km) km") }
            if let reason = trip.discardReason { fields.append("reason=\(reason)") }
        case let .smoke(smoke):
            if let incident = smoke.incidentID { fields.append("incident=\(incident)") }
        case .other:
            break
        }
        if event.valuesOutOfRange > 0 { fields.append("out_of_range=\(event.valuesOutOfRange)") }
        fields.append("id=\(event.id)")
        return SafeText.sanitize(fields.joined(separator: "  "))
    }

    /// A line for stderr about a rejected message.
    public static func rejection(_ rejection: Rejection) -> String {
        let id = rejection.messageID.map { " \($0)" } ?? ""
        return SafeText.sanitize("fleetwatch: rejected message\(id) from queue \(rejection.queue) (not requeued): \(rejection.error)")
    }

    /// A line for stderr about the connection, or nil when the state says nothing new.
    public static func status(_ status: StreamStatus) -> String {
        let line: String
        switch status.state {
        case .connecting: line = "connecting to \(status.endpoint)…"
        case .connected: line = "connected to \(status.endpoint)"
        case let .retrying(seconds, reason): line = "\(reason); retrying in \(seconds) s"
        case let .queueGone(queue):
            line = "queue \(queue) is gone (deleted, or not provisioned for this consumer): consuming the others and checking again every few seconds"
        case .stopped: line = "stopped (\(status.received) events, \(status.rejected) rejected)"
        }
        return SafeText.sanitize("fleetwatch: " + line)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
