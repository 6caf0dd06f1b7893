import AMQP
import ArgumentParser
import FleetConfig
import FleetCore
import FleetStream

/// `fleetwatch history VEHICLE`: one vehicle's events from the team's stream, in `tail`'s format, then exit.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Print one vehicle's events from the stream, then exit.",
        discussion: """
            Reads the stream (--stream) from --since (default 24h) up to the last event it held when history \
            started, and prints that vehicle's events in order, each once, as tail does.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: ArgumentHelp("The vehicle id.", valueName: "vehicle"))
    var vehicle: String

    @OptionGroup var since: SinceOption

    @Flag(help: "Print one JSON object a line.")
    var json = false

    func run() async throws {
        let settings = try connection.resolve()
        guard let stream = settings.stream else {
            throw ValidationError("history reads a stream: pass --stream NAME or set FLEETWATCH_STREAM (see README, \"A team on one stream\")")
        }
        let start = try since.start(default: .ago(seconds: 24 * 3_600), stream: stream)
        if start == .next { throw ValidationError("--since next has no history: use an interval, a time, first or offset:N") }
        let configuration = try settings.streamConfiguration(connectionName: "fleetwatch history", start: start)
        let bounds: ClosedRange<Int64>?
        do {
            bounds = try StreamBounds.current(of: stream, url: configuration.url, options: configuration.connectionOptions)
        } catch {
            throw ValidationError("could not read the stream \(stream) on \(configuration.url.endpoint): \(error)")
        }
        guard let bounds else { return }  // an empty stream: nothing to print
        let tail = EventTail(format: json ? .json : .text, vehicle: vehicle, until: bounds.upperBound)
        _ = await tail.run(source: AMQPEventSource(configuration), output: StandardOutput.writeLine,
                           diagnostics: StandardError.print)
    }
}
