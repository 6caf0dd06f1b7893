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
        #expect(header(model).contains("catching up: 41200 events behind"), "\(header(model))")
        model.stream.streamOffset = nil  // nothing handed over yet: all of it is ahead
        #expect(header(model).contains("catching up: 41301 events behind"))
        model.stream.streamOffset = 41_300
        #expect(!header(model).contains("catching up"))
        model.catchUpTo = nil  // a queue
        model.stream.streamOffset = nil
        #expect(!header(model).contains("catching up"))
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
