import ArgumentParser
import FleetTUI
import Logging

/// `--log-level`: how much the logs say.
struct LoggingOptions: ParsableArguments {
    /// swift-log's levels, by the names the option takes.
    enum Level: String, CaseIterable, ExpressibleByArgument {
        case trace, debug, info, notice, warning, error, critical

        var level: Logger.Level {
            switch self {
            case .trace: .trace
            case .debug: .debug
            case .info: .info
            case .notice: .notice
            case .warning: .warning
            case .error: .error
            case .critical: .critical
            }
        }
    }

    @Option(help: ArgumentHelp("The least severe log messages kept: trace, debug, info, notice, warning, error or critical. The dashboard logs to $XDG_STATE_HOME/fleetwatch/fleetwatch.log (default ~/.local/state/…; at most 1 MiB, plus one older file), never onto the screen.", valueName: "level"))
    var logLevel: Level = .info
}

/// Bootstraps swift-log, once a process: to a bounded file while curses owns the terminal (the dashboard), to
/// stderr otherwise. Lines are sanitised and URL credentials redacted (`FileLogHandler`).
enum LogSetup {
    /// The dashboard's logs go to `LogFile.defaultPath`. Answers a warning for the status line when the file
    /// cannot be used (then nothing is logged: stderr would land on the screen).
    static func bootstrapFile(level: Logger.Level, environment: [String: String]) -> String? {
        let file: LogFile
        do throws(LogFileError) {
            guard let path = LogFile.defaultPath(environment: environment) else {
                LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
                return "logs: no HOME or XDG_STATE_HOME, so nothing is logged"
            }
            file = try LogFile(path: path)
        } catch {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return "logs: \(error.description); nothing is logged"
        }
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: file, logLevel: level) }
        return nil
    }

    /// The headless commands log to stderr (their data goes to stdout).
    static func bootstrapStandardError(level: Logger.Level) {
        let file = LogFile.standardError()
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: file, logLevel: level) }
    }
}
