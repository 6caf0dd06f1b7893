import ArgumentParser

/// `fleetwatch tail`: one line per event, for scripts and pipes. (Owned by the stream work: issue 3.)
struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tail", abstract: "Print one line per event.")

    func run() async throws {
        print("fleetwatch tail: not built yet")
    }
}
