import ArgumentParser
import BenchVerdicts
import Foundation

/// `bench-verdict`: judges a benchmark run by its rules, prints the figures and the verdicts, and exits 0 when every
/// target is met, 1 when one is missed, 3 when a benchmark could not measure what its rule needs. `scripts/bench`
/// runs it after each benchmark.
@main
struct BenchVerdict: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-verdict", abstract: "Judge a benchmark run: figures, verdicts, exit status.",
        subcommands: [InProcess.self, Consumer.self, CatchUp.self])
}

extension InProcessSuite: ExpressibleByArgument {}

/// The in-process benchmarks, from the harness's export of the run.
struct InProcess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "in-process", abstract: "Judge decode-apply, frame and memory from the harness's export.")

    @Argument(help: "The folder the harness exported the run to (--format histogramPercentiles --path).")
    var export: String
    @Option(help: "A benchmark to judge (repeatable; default: all of them).") var suite: [InProcessSuite] = []

    func run() throws {
        let report = InProcessReport(HarnessExport(directory: export), suites: suite.isEmpty ? InProcessSuite.allCases : suite)
        for line in report.lines + report.verdicts.map(\.line) { print(line) }
        throw ExitCode(ExitStatus.of(report.verdicts))
    }
}

/// The consumer benchmark, from `scripts/bench-consumer`'s drain log.
struct Consumer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumer", abstract: "Judge the consumer benchmark from its drain log (SIDE RATE BROKER lines).")

    @Argument(help: "The drain log.") var log: String

    func run() throws {
        let text = try String(contentsOfFile: log, encoding: .utf8)
        var drains: [ConsumerDrain] = []
        for line in text.split(separator: "\n") where !line.isEmpty {
            guard let drain = ConsumerDrain(line: line) else { throw ValidationError("not a drain: \(line)") }
            drains.append(drain)
        }
        let report = ConsumerReport(drains)
        for line in report.lines + report.verdicts.map(\.line) { print(line) }
        throw ExitCode(ExitStatus.of(report.verdicts))
    }
}

/// The catch-up benchmark, from `scripts/bench-catch-up`'s log (`CatchUpRun`).
struct CatchUp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catch-up", abstract: "Judge the catch-up benchmark from its log (drain, key and memory lines).")

    @Argument(help: "The log.") var log: String

    func run() throws {
        let text = try String(contentsOfFile: log, encoding: .utf8)
        guard let run = CatchUpRun(log: text) else { throw ValidationError("\(log) is not a catch-up log") }
        let report = CatchUpReport(run)
        for line in report.lines + report.verdicts.map(\.line) { print(line) }
        throw ExitCode(ExitStatus.of(report.verdicts))
    }
}
