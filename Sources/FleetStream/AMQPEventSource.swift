import AMQP
import FleetCore
import Foundation

/// The INVERS event stream as an `EventSource`: one thread owns the AMQP connection and consumes every queue;
/// any number of subscribers (the dashboard's store, `tail`) receive each decoded event.
///
/// Acknowledgement: a delivery is acknowledged once **every** subscriber that received it has settled it (a
/// subscriber that goes away counts as settled). Acks are batched with `multiple` and flushed when the stream
/// goes quiet. A redelivered event whose id was already delivered is acknowledged without being delivered again.
/// A body that does not decode is rejected without requeue and reported as `.rejected`.
///
/// ```swift
/// let source = AMQPEventSource(StreamConfiguration(url: try AMQPURL(text), queues: ["vehicle-changes"],
///                                                  prefetch: 200, tlsCAFile: caPath))
/// let events = source.subscribe()
/// source.start()
/// for await message in events { … }
/// ```
public final class AMQPEventSource: EventSource {
    public let configuration: StreamConfiguration
    private let inbox: ConsumerThreadInbox
    private let hub: EventHub
    private let lifecycle = Lifecycle()

    public init(_ configuration: StreamConfiguration) {
        self.configuration = configuration
        let inbox = ConsumerThreadInbox()
        self.inbox = inbox
        self.hub = EventHub(initialStatus: StreamStatus(state: .connecting, endpoint: configuration.url.endpoint)) { bit in
            inbox.post(.unsubscribe(subscriber: bit))
        }
    }

    /// Shorthand for the common case.
    public convenience init(url: AMQPURL, queues: [String], prefetch: Int = 200, tlsCAFile: String? = nil) {
        self.init(StreamConfiguration(url: url, queues: queues, prefetch: prefetch, tlsCAFile: tlsCAFile))
    }

    public func subscribe() -> AsyncStream<StreamMessage> { hub.subscribe() }

    /// The handler runs on the consumer thread, between reads from the broker: a batch it settles before
    /// returning is acknowledged without any thread hop.
    public func subscribe(onMessage handler: @escaping @Sendable (StreamMessage) -> Void) {
        hub.subscribe(onMessage: handler)
    }

    /// Starts the consumer thread (once).
    public func start() {
        guard lifecycle.begin() else { return }
        let configuration = self.configuration
        let inbox = self.inbox
        let hub = self.hub
        let lifecycle = self.lifecycle
        let thread = Thread {
            nameCurrentThread("fleetwatch-amqp")
            StreamConsumer(configuration: configuration, inbox: inbox, hub: hub).run()
            lifecycle.end()
        }
        thread.start()
    }

    /// Stops consuming: settled deliveries are acknowledged, the connection is closed (unsettled ones go back to
    /// the queue), and every subscription ends.
    public func stop() {
        inbox.requestStop()
        if !lifecycle.hasBegun { hub.finish() }
    }

    /// Blocks until the consumer thread has ended (after `stop()`). For tests and orderly shutdown.
    public func waitUntilStopped(timeout: Double = 10) -> Bool { lifecycle.waitForEnd(timeout: timeout) }

    /// The latest status: state, rates, totals, last error.
    public var status: StreamStatus { hub.status }
}

/// Whether the consumer thread was started and has ended.
private final class Lifecycle: @unchecked Sendable {
    private let condition = NSCondition()
    private var begun = false
    private var ended = false

    func begin() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if begun { return false }
        begun = true
        return true
    }

    var hasBegun: Bool {
        condition.lock()
        defer { condition.unlock() }
        return begun
    }

    func end() {
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    func waitForEnd(timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !ended { if !condition.wait(until: deadline) { return ended } }
        return true
    }
}
