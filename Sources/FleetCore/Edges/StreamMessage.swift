/// One message from an `EventSource`.
public enum StreamMessage: Sendable {
    /// Decoded events, in delivery order; settle them once they have been applied (or printed).
    case events(EventBatch)
    /// A message that could not be decoded: already rejected without requeue, reported here.
    case rejected(Rejection)
    /// The connection state and statistics changed.
    case status(StreamStatus)
}
