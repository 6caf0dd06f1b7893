import FleetCore

/// One message ready for the broker: what the publisher sends and the demo or a test can inspect.
public struct OutgoingMessage: Sendable, Hashable {
    /// The INVERS topic whose queue carries it.
    public var topic: Topic
    /// UTF-8 JSON (or, for a deliberately malformed message, whatever it is).
    public var body: [UInt8]
    /// `Message-Type`, `Message-Version` and, for an event caused by a command, `Flow-ID`.
    public var headers: [String: String]
    /// The AMQP `message_id` property: the event id.
    public var messageID: String
    public var contentType: String { "application/json" }

    public init(topic: Topic, body: [UInt8], headers: [String: String], messageID: String) {
        self.topic = topic
        self.body = body
        self.headers = headers
        self.messageID = messageID
    }
}

/// An INVERS event topic; each has a queue of its own.
public enum Topic: String, Sendable, Hashable, CaseIterable {
    case vehicleChange = "vehicle-change"
    case trip = "trip"
    case smokeDetection = "smoke-detection"
    case vehicleStateRecorded = "vehicle-state-recorded"

    /// The topic that carries events of `type`.
    public init(_ type: EventType) {
        switch type {
        case .vehicleChanged: self = .vehicleChange
        case .tripStarted, .tripEnded, .tripMetricsReady, .tripDiscarded: self = .trip
        case .smokeDetected, .smokeDataReady: self = .smokeDetection
        case .vehicleStateRecorded, .other: self = .vehicleStateRecorded
        }
    }

    /// The queue name for this topic: `<prefix>.<topic>` (`fleetwatch.trip`).
    public func queueName(prefix: String) -> String { prefix.isEmpty ? rawValue : "\(prefix).\(rawValue)" }
}
