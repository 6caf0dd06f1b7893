import Foundation
import Testing
import TestSupport

/// A real terminal for an end-to-end test: a tmux server on a private socket (no user config) with one session,
/// `t`, of the given size, running a command with `env` in a UTF-8 xterm-256color terminal. The server is killed
/// when the session is let go.
final class TmuxSession: Sendable {
    private let socket = "fw-e2e-\(UInt32.random(in: 0...UInt32.max))"

    /// Starts `command`, an `env` argument list: variables, then the program and its arguments.
    init(width: Int, height: Int, running command: String) {
        run(["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height),
             "env LANG=C.UTF-8 TERM=xterm-256color \(command)"])
    }

    /// Writes `script` to `dir/run.sh` and starts it with `sh`.
    convenience init(width: Int, height: Int, script: String, in dir: String,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(FileManager.default.createFile(atPath: "\(dir)/run.sh", contents: Data(script.utf8)),
                     sourceLocation: sourceLocation)
        self.init(width: width, height: height, running: "sh \(dir)/run.sh")
    }

    deinit { run(["kill-server"]) }

    /// Runs a tmux command and returns its output.
    @discardableResult
    func run(_ arguments: [String]) -> String {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("fw-tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        guard let pid = spawn(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, stdout: outputPath) else {
            return ""
        }
        reap(pid)
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    func screen() -> String { run(["capture-pane", "-p", "-t", "t"]) }
    func keys(_ keys: String...) { run(["send-keys", "-t", "t"] + keys) }
    func literal(_ text: String) { run(["send-keys", "-t", "t", "-l", text]) }
    /// A tmux format expanded for the pane (`#{mouse_any_flag}`, say).
    func display(_ format: String) -> String { run(["display-message", "-p", "-t", "t", format]) }
    func resize(width: Int, height: Int) { run(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)]) }

    /// Polls the screen until `condition` holds (10 s), recording the whole screen if it never does.
    @discardableResult
    func waitFor(_ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) async -> String? {
        var last = ""
        let ok = await eventually(timeout: 10) {
            last = screen()
            return condition(last)
        }
        if !ok { Issue.record("timed out waiting for \(what); screen:\n\(last)", sourceLocation: sourceLocation) }
        return ok ? last : nil
    }
}
