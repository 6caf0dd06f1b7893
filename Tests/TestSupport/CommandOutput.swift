import Foundation

/// What a program run to its end said: its exit status and everything it wrote on stdout.
public struct CommandOutput: Sendable {
    public var status: Int32
    public var stdout: Data

    /// Runs `executable` with `arguments` (stdin from /dev/null, stderr into the test log) and waits for its end.
    /// The tests' one way to read what a command prints.
    public static func run(_ executable: URL, _ arguments: [String]) throws -> CommandOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()  // before waiting: a full pipe would block it
        process.waitUntilExit()
        return CommandOutput(status: process.terminationStatus, stdout: data)
    }
}
