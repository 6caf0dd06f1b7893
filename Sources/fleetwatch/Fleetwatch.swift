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
        subcommands: [DashboardCommand.self, TailCommand.self, LockCommand.self, UnlockCommand.self],
        defaultSubcommand: DashboardCommand.self)
}
