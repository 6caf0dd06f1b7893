import Foundation
import Testing

/// What the end-to-end tests share: the built executables, a scratch directory per test, the broker check, and
/// the shell lines a tmux pane runs.
enum EndToEnd {
    struct SetupError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The `fleetwatch` executable built next to this test bundle.
    static var binaryPath: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [dir.appendingPathComponent("fleetwatch").path,
                          dir.deletingLastPathComponent().appendingPathComponent("fleetwatch").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// The `fleetwatch` executable; the test fails, saying how to build it, when there is none.
    static func fleetwatch(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let binary = binaryPath
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build fleetwatch first: \(binary)",
                     sourceLocation: sourceLocation)
        return binary
    }

    /// Fails the test, saying how to start it, when the broker at `url` does not take a TCP connection.
    static func requireBroker(at url: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let brokerAt = url.split(separator: "@").last.map(String.init) ?? ""
        let reachable = tcpReachable(url)  // not inside #require: it would print the URL's password
        try #require(reachable, "the broker at \(brokerAt) is not reachable: start it with scripts/broker start (and run the tests with scripts/test)",
                     sourceLocation: sourceLocation)
    }

    /// A new directory for one test's files (the caller removes it), with `creating` made inside it.
    static func scratchDirectory(creating subdirectory: String = "") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(dir)/\(subdirectory)", withIntermediateDirectories: true)
        return dir
    }

    /// A script for a tmux pane: records the tty settings, runs `command`, prints its exit status and whether the
    /// tty settings came back unchanged, then waits so that the pane can be read.
    static func ttyChecked(_ command: String, in dir: String) -> String {
        """
        stty -g > \(dir)/before
        \(command)
        echo FLEETWATCH-EXIT=$?
        stty -g > \(dir)/after
        cmp -s \(dir)/before \(dir)/after && echo TTY-RESTORED
        sleep 60

        """
    }

    /// A pane's command: `fleetwatch --demo` and `flags` with no user config (its config and state under `dir`),
    /// then its exit status, then a wait so that the pane can be read.
    static func demo(_ binary: String, _ flags: String, home dir: String) -> String {
        "XDG_CONFIG_HOME=\(dir) XDG_STATE_HOME=\(dir) sh -c '\(binary) --demo \(flags); echo FLEETWATCH-EXIT=$?; sleep 60'"
    }
}
