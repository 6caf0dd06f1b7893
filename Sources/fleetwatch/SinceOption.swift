import ArgumentParser
import FleetCore

/// `--since`: where a command starts reading a stream. Each command has its own default (`tail`: what comes next;
/// `history`: the last 24 hours; the dashboard: where it left off, the first time the last 24 hours).
struct SinceOption: ParsableArguments {
    @Option(help: ArgumentHelp("With --stream, where to start reading: \(StreamStart.forms).", valueName: "when"))
    var since: String?

    /// The start `--since` asks for, else `fallback`. Only a stream has a history to start in.
    func start(default fallback: StreamStart, stream: String?) throws -> StreamStart {
        guard let since else { return fallback }
        guard stream != nil else {
            throw ValidationError("--since needs --stream: a queue has no history to start from (see README, \"A team on one stream\")")
        }
        guard let start = StreamStart(since) else {
            throw ValidationError("--since takes \(StreamStart.forms); not '\(SafeText.sanitize(since))'")
        }
        return start
    }
}
