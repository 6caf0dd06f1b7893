import FleetCore

/// Writes a simulated event as INVERS sends it: the contract's JSON body (the shapes of `samples/*.json`,
/// including `metadata`) and the legacy headers `Message-Type`, `Message-Version`, `Flow-ID`.
public struct EventEncoder: Sendable {
    public init() {}

    /// The message for `event`: body, headers, `message_id` (the event id) and the topic it travels on.
    public func message(for event: SimEvent) -> OutgoingMessage {
        var headers = ["Message-Type": event.type.name, "Message-Version": String(event.version)]
        if let flowID = event.flowID { headers["Flow-ID"] = flowID }
        return OutgoingMessage(topic: Topic(event.type), body: body(for: event), headers: headers,
                               messageID: event.id)
    }

    /// The JSON body of `event` (`EventBodyJSON`, written as `StandInJSON` writes).
    public func body(for event: SimEvent) -> [UInt8] {
        StandInJSON.bytes(EventBodyJSON(event: event))
    }
}
