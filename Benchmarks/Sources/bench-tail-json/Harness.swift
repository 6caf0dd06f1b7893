import FleetCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tail-json benchmark's own small harness: warm up, time several rounds, keep the median, and print each
/// workload as a rate next to its ratio against the baseline measured in the same run.
///
/// Why not ordo-one/benchmark, as the other in-process benchmarks are: its target is a rate by the CPU time of
/// the measuring thread, judged in the run itself, which the harness's export does not give per thread; moving it
/// is left for later (README, Benchmarks).
struct Harness {
    var rounds = 7

    struct Result {
        var name: String
        /// The median rate by the clock on the wall.
        var itemsPerSecond: Double
        /// The median rate by the CPU time of the measuring thread: what one core does, however many other
        /// processes share the machine's cores meanwhile.
        var itemsPerCPUSecond: Double
    }

    /// Runs `body`, which processes `items` items per call, and returns the median rates.
    func measure(_ name: String, items: Int, _ body: () -> Void) -> Result {
        body()  // warm-up: caches, lazy initialisation, page faults
        var rates: [Double] = []
        var cpuRates: [Double] = []
        for _ in 0..<rounds {
            let start = monotonicSeconds()
            let cpuStart = threadCPUSeconds()
            body()
            cpuRates.append(Double(items) / (threadCPUSeconds() - cpuStart))
            rates.append(Double(items) / (monotonicSeconds() - start))
        }
        rates.sort()
        cpuRates.sort()
        return Result(name: name, itemsPerSecond: rates[rates.count / 2], itemsPerCPUSecond: cpuRates[cpuRates.count / 2])
    }

    /// The CPU time the calling thread has used, in seconds.
    func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func report(_ results: [Result], baseline: Result, unit: String) {
        let width = max(baseline.name.count, results.map(\.name.count).max() ?? 0)
        func line(_ r: Result) -> String {
            let name = r.name.padding(width)
            let rate = format(r.itemsPerSecond).leftPadding(12)
            let ratio = String(format2: r.itemsPerSecond / baseline.itemsPerSecond)
            return "\(name)  \(rate) \(unit)/s  \(ratio.leftPadding(6))× baseline"
        }
        print(line(baseline) + "  (baseline)")
        for r in results { print(line(r)) }
    }

    static func format(_ value: Double) -> String {
        // A rate over a time too short to measure is infinite: said, not trapped on.
        guard let n = Int(exactly: value.rounded()) else { return value.isNaN ? "?" : "∞" }
        var digits = Array(String(n))
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        return String(digits + out)
    }
}

extension String {
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = String(hundredths % 100)
        self = "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
    }
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
