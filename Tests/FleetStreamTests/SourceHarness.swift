import TestSupport
import AMQP
import FleetCore
import FleetStream

/// A source with test-friendly timings (5 s heartbeats, quick backoff, quick re-checks of missing queues).
func makeSource(queues: [String], start: StreamStart? = nil, url: AMQPURL = TestBroker.amqpURL, prefetch: Int = 200,
                tlsCAFile: String? = nil) -> AMQPEventSource {
    AMQPEventSource(StreamConfiguration(
        url: url, queues: queues, start: start, prefetch: prefetch, tlsCAFile: tlsCAFile, heartbeatSeconds: 5,
        reconnect: ReconnectPolicy(initialDelay: 0.1, maximumDelay: 1, accessRefusedDelay: 30, stableAfter: 10),
        missingQueueRecheck: 0.5, connectionName: "fleetwatch-test"))
}

extension StreamStatus.State {
    var isConnected: Bool { if case .connected = self { true } else { false } }
    var retryReason: String? { if case let .retrying(_, reason) = self { reason } else { nil } }
}

extension TestQueues {
    /// Publishes `count` `TripStarted` events of vehicle V1, ids `idPrefix-0`…, to the first queue; returns its name.
    func publishTrips(_ count: Int, idPrefix: String) throws -> String {
        let queue = names[0]
        try publisher.publish((0..<count).map {
            EventBodies.message(type: "TripStarted", id: "\(idPrefix)-\($0)", vehicle: "V1", queue: queue)
        })
        return queue
    }
}
