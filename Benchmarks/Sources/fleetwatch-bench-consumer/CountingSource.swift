import FleetCore

/// An event source that hands everything on to its subscriber and then reports how many events that subscriber
/// has handled: around the dashboard's own subscriber (which applies each batch to the store and settles it),
/// it tells the catch-up benchmark when the store has applied all it was to read, without polling the store.
struct CountingSource: EventSource {
    let source: any EventSource
    /// Called on the source's thread after each batch was handled, with its number of events.
    let handled: @Sendable (Int) -> Void

    func subscribe() -> AsyncStream<StreamMessage> { source.subscribe() }

    func subscribe(onMessage handler: @escaping @Sendable (StreamMessage) -> Void) {
        let handled = self.handled
        source.subscribe { message in
            handler(message)
            if case let .events(batch) = message { handled(batch.events.count) }
        }
    }

    func start() { source.start() }
    func stop() { source.stop() }
}
