/// The seam between where events come from (the AMQP consumer, the demo's simulation, a test) and who uses them
/// (the dashboard's store, `tail`).
///
/// A subscriber settles every delivered batch of events once it has applied it: the AMQP source acknowledges
/// the broker deliveries only then, so an event is never lost between the broker and the store.
public protocol EventSource: Sendable {
    /// A new subscription. Each subscriber sees every event; the stream ends when the source stops.
    func subscribe() -> AsyncStream<StreamMessage>
    /// A subscription served in order on the source's own thread, with no hand-off to another task: for a
    /// subscriber that only applies events to memory, like the dashboard's store. Waking a task for every batch
    /// cost as much CPU as the rest of consuming; on a machine that the broker shares, CPU is throughput.
    /// `handler` must be quick and must never block or wait (printing to a pipe that may fill does not
    /// qualify: use `subscribe()`); it settles batches like any subscriber. It lasts as long as the source. The
    /// current status may be delivered on the subscribing thread before this returns, so the handler must be
    /// safe to call from any thread.
    func subscribe(onMessage handler: @escaping @Sendable (StreamMessage) -> Void)
    /// Starts the source (connects, consumes). Returns at once; progress arrives as `.status` messages.
    func start()
    /// Stops the source and finishes every subscription.
    func stop()
}

extension EventSource {
    /// For sources without a thread of their own: the handler runs on a task that iterates `subscribe()`.
    public func subscribe(onMessage handler: @escaping @Sendable (StreamMessage) -> Void) {
        let stream = subscribe()
        Task { for await message in stream { handler(message) } }
    }
}
