import ArgumentParser
import BenchWorkloads
import FleetCore
import Foundation

/// The store alone at the catch-up's scale, without a broker: `count` bodies of the realistic mix about `vehicles`
/// vehicles, decoded first (not timed), then applied to a `FleetStore` in batches of `batch`, as the consumer
/// hands them on. Prints "EVENTS CPU_MICROSECONDS_PER_EVENT" for the apply alone. For finding where the store's
/// time goes at 100,000 vehicles in seconds, where a catch-up run takes half an hour; not judged.
struct ApplyOnly: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Apply pre-decoded events to the store, as the consumer does, and time it.")

    @Option(help: "How many events.") var count = 1_000_000
    @Option(help: "How many vehicles they are about.") var vehicles = 100_000
    @Option(help: "Events a batch (the consumer's prefetch).") var batch = 200

    func validate() throws {
        guard count > 0, vehicles > 0, batch > 0 else { throw ValidationError("count, vehicles and batch must be positive") }
    }

    func run() throws {
        let decoder = EventDecoder()
        var batches: [[Event]] = []
        var first = 0
        while first < count {
            let n = min(batch, count - first)
            let bodies = EventMix.bodies(count: n, vehicles: vehicles, first: first)
            batches.append(try bodies.map { try decoder.decode(body: $0) })
            first += n
        }
        let store = FleetStore()
        let arrival = Timestamp.now()
        let before = processCPUMicroseconds()
        var applied = 0
        for events in batches { applied = store.apply(events, arrivedAt: arrival).eventsApplied }
        let cpu = processCPUMicroseconds() - before
        print(applied, String(format: "%.3f", Double(cpu) / Double(applied)))
    }
}
