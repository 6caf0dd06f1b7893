import BenchVerdicts
import Testing

@Suite struct InProcessReportTests {
    /// An export file as the harness writes it: a header, then percentiles 0 to 100, all at `value`.
    func file(_ value: Int) -> String {
        "Percentile\tsome metric (ns)\n" + (0...100).map { "\($0)\t\(value)\n" }.joined()
    }

    func name(_ target: String, _ benchmark: String, _ metric: String) -> String {
        "Current_run.\(target).\(benchmark.replacingOccurrences(of: " ", with: "_")).\(metric).histogram.percentiles.tsv"
    }

    @Test func theExportIsReadByTargetNameAndMetric() {
        let export = HarnessExport(files: [
            name("DecodeApply", "decode + apply", "wallClock"): file(1_000),
            "Current_run.DecodeApply.decode_+_apply.wallClock.histogram.txt": file(7),  // another format: ignored
        ])
        #expect(export.value("DecodeApply", "decode + apply", "wallClock") == 1_000)
        #expect(export.value("DecodeApply", "decode + apply", "cpuTotal") == nil)
        #expect(export.value("Frame", "decode + apply", "wallClock") == nil)
    }

    @Test func aRunThatExportedNothingCannotPass() {
        let report = InProcessReport(HarnessExport(files: [:]), suites: InProcessSuite.allCases)
        // decode + apply; the frame, the map frame, the sorted and filtered frame, idle; memory
        #expect(report.verdicts.count == 6)
        #expect(report.verdicts.allSatisfy { $0.outcome == .cannotMeasure })
        #expect(ExitStatus.of(report.verdicts) == ExitStatus.cannotMeasure)
    }

    @Test func memoryWithoutTheInterposerIsNotJudged() {
        let target = BenchPlan.Memory.target, run = BenchPlan.Memory.longRun
        let withoutInterposer = HarnessExport(files: [
            name(target, run, "peakMemoryResident"): file(120 * 1_048_576),
            name(target, run, "wallClock"): file(9_000_000_000),
        ])
        #expect(InProcessReport(withoutInterposer, suites: [.memory]).verdicts.map(\.outcome) == [.cannotMeasure])
        let measured = HarnessExport(files: [
            name(target, run, "peakMemoryResident"): file(120 * 1_048_576),
            name(target, run, "mallocCountTotal"): file(40_000_000),
        ])
        #expect(InProcessReport(measured, suites: [.memory]).verdicts.map(\.outcome) == [.met])
    }

    /// The map's frame is judged against the map's own 1k-vehicle frame, not the log panes' (which is cheaper).
    @Test func theMapFrameIsJudgedAgainstTheMapsSmallFrame() {
        typealias Plan = BenchPlan.Frame
        let export = HarnessExport(files: [
            name(Plan.target, Plan.small, "wallClock"): file(100_000),
            name(Plan.target, Plan.large, "wallClock"): file(120_000),
            name(Plan.target, Plan.mapSmall, "wallClock"): file(200_000),
            name(Plan.target, Plan.mapLarge, "wallClock"): file(290_000),
        ])
        let map = InProcessReport(export, suites: [.frame]).verdicts.first { $0.subject.hasPrefix("map frame") }
        #expect(map?.outcome == .met, "290 µs is 1.45× the 200 µs map frame (2.9× the log panes')")
        let slow = HarnessExport(files: [
            name(Plan.target, Plan.mapSmall, "wallClock"): file(200_000),
            name(Plan.target, Plan.mapLarge, "wallClock"): file(310_000),
        ])
        #expect(InProcessReport(slow, suites: [.frame]).verdicts.first { $0.subject.hasPrefix("map frame") }?.outcome
                == .missed)
        let none = InProcessReport(HarnessExport(files: [:]), suites: [.frame]).verdicts
        #expect(none.first { $0.subject.hasPrefix("map frame") }?.outcome == .cannotMeasure)
    }

    /// The sorted, filtered frame is judged against its own 1k-vehicle frame.
    @Test func theSortedFrameIsJudgedAgainstItsSmallFrame() {
        typealias Plan = BenchPlan.Frame
        let judge = { (small: Int, large: Int) in
            InProcessReport(HarnessExport(files: [
                name(Plan.target, Plan.sortedSmall, "wallClock"): file(small),
                name(Plan.target, Plan.sortedLarge, "wallClock"): file(large),
            ]), suites: [.frame]).verdicts.first { $0.subject.hasPrefix("sorted, filtered frame") }?.outcome
        }
        #expect(judge(300_000, 440_000) == .met)
        #expect(judge(300_000, 460_000) == .missed)
        #expect(judge(1_500_000, 2_100_000) == .missed)
    }

    @Test func decodeApplyIsJudgedAgainstItsBaselineInTheSameExport() {
        typealias Plan = BenchPlan.DecodeApply
        let export = HarnessExport(files: [
            name(Plan.target, Plan.baseline, "wallClock"): file(6_000_000_000),
            name(Plan.target, Plan.decodeApply, "wallClock"): file(1_000_000_000),
        ])
        let report = InProcessReport(export, suites: [.decodeApply])
        #expect(report.verdicts.map(\.outcome) == [.met])
        #expect(report.verdicts[0].figure.hasPrefix("6.000×"))
    }
}
