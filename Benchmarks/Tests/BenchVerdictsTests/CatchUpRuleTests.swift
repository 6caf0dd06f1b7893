import BenchVerdicts
import Testing

@Suite struct CatchUpRuleTests {
    /// A run's log: both kinds, C and the dashboard at the given rates (broker CPU 40 µs an event throughout),
    /// `presses` key presses at `millis` each, and the given peaks.
    func log(streamRates: (c: Double, dashboard: Double) = (40_000, 38_000),
             classicRates: (c: Double, dashboard: Double) = (30_000, 29_000),
             presses: Int = 200, millis: Double = 40, slowPresses: [String] = [],
             peaks: [String] = ["180000000", "190000000"]) -> String {
        var lines: [String] = []
        for (kind, rates) in [("stream", streamRates), ("classic", classicRates)] {
            for _ in 0..<3 {
                lines.append("drain \(kind) c \(rates.c) 40")
                lines.append("drain \(kind) dashboard \(rates.dashboard) 40")
            }
            lines += (0..<presses).map { _ in "key \(kind) \(millis)" }
            lines += slowPresses.map { "key \(kind) \($0)" }
            lines += peaks.map { "memory \(kind) \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func outcomes(_ text: String) -> [Outcome] { CatchUpRule.judge(CatchUpRun(log: text)!).map(\.outcome) }

    @Test func aRunThatMeetsEveryTargetPasses() {
        #expect(outcomes(log()) == Array(repeating: .met, count: 6))
        #expect(ExitStatus.of(CatchUpRule.judge(CatchUpRun(log: log())!)) == ExitStatus.met)
    }

    @Test func eachKindOfQueueIsJudgedOnItsOwnRate() {
        // The stream at 0.95×, the classic queue at 0.85×: only the classic queue's rate misses.
        let text = log(streamRates: (40_000, 38_000), classicRates: (40_000, 34_000))
        #expect(outcomes(text) == [.met, .met, .met, .missed, .met, .met])
        #expect(ExitStatus.of(CatchUpRule.judge(CatchUpRun(log: text)!)) == ExitStatus.missed)
    }

    @Test func theRateIsTheMedianOfTheRoundsWithTheBrokerInOneMode() {
        // Round 2 had the broker at twice the CPU an event for the dashboard's drain as for the C consumer's (two
        // modes): left out, where it would pull the median to 0.892×. Who read first alternates.
        let text = """
            drain stream c 40000 40
            drain stream dashboard 37000 41
            drain stream dashboard 10000 70
            drain stream c 40000 35
            drain stream c 40000 60
            drain stream dashboard 35000 62
            drain stream dashboard 36400 45
            drain stream c 40000 44
            """
        let verdict = CatchUpRule.judge(CatchUpRun(log: text)!)[0]
        #expect(verdict.outcome == .met)  // median of 0.925, 0.875 and 0.91
        #expect(verdict.figure.hasPrefix("0.910×"))
        #expect(verdict.figure.contains("3 of 4 rounds"))
        let report = CatchUpReport(CatchUpRun(log: text)!).lines
        #expect(report.contains("stream round 2: 0.250× the C consumer, the broker at 35.0 (C) and 70.0 µs an event: "
                                + "not one mode, left out"))
    }

    @Test func fewerThanTwoRoundsInOneModeGiveNoVerdict() {
        let text = """
            drain classic c 40000 40
            drain classic dashboard 38000 41
            drain classic dashboard 20000 70
            drain classic c 40000 35
            drain classic c 40000 -
            drain classic dashboard 39000 -
            """
        let verdict = CatchUpRule.judge(CatchUpRun(log: text)!)[3]
        #expect(verdict.outcome == .cannotMeasure)
        #expect(verdict.figure.hasPrefix("1 of 3 rounds"))
    }

    @Test func drainsThatAreNotRoundsOfBothSidesGiveNoVerdict() {
        let odd = "drain stream c 40000 40\ndrain stream dashboard 38000 40\ndrain stream c 40000 40\n"
        let twoByOneSide = "drain stream c 40000 40\ndrain stream c 41000 40\n"
            + "drain stream dashboard 38000 40\ndrain stream dashboard 38000 40\n"
        for text in [odd, twoByOneSide] {
            #expect(CatchUpRule.judge(CatchUpRun(log: text)!)[0].outcome == .cannotMeasure)
            #expect(RoundPair.rounds(of: CatchUpRun(log: text)!.drains[.stream]!) == nil)
        }
    }

    @Test func theKeyPressTargetIsTheNinetyNinthPercentile() {
        // 2 slow presses in 200 are 1 %: the 99th percentile (the 198th press) is still fast.
        #expect(outcomes(log(presses: 198, slowPresses: ["150", "150"]))[1] == .met)
        // 3 slow presses in 200 are over 1 %: the 198th press is a slow one.
        #expect(outcomes(log(presses: 197, slowPresses: ["150", "150", "150"]))[1] == .missed)
        // Exactly 100 ms meets it.
        #expect(outcomes(log(millis: 100))[1] == .met)
        #expect(outcomes(log(millis: 100.1))[1] == .missed)
    }

    @Test func aPressNoFrameShowedIsSlowerThanAnyTarget() {
        let text = log(presses: 197, slowPresses: ["inf", "inf", "inf"])
        let verdict = CatchUpRule.judge(CatchUpRun(log: text)!)[1]
        #expect(verdict.outcome == .missed)
        #expect(verdict.figure.contains("3 never shown"))
    }

    @Test func tooFewPressesGiveNoPercentile() {
        let text = log(presses: 99)
        #expect(outcomes(text)[1] == .cannotMeasure)
        #expect(ExitStatus.of(CatchUpRule.judge(CatchUpRun(log: text)!)) == ExitStatus.cannotMeasure)
    }

    @Test func memoryIsJudgedOnTheHighestPeakInDecimalMegabytes() {
        #expect(outcomes(log(peaks: ["250000000"]))[2] == .met)
        // 250 MiB is over 250 MB.
        #expect(outcomes(log(peaks: ["200000000", "262144000"]))[2] == .missed)
        #expect(outcomes(log(peaks: ["200000000", "0"]))[2] == .cannotMeasure)
        #expect(outcomes(log(peaks: []))[2] == .cannotMeasure)
    }

    @Test func aKindThatNeverRanCannotBeJudged() {
        let text = log().split(separator: "\n").filter { !$0.contains(" classic ") }.joined(separator: "\n")
        #expect(outcomes(text) == [.met, .met, .met, .cannotMeasure, .cannotMeasure, .cannotMeasure])
    }

    @Test func aLineThatIsNotARecordRejectsTheLog() {
        #expect(CatchUpRun(log: "drain stream c 40000 40\n") != nil)
        #expect(CatchUpRun(log: "drain queue c 40000 40\n") == nil)
        #expect(CatchUpRun(log: "key stream fast\n") == nil)
        #expect(CatchUpRun(log: "key stream -1\n") == nil)
        #expect(CatchUpRun(log: "memory stream inf\n") == nil)
        #expect(CatchUpRun(log: "frames stream 12\n") == nil)
    }

    @Test func thePercentileIsANearestRankAndAValueMeasured() {
        #expect(percentile(99, of: Array(1...100).map(Double.init)) == 99)
        #expect(percentile(99, of: Array(1...1000).map(Double.init)) == 990)
        #expect(percentile(99, of: [5]) == 5)
        #expect(percentile(50, of: [1, 2, 3, 4]) == 2)
        #expect(percentile(100, of: [1, .infinity]) == .infinity)
        #expect(percentile(99, of: []) == nil)
    }
}
