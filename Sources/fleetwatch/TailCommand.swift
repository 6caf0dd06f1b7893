import AMQP
import ArgumentParser
import FleetConfig
import FleetCore
import FleetStream

#if canImport(Glibc)
import Glibc
#endif

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
        let source = AMQPEventSource(try settings.streamConfiguration(connectionName: "fleetwatch tail"))
        let tail = EventTail(format: json ? .json : .text, count: count, vehicle: vehicle)
        _ = await tail.run(source: source, output: StandardOutput.writeLine, diagnostics: StandardError.print)
    }
}

extension Settings {
    /// The event stream's configuration from the resolved settings (URL, queues, prefetch, extra CA), for `tail`
    /// and the dashboard. Errors are `ValidationError`s that say what to set; none repeats the URL (it may hold
    /// the password).
    func streamConfiguration(connectionName: String) throws -> StreamConfiguration {
        guard let urlText = amqpURL else {
            throw ValidationError("no event stream configured: set FLEETWATCH_AMQP_URL (amqps://USER:PASSWORD@api.invers.com:5671/VHOST) or amqp_url in the config file")
        }
        let url: AMQPURL
        do {
            url = try AMQPURL(urlText)
        } catch {
            throw ValidationError("the AMQP URL is not valid: \(error)")
        }
        guard !queues.isEmpty else {
            throw ValidationError("no queue to consume: pass --queue NAME (repeatable) or set FLEETWATCH_QUEUES")
        }
        return StreamConfiguration(url: url, queues: queues, prefetch: prefetch, tlsCAFile: tlsCA,
                                   connectionName: connectionName)
    }
}

/// Lines for stdout, written at once (a pipe reader sees each event as it comes).
enum StandardOutput {
    static func writeLine(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { if errno == EINTR { continue }; exit(0) }  // the reader went away (head, closed pipe)
                offset += n
            }
        }
    }
}
