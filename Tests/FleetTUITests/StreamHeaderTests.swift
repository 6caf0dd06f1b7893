import FleetCore
import Testing
@testable import FleetTUI

/// What the header says about where the stream stands: a shared queue, and how far a stream reader is behind
/// the end it started from.
@Suite struct StreamHeaderTests {
    let index = RowIndex()

    func header(_ model: DashboardModel) -> String {
        DashboardView.render(model, rows: index.rows(for: Fixture.fleet(), filter: .none)).lines[0]
    }

    @Test func countsDownToTheEndItStartedFromThenGoesLive() {
        var model = Fixture.model(size: ScreenSize(width: 160, height: 30))
        model.catchUpTo = 41_300
        model.stream = StreamStatus(state: .connected, endpoint: "team/fleet", streamOffset: 100)
        #expect(header(model).contains("catching up: 41,200 events behind"), "\(header(model))")
        model.stream.streamOffset = nil  // nothing handed over yet: all of it is ahead
        #expect(header(model).contains("catching up: 41,301 events behind"))
        model.stream.streamOffset = 41_300
        #expect(!header(model).contains("catching up"))
        model.catchUpTo = nil  // a queue
        model.stream.streamOffset = nil
        #expect(!header(model).contains("catching up"))
    }

    /// At the rate the source reads now, how long the rest takes; nothing while it reads under one a second.
    @Test func theCatchUpSaysHowLongTheRestTakesAtTheCurrentRate() {
        var model = Fixture.model(size: ScreenSize(width: 200, height: 30))
        model.catchUpTo = 2_500_000
        model.stream = StreamStatus(state: .connected, endpoint: "team/fleet", eventsPerSecond: 32_000, streamOffset: 100)
        #expect(header(model).contains("catching up: 2,499,900 events behind (~1m left)"), "\(header(model))")
        model.stream.eventsPerSecond = 2_000_000
        #expect(header(model).contains("2,499,900 events behind (~2s left)"))
        for stalled in [0, 0.5, -3, .nan, .infinity] {
            model.stream.eventsPerSecond = stalled
            #expect(header(model).contains("2,499,900 events behind") && !header(model).contains("left)"),
                    "\(stalled): \(header(model))")
        }
    }

    /// On classic queues, the messages they held when the source subscribed count down the same way.
    @Test func aQueuesBacklogCountsDownAsAStreamsDoes() {
        var model = Fixture.model(size: ScreenSize(width: 200, height: 30))
        model.stream = StreamStatus(state: .connected, endpoint: "EXFL29", eventsPerSecond: 20_000, queuedBehind: 41_200)
        #expect(header(model).contains("catching up: 41,200 events behind (~3s left)"), "\(header(model))")
        model.stream.queuedBehind = nil
        #expect(!header(model).contains("catching up"))
    }

    @Test func largeCountsAreGroupedByThousands() {
        #expect(groupedText(0) == "0")
        #expect(groupedText(999) == "999")
        #expect(groupedText(1_000) == "1,000")
        #expect(groupedText(41_200) == "41,200")
        #expect(groupedText(-1_234_567) == "-1,234,567")
        #expect(groupedText(.min) == "-9,223,372,036,854,775,808")
        #expect(compactDuration(seconds: -5) == "0s")
        #expect(compactDuration(seconds: 59) == "59s")
        #expect(compactDuration(seconds: 3_599) == "59m")
        #expect(compactDuration(seconds: .max).hasSuffix("d"))
    }

    @Test func aSharedQueueIsNamedBeforeTheCounts() {
        var model = Fixture.model(size: ScreenSize(width: 100, height: 30))
        model.stream = StreamStatus(state: .connected, endpoint: "EXFL29", sharedQueues: ["vehicle-change"])
        let line = header(model)
        #expect(line.contains("SHARED QUEUE vehicle-change"), "\(line)")
        model.stream.sharedQueues = []
        #expect(!header(model).contains("SHARED"))
    }
}
