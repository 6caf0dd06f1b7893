import ArgumentParser

/// `fleetwatch [--demo]`: the live dashboard. (Owned by the dashboard work: issue 6.)
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "The live dashboard (the default).")

    @Flag(help: "Run on a built-in simulated fleet: no broker, no credentials.")
    var demo = false

    func run() async throws {
        print("fleetwatch: the dashboard is not built yet")
    }
}
