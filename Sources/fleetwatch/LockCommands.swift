import ArgumentParser

/// `fleetwatch lock ID` and `fleetwatch unlock ID`. (Owned by the REST work: issue 5.)
struct LockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lock", abstract: "Lock a vehicle's central lock.")
    @Argument(help: "The vehicle id.") var vehicleID: String
    func run() async throws { print("fleetwatch lock: not built yet") }
}

struct UnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Unlock a vehicle's central lock.")
    @Argument(help: "The vehicle id.") var vehicleID: String
    func run() async throws { print("fleetwatch unlock: not built yet") }
}
