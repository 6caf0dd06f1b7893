/// What the catch-up benchmark reads: a RabbitMQ stream, or a classic queue.
public enum QueueKind: String, Sendable, CaseIterable {
    /// `x-queue-type: stream`, read from its first offset.
    case stream
    /// A classic queue, drained.
    case classic
}

/// One run of `scripts/bench-catch-up`, read from its log: every drain of each kind of queue, every key press's
/// latency until a frame showed it, and the dashboard's peak resident memory in each of its drains.
///
/// The log has one record a line:
/// - `drain KIND SIDE RATE BROKER`: a drain as the consumer benchmark logs it (`ConsumerDrain`), of `KIND`; a
///   kind's drains in the order they ran, two a round (`RoundPair`);
/// - `key KIND MILLISECONDS`: a key typed while the dashboard caught up, and how long until a presented frame
///   showed it; `inf` when no frame showed it before the dashboard had caught up and a second more;
/// - `memory KIND BYTES`: the dashboard's peak resident set (VmHWM) in one drain; 0 when it could not be read.
public struct CatchUpRun: Sendable, Equatable {
    public var drains: [QueueKind: [ConsumerDrain]] = [:]
    public var keyLatencies: [QueueKind: [Double]] = [:]
    public var peakResidentBytes: [QueueKind: [Double]] = [:]

    public init() {}

    /// Reads a log; nil for a line that is not a record (the whole log is then not trusted).
    public init?(log: String) {
        for line in log.split(separator: "\n") where !line.isEmpty {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count == 3, let kind = QueueKind(rawValue: String(fields[1])) else { return nil }
            switch fields[0] {
            case "drain":
                guard let drain = ConsumerDrain(line: fields[2]) else { return nil }
                drains[kind, default: []].append(drain)
            case "key":
                // `inf` reads as infinity: a press no frame showed is slower than any target.
                guard let millis = Double(fields[2]), millis >= 0 else { return nil }
                keyLatencies[kind, default: []].append(millis)
            case "memory":
                guard let bytes = Double(fields[2]), bytes >= 0, bytes.isFinite else { return nil }
                peakResidentBytes[kind, default: []].append(bytes)
            default:
                return nil
            }
        }
    }
}
