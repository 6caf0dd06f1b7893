/// Where a dashboard on a stream left off: what it had applied and where a restart reads again from.
///
/// The broker keeps no offset for an AMQP 0-9-1 consumer, so the dashboard keeps this itself, one per broker,
/// vhost and stream.
public struct StreamCheckpoint: Codable, Hashable, Sendable {
    /// `host:port` of the broker (never credentials).
    public var broker: String
    public var vhost: String
    public var stream: String
    /// The last offset whose event the store had applied (with every offset before it).
    public var offset: Int64
    /// Where a restart reads from to rebuild the panes and the vehicles (`ReplayWindow`); at most `offset`.
    public var replayFrom: Int64
    /// When it was written (ISO 8601), for the operator who reads the file.
    public var savedAt: String

    public init(broker: String, vhost: String, stream: String, offset: Int64, replayFrom: Int64, savedAt: String) {
        self.broker = broker
        self.vhost = vhost
        self.stream = stream
        self.offset = offset
        self.replayFrom = replayFrom
        self.savedAt = savedAt
    }

    /// Offsets are a stream's own numbering from 0; a restart never replays from after where it left off.
    public var isValid: Bool { offset >= 0 && replayFrom >= 0 && replayFrom <= offset }
}

/// Told by the dashboard's runtime after each batch is applied to the store: the seam through which the
/// dashboard's progress on a stream is kept across restarts.
public protocol StreamProgressRecorder: Sendable {
    /// `batch` has been applied to the store (never called before that).
    func applied(_ batch: EventBatch)
    /// Called now and then (with each status from the source, a few times a second) so that what was recorded is
    /// kept even when no batch follows it.
    func keepIfDue()
}
