/// Where a dashboard on a stream must start reading again to rebuild what it shows: the offset from which the
/// last `window` of event time is replayed.
///
/// The dashboard's state (panes, every vehicle's values) lives in memory, and the broker keeps no offset for an
/// AMQP 0-9-1 consumer. So a restart reads the stream again from a point before where it left off. That point is
/// chosen by event time, not by a count of events: the panes and the vehicles' last reports span hours, whatever
/// the fleet's rate. Samples are kept at most one per `granularity` of event time, so the memory is bounded by
/// `window / granularity` whatever the stream holds.
public struct ReplayWindow: Sendable {
    /// Event time kept for replay (the day before the last event, by default).
    public let window: Double
    /// The finest step between samples, in seconds of event time.
    public let granularity: Double
    private var samples: [(offset: Int64, time: Timestamp)] = []
    /// The latest event time seen; event times later than their arrival are taken as the arrival.
    public private(set) var latest: Timestamp?

    public init(window: Double = 24 * 3_600, granularity: Double = 60) {
        self.window = window
        self.granularity = granularity
    }

    /// Records an applied batch: its offsets, and the newest event time among `eventTimes` (each clamped to
    /// `arrivedAt`, so a box with a clock in the future cannot push the window ahead of the stream).
    public mutating func record(offsets: ClosedRange<Int64>, eventTimes: some Sequence<Timestamp?>, arrivedAt: Timestamp) {
        var newest = latest
        for case let time? in eventTimes {
            let clamped = min(time, arrivedAt)
            if newest.map({ clamped > $0 }) ?? true { newest = clamped }
        }
        // A batch with no event time inherits the latest one: the window still starts at the run's first offset.
        let time = newest ?? arrivedAt
        latest = time
        if let last = samples.last {
            if offsets.lowerBound <= last.offset { return }  // a replay of what was sampled: nothing new
            // `adding` saturates: no granularity, however large, can trap here.
            if time < last.time.adding(seconds: granularity) { return }
        }
        samples.append((offsets.lowerBound, time))
        prune()
    }

    /// The offset to replay from: the newest sample at least `window` older than the latest event, else the oldest
    /// sample (all of what was read is within the window). Nil before anything was recorded.
    public var replayFrom: Int64? {
        guard let latest else { return nil }
        let cutoff = latest.adding(seconds: -window)
        var chosen = samples.first?.offset
        for sample in samples where sample.time <= cutoff { chosen = sample.offset }
        return chosen
    }

    /// Drops samples before the one `replayFrom` would choose: they can never be chosen again, as the latest time
    /// only grows.
    private mutating func prune() {
        guard let latest else { return }
        let cutoff = latest.adding(seconds: -window)
        var keepFrom = 0
        for (i, sample) in samples.enumerated() where sample.time <= cutoff { keepFrom = i }
        if keepFrom > 0 { samples.removeFirst(keepFrom) }
    }

    /// How many samples are kept (bounded by `window / granularity` plus one).
    public var sampleCount: Int { samples.count }
}
