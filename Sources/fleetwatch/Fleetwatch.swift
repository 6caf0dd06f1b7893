import ArgumentParser

/// The `fleetwatch` command: the dashboard by default, plus headless subcommands for scripts.
@main
struct Fleetwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleetwatch",
        abstract: "A terminal dashboard for INVERS fleets: live events, filter by vehicle, lock and unlock.",
        discussion: """
            Secrets are never taken as flag values: set INVERS_CLIENT_SECRET or use --client-secret-file, and put \
            the AMQP password in FLEETWATCH_AMQP_URL or the config file rather than on the command line.
            """,
        subcommands: [DashboardCommand.self, TailCommand.self, CentralLockCommand<Lock>.self, CentralLockCommand<Unlock>.self,
                      HistoryCommand.self, TeamCommand.self],
        defaultSubcommand: DashboardCommand.self)

    /// Parses, bootstraps logging once for the process, then runs the command. The dashboard bootstraps its own
    /// (a file: the screen is curses'), so that it can show a log file it cannot open in its status line.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if !(command is DashboardCommand) { LogSetup.bootstrapStandardError(level: .notice) }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
