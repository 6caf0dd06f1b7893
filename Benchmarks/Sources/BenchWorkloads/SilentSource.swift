import FleetCore

/// An event source that connects and then has nothing to say: what an idle dashboard listens to.
struct SilentSource: EventSource {
    func subscribe() -> AsyncStream<StreamMessage> {
        AsyncStream { $0.yield(.status(StreamStatus(state: .connected, endpoint: "idle"))) }
    }
    func start() {}
    func stop() {}
}
