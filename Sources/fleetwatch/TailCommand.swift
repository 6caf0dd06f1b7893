import AMQP
import ArgumentParser
import FleetConfig
import FleetCore
import FleetStream

/// `fleetwatch tail`: one line per event, for scripts and pipes. Events go to stdout; connection changes and
/// rejected messages go to stderr, and the stream goes on.
struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail", abstract: "Print one line per event.",
        discussion: """
            Each distinct event id is printed once, even when the broker redelivers it. With --json, each line is \
            one object with id, type, vehicle_id, occurred_at, flow_id and, for VehicleChanged, reasons, \
            rental_status and life_status. A message that cannot be decoded is rejected (not requeued) and \
            reported on stderr.
            """)

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var since: SinceOption

    @Flag(help: "Print one JSON object a line.")
    var json = false

    @Option(help: ArgumentHelp("Exit after N distinct events.", valueName: "n"))
    var count: Int?

    @Option(help: ArgumentHelp("Only events about this vehicle id.", valueName: "id"))
    var vehicle: String?

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
    }

    func run() async throws {
        let settings = try connection.resolve()
        let start = try since.start(default: .next, stream: settings.stream)
        let source = AMQPEventSource(try settings.streamConfiguration(connectionName: "fleetwatch tail", start: start))
        let tail = EventTail(format: json ? .json : .text, count: count, vehicle: vehicle)
        _ = await tail.run(source: source, output: StandardOutput.writeLine, diagnostics: StandardError.print)
    }
}
