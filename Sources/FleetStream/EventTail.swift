import FleetCore

/// `fleetwatch tail` without the command line: prints one line per distinct event from any `EventSource`,
/// reports rejected messages and connection changes as diagnostics, and stops after `count` events.
public struct EventTail: Sendable {
    public enum Format: Sendable { case text, json }

    public var format: Format
    /// Stop after this many distinct events (after the vehicle filter); nil runs until the source stops.
    public var count: Int?
    /// Only events about this vehicle id (case-insensitive); the others are settled and skipped.
    public var vehicle: String?
    /// For a stream: stop once everything up to this offset was handed over (`history`), or when nothing has
    /// come `idleLimit` seconds after the start (nothing newer than `--since`).
    public var until: Int64?
    public var idleLimit: Duration

    public init(format: Format = .text, count: Int? = nil, vehicle: String? = nil, until: Int64? = nil,
                idleLimit: Duration = .seconds(5)) {
        self.format = format
        self.count = count
        self.vehicle = vehicle?.lowercased()
        self.until = until
        self.idleLimit = idleLimit
    }

    /// Subscribes, starts the source, and prints until `count` events were printed (then stops the source and
    /// waits for it to finish, so their acknowledgements go out; later deliveries stay unacknowledged and go back
    /// to the queue) or the source ends. Events of other vehicles are settled (consumed) without printing.
    /// Returns the number printed.
    public func run(source: some EventSource, output: (String) -> Void, diagnostics: (String) -> Void) async -> Int {
        let stream = source.subscribe()
        source.start()
        var printed = 0
        var seen = SeenEvents(capacity: 65_536)  // the source dedups too; this keeps any source honest
        var lastState: StreamStatus.State?
        var lastShared: [String] = []
        var stopping = count.map { $0 <= 0 } ?? false
        if stopping { source.stop() }
        let progressed = Locked(false)
        let watchdog = until.map { _ in
            Task { [idleLimit] in
                try? await Task.sleep(for: idleLimit)
                if !progressed.withLock({ $0 }) { source.stop() }
            }
        }
        defer { watchdog?.cancel() }
        for await message in stream {
            switch message {
            case let .events(batch):
                progressed.withLock { $0 = true }
                // After the last event, leave the rest unsettled: the broker gets them back for the next reader.
                guard !stopping else { continue }
                var handled = 0
                for event in batch.events {
                    handled += 1
                    if let vehicle, event.vehicleID?.lowercased() != vehicle { continue }
                    guard seen.insert(event.idHash) else { continue }
                    output(format == .json ? TailFormat.json(event) : TailFormat.text(event))
                    printed += 1
                    if let count, printed >= count {
                        stopping = true
                        break
                    }
                }
                batch.settle(first: handled)
                if stopping { source.stop() }
            case let .rejected(rejection):
                diagnostics(TailFormat.rejection(rejection))
            case let .status(status):
                // Only changes of state: the rate ticks every second and would flood stderr.
                if status.state != lastState { diagnostics(TailFormat.status(status)) }
                lastState = status.state
                if status.sharedQueues != lastShared, let warning = status.sharedQueueWarning {
                    diagnostics(SafeText.sanitize("fleetwatch: warning: " + warning))
                }
                lastShared = status.sharedQueues
                if let until, let offset = status.streamOffset {
                    progressed.withLock { $0 = true }
                    if offset >= until, !stopping {
                        stopping = true
                        source.stop()
                    }
                }
            }
        }
        return printed
    }
}
