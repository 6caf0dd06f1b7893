import BenchVerdicts
import Testing

@Suite struct ConsumerRuleTests {
    /// Drains of one side at the given rates, the broker's CPU per event beside each.
    func drains(_ side: ConsumerSide, _ pairs: [(Double, Double?)]) -> [ConsumerDrain] {
        pairs.map { ConsumerDrain(side: side, eventsPerSecond: $0.0, brokerMicrosPerEvent: $0.1) }
    }

    @Test func slowDrainsAreLeftOutOfTheMedians() {
        // 21 µs is the run's lowest; 43 µs is over 1.5× that, the broker's slow mode.
        let run = drains(.c, [(80_000, 21), (78_000, 22), (30_000, 43)])
            + drains(.inline, [(74_000, 21), (72_000, 23), (29_000, 44)])
            + drains(.store, [(73_000, 22), (71_000, 21)])
        #expect(ConsumerRule.fastRates(run)[.c] == [78_000, 80_000])
        let comparison = ConsumerRule.compare(.inline, in: run)
        #expect(comparison?.basis == .medianOfFastDrains(side: 2, baseline: 2))
        #expect(comparison?.ratio == 73_000.0 / 79_000.0)
    }

    @Test func theLimitOfTheFastModeIsOneAndAHalfTimesTheLowest() {
        let run = drains(.c, [(80_000, 20), (70_000, 30), (10_000, 30.01)])
        #expect(ConsumerRule.fastRates(run)[.c] == [70_000, 80_000])
    }

    @Test func fewerThanTwoFastDrainsFallBackToTheBestDrains() {
        let run = drains(.c, [(80_000, 21), (90_000, 50)]) + drains(.inline, [(72_000, 21), (75_000, 22)])
        let comparison = ConsumerRule.compare(.inline, in: run)
        #expect(comparison?.basis == .bestDrains)
        #expect(comparison?.ratio == 75_000.0 / 90_000.0)
    }

    @Test func withoutTheBrokersCPUTheBestDrainsDecide() {
        let run = drains(.c, [(80_000, nil), (60_000, nil)]) + drains(.inline, [(70_000, nil), (75_000, nil)])
        #expect(ConsumerRule.fastRates(run).isEmpty)
        #expect(ConsumerRule.compare(.inline, in: run) == .init(ratio: 75_000.0 / 80_000.0, basis: .bestDrains))
    }

    @Test func bothTheConsumerAndTheDashboardsWholePathAreJudged() {
        let c = drains(.c, [(80_000, 21), (80_000, 21)])
        let met = c + drains(.inline, [(76_000, 21), (76_000, 21)]) + drains(.store, [(72_000, 21), (72_000, 21)])
        #expect(ConsumerRule.judge(met).map(\.outcome) == [.met, .met])
        #expect(ExitStatus.of(ConsumerRule.judge(met)) == ExitStatus.met)

        // The consumer alone meets 0.9; the store path at 0.875 does not, and that fails the run.
        let slowStore = c + drains(.inline, [(76_000, 21), (76_000, 21)]) + drains(.store, [(70_000, 21), (70_000, 21)])
        #expect(ConsumerRule.judge(slowStore).map(\.outcome) == [.met, .missed])
        #expect(ExitStatus.of(ConsumerRule.judge(slowStore)) == ExitStatus.missed)
    }

    @Test func exactlyTheTargetMeetsIt() {
        let run = drains(.c, [(100_000, 21), (100_000, 21)]) + drains(.inline, [(90_000, 21), (90_000, 21)])
            + drains(.store, [(89_990, 21), (89_990, 21)])
        let verdicts = ConsumerRule.judge(run)
        #expect(verdicts.map(\.outcome) == [.met, .missed])
        // A ratio just under the target does not print as the target.
        #expect(verdicts[1].figure.hasPrefix("0.900×") == false)
    }

    @Test func aSideThatNeverDrainedCannotBeJudged() {
        let run = drains(.c, [(80_000, 21), (80_000, 21)]) + drains(.inline, [(76_000, 21), (76_000, 21)])
        #expect(ConsumerRule.judge(run).map(\.outcome) == [.met, .cannotMeasure])
        #expect(ExitStatus.of(ConsumerRule.judge(run)) == ExitStatus.cannotMeasure)
        #expect(ConsumerRule.judge([]).map(\.outcome) == [.cannotMeasure, .cannotMeasure])
    }

    @Test func theDrainLogIsRead() {
        #expect(ConsumerDrain(line: "store 71234 21.5") == .init(side: .store, eventsPerSecond: 71_234, brokerMicrosPerEvent: 21.5))
        #expect(ConsumerDrain(line: "c 80000 -") == .init(side: .c, eventsPerSecond: 80_000, brokerMicrosPerEvent: nil))
        #expect(ConsumerDrain(line: "swift 80000 -") == nil)
        #expect(ConsumerDrain(line: "c fast -") == nil)
        #expect(ConsumerDrain(line: "c 80000") == nil)
    }
}
