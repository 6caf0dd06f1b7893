import FleetCore
import FleetSim
import FleetStream
import Foundation

/// `tail --json`'s formatting, one core: the lines of a realistic batch of events (the stand-in's simulation,
/// encoded by `EventEncoder` and decoded by `EventDecoder`, as `tail` receives them) written by `TailFormat.json`
/// (Foundation's `JSONEncoder`), next to decoding the same bodies, which `tail` does to every event before it
/// writes its line: the same-run baseline.
///
/// Why `JSONEncoder`: until 6 Dec a hand-written `JSONWriter` wrote the lines, and this benchmark compared the
/// two under a rule fixed before the first measurement (commit b79e0f0): keep `JSONWriter` only if `JSONEncoder`
/// took more than 2× its time a line and wrote fewer than `requiredRate` lines a CPU second. It took 2.9-6.5× the
/// time but wrote 107,000-130,000 lines a CPU second in most runs, so `JSONWriter` went (README, Benchmarks).
///
/// The target, on which the benchmark exits non-zero when missed: `TailFormat.json` writes at least
/// `requiredRate` lines a CPU second of the measuring thread ("one core", whatever else shares the machine).
/// `tail` prints what the broker delivers, and no consumer on record got more than 88,500 events/s out of it (the
/// C rabbitmq-c consumer that only acknowledges, 29 Nov, on a machine about three times as fast as this one;
/// here its best is 39,154/s: Benchmarks/consumer/README.md), so a formatter at that rate never sets `tail`'s pace.
enum TailJSONBenchmark {
    static let requiredRate = 90_000.0

    /// Runs the benchmark and prints its figures; false when the target is missed.
    static func run(events count: Int, vehicles: Int) -> Bool {
        let messages = sampleMessages(count: count, vehicles: vehicles)
        let decoder = EventDecoder()
        let events = messages.map { message in
            do {
                return try decoder.decode(body: message.body, headers: message.headers, messageID: message.messageID)
            } catch {
                preconditionFailure("the stand-in's event does not decode: \(error)")
            }
        }
        let lines = events.count
        let kinds = Dictionary(grouping: events, by: { $0.type.name }).mapValues(\.count)
            .sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("tail --json: \(Harness.format(Double(lines))) lines over \(vehicles) vehicles, one core (\(kinds))")

        let harness = Harness()
        let decoding = harness.measure("decode (EventDecoder, before each line)", items: lines) {
            var decoded = 0
            for message in messages {
                if (try? decoder.decode(body: message.body, headers: message.headers)) != nil { decoded += 1 }
            }
            precondition(decoded == lines)
        }
        let formatting = harness.measure("tail --json line (TailFormat.json)", items: lines) {
            var bytes = 0
            for event in events { bytes &+= TailFormat.json(event).utf8.count }
            precondition(bytes > lines)
        }
        Harness.report([formatting], baseline: decoding, unit: "lines")
        print("by CPU time: a line \(String(format: "%.2f", 1e6 / formatting.itemsPerCPUSecond)) µs "
              + "(\(Harness.format(formatting.itemsPerCPUSecond)) a CPU second), decoding its event "
              + "\(String(format: "%.2f", 1e6 / decoding.itemsPerCPUSecond)) µs")
        let met = formatting.itemsPerCPUSecond >= requiredRate
        print("target: tail --json's lines (TailFormat.json) ≥ \(Harness.format(requiredRate)) a CPU second: "
              + (met ? "met" : "NOT met") + " (\(Harness.format(formatting.itemsPerCPUSecond)))")
        return met
    }

    /// `count` messages of the stand-in's simulation, as INVERS sends them.
    static func sampleMessages(count: Int, vehicles: Int) -> [OutgoingMessage] {
        var simulation = Simulation(configuration: SimulationConfiguration(vehicles: vehicles, seed: 29))
        let encoder = EventEncoder()
        return simulation.advance(minimumEvents: count).prefix(count).map(encoder.message(for:))
    }
}
