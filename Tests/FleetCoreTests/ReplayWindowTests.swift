import FleetCore
import Testing

/// The offset a restart replays from: the last day of event time before where the dashboard left off.
@Suite struct ReplayWindowTests {
    let t0 = Timestamp(iso8601: "2026-12-05T00:00:00Z")!

    func at(minutes: Double) -> Timestamp { t0.adding(seconds: minutes * 60) }

    /// One batch of 10 offsets a minute of event time, arriving as it happens.
    func fed(minutes: Int, window: Double = 3_600) -> ReplayWindow {
        var w = ReplayWindow(window: window)
        for m in 0..<minutes {
            let first = Int64(m * 10)
            w.record(offsets: first...(first + 9), eventTimes: [at(minutes: Double(m))], arrivedAt: at(minutes: Double(m) + 0.1))
        }
        return w
    }

    @Test func nothingRecordedHasNoReplayPoint() {
        #expect(ReplayWindow().replayFrom == nil)
    }

    @Test func withinTheWindowItReplaysEverythingItRead() {
        #expect(fed(minutes: 30).replayFrom == 0)
    }

    /// After three hours with a one-hour window, the replay starts an hour (of event time) before the last event.
    @Test func pastTheWindowItReplaysOnlyTheWindow() {
        let w = fed(minutes: 180)
        // The last event is at minute 179; the newest sample at or before minute 119 is that minute's batch.
        #expect(w.replayFrom == 1_190)
        #expect(w.sampleCount <= 62, "\(w.sampleCount)")
    }

    /// A box with its clock in the future cannot push the window ahead of what arrived.
    @Test func futureEventTimesAreTakenAsTheirArrival() {
        var w = fed(minutes: 30)
        w.record(offsets: 300...300, eventTimes: [Timestamp(iso8601: "2030-01-01T00:00:00Z")], arrivedAt: at(minutes: 31))
        #expect(w.latest == at(minutes: 31))
        #expect(w.replayFrom == 0)
    }

    /// Events without a time keep the latest one; a late event (older than the latest) does not move it back.
    @Test func missingAndLateTimesDoNotMoveTheWindow() {
        var w = fed(minutes: 90)
        let before = w.replayFrom
        w.record(offsets: 900...905, eventTimes: [nil, at(minutes: 2)], arrivedAt: at(minutes: 90))
        #expect(w.latest == at(minutes: 89))
        #expect(w.replayFrom == before)
    }

    /// A replay (offsets already sampled) adds nothing: the window is the same after a restart reads them again.
    @Test func replayedOffsetsAreNotSampledAgain() {
        var w = fed(minutes: 10)
        let count = w.sampleCount
        w.record(offsets: 0...9, eventTimes: [at(minutes: 9.5)], arrivedAt: at(minutes: 9.6))
        #expect(w.sampleCount == count)
        #expect(w.replayFrom == 0)
    }

    /// A day of one event a second keeps at most one sample a minute.
    @Test func memoryIsBoundedByTheWindow() {
        var w = ReplayWindow(window: 24 * 3_600, granularity: 60)
        for s in 0..<(2 * 24 * 3_600) where s % 7 == 0 {
            let time = t0.adding(seconds: Double(s))
            w.record(offsets: Int64(s)...Int64(s), eventTimes: [time], arrivedAt: time)
        }
        #expect(w.sampleCount <= 24 * 60 + 2, "\(w.sampleCount)")
        let from: Int64 = try! #require(w.replayFrom)
        let oneDay: Int64 = 24 * 3_600
        #expect(from >= oneDay - 120 && from <= oneDay + 7, "\(from)")
    }
}
