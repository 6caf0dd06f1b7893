import BenchVerdicts
import Testing

@Suite struct InProcessRuleTests {
    @Test func decodeApplyIsJudgedAsTheDesignsRatioToJSONDecoder() {
        #expect(DecodeApplyRule.target == 250_000.0 / 75_000.0)
        // 3.4× the baseline's rate: the baseline takes 3.4 times as long a pass.
        #expect(DecodeApplyRule.judge(decodeApplyNanos: 1_000, baselineNanos: 3_400).outcome == .met)
        #expect(DecodeApplyRule.judge(decodeApplyNanos: 1_000, baselineNanos: 3_300).outcome == .missed)
        #expect(DecodeApplyRule.judge(decodeApplyNanos: nil, baselineNanos: 3_300).outcome == .cannotMeasure)
        #expect(DecodeApplyRule.judge(decodeApplyNanos: 1_000, baselineNanos: 0).outcome == .cannotMeasure)
    }

    @Test func aFrameMustStayWithinItsBudgetAndNotGrowWithTheFleet() {
        #expect(FrameRule.judge(smallNanos: 800_000, largeNanos: 1_200_000).outcome == .met)
        #expect(FrameRule.judge(smallNanos: 800_000, largeNanos: 1_200_001).outcome == .missed)  // 1.5× and a bit
        #expect(FrameRule.judge(smallNanos: 1_900_000, largeNanos: 2_100_000).outcome == .missed)  // over 2 ms
        #expect(FrameRule.judge(smallNanos: 2_000_000, largeNanos: 2_000_000).outcome == .met)
        #expect(FrameRule.judge(smallNanos: nil, largeNanos: 2_000_000).outcome == .cannotMeasure)
        #expect(FrameRule.judge(smallNanos: 800_000, largeNanos: 1_200_001, subject: "map frame").subject == "map frame")
    }

    @Test func idleCPUIsJudgedAboveTheHarnessesOwn() {
        // µs of CPU per second: 10,000 is 1 % of one core.
        #expect(IdleCPURule.judge(dashboardMicrosPerSecond: 10_500, harnessMicrosPerSecond: 500).outcome == .met)
        #expect(IdleCPURule.judge(dashboardMicrosPerSecond: 10_501, harnessMicrosPerSecond: 500).outcome == .missed)
        #expect(IdleCPURule.judge(dashboardMicrosPerSecond: 100, harnessMicrosPerSecond: 300).outcome == .met)
        #expect(IdleCPURule.judge(dashboardMicrosPerSecond: nil, harnessMicrosPerSecond: 300).outcome == .cannotMeasure)
    }

    @Test func memoryIsJudgedOnlyWhereItWasMeasured() {
        let mib = 1_048_576.0
        #expect(MemoryRule.judge(peakResidentBytes: 200 * mib, allocations: 5_000_000).outcome == .met)
        #expect(MemoryRule.judge(peakResidentBytes: 200 * mib + 1, allocations: 5_000_000).outcome == .missed)
        // No /proc (a resident size of 0 or none), or no interposer (no allocation counted): no verdict, not a pass.
        #expect(MemoryRule.judge(peakResidentBytes: 0, allocations: 5_000_000).outcome == .cannotMeasure)
        #expect(MemoryRule.judge(peakResidentBytes: nil, allocations: 5_000_000).outcome == .cannotMeasure)
        #expect(MemoryRule.judge(peakResidentBytes: 100 * mib, allocations: 0).outcome == .cannotMeasure)
        #expect(MemoryRule.judge(peakResidentBytes: 100 * mib, allocations: nil).outcome == .cannotMeasure)
    }

    @Test func theExitStatusSaysMissedBeforeCannotMeasure() {
        let met = Verdict(subject: "a", outcome: .met, figure: "", target: "")
        var missed = met, unmeasured = met
        missed.outcome = .missed
        unmeasured.outcome = .cannotMeasure
        #expect(ExitStatus.of([met, met]) == 0)
        #expect(ExitStatus.of([met, unmeasured]) == 3)
        #expect(ExitStatus.of([unmeasured, missed, met]) == 1)
        #expect(ExitStatus.of([]) == 3)
    }

    @Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(median([3, 1, 2]) == 2)
        #expect(median([4, 1, 3, 2]) == 2.5)
        #expect(median([]) == nil)
    }
}
