import Foundation
import Testing

/// `fleetwatch --demo` in a real terminal (tmux, private socket, no user config): vehicles appear, a filter
/// narrows to one vehicle, `L` then `y` locks it and its row shows LOCKED, a resize redraws, `q` quits and the
/// terminal is restored (the tty settings are the same after as before).
@Suite(.serialized) struct DashboardEndToEndTests {
    /// The `fleetwatch` executable built next to this test bundle.
    static var binary: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [dir.appendingPathComponent("fleetwatch").path,
                          dir.deletingLastPathComponent().appendingPathComponent("fleetwatch").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    struct Tmux {
        let socket = "fw-e2e-\(UInt32.random(in: 0...UInt32.max))"

        @discardableResult
        func run(_ arguments: [String]) -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = Pipe()
            try? process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        func screen() -> String { run(["capture-pane", "-p", "-t", "t"]) }
        func keys(_ keys: String...) { run(["send-keys", "-t", "t"] + keys) }
        func literal(_ text: String) { run(["send-keys", "-t", "t", "-l", text]) }

        /// Polls the screen until `condition` holds (10 s), recording the whole screen if it never does.
        @discardableResult
        func waitFor(_ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                     _ condition: (String) -> Bool) -> String? {
            var last = ""
            let ok = eventually(timeout: 10) {
                last = screen()
                return condition(last)
            }
            if !ok { Issue.record("timed out waiting for \(what); screen:\n\(last)", sourceLocation: sourceLocation) }
            return ok ? last : nil
        }
    }

    @Test func demoLockFlowInARealTerminal() throws {
        let binary = Self.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build fleetwatch first: \(binary)")
        let tmux = Tmux()
        defer { tmux.run(["kill-server"]) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = """
            stty -g > \(dir)/before; \(binary) --demo --demo-vehicles 40 --demo-speed 1; echo FLEETWATCH-EXIT=$?; \
            stty -g > \(dir)/after; cmp -s \(dir)/before \(dir)/after && echo TTY-RESTORED; sleep 60
            """
        tmux.run(["new-session", "-d", "-s", "t", "-x", "120", "-y", "35",
                  "env LANG=C.UTF-8 TERM=xterm-256color NO_COLOR= XDG_CONFIG_HOME=\(dir) sh -c '\(script)'"])

        // Vehicles appear (the REST snapshot of the demo fleet).
        guard let first = tmux.waitFor("the vehicles", { $0.contains("Vehicles 40/40") && $0.contains("● connected") })
        else { return }
        // A vehicle that is parked and not locked: the demo refuses to lock one that is moving.
        let rows = first.split(separator: "\n").map(String.init).filter { $0.hasPrefix("│  ") }
        let candidate = rows.first { !$0.contains("IN_RENTAL") && !$0.contains("LOCKED") && $0.contains("ONLINE") }
        let id = try #require(candidate?.split(separator: " ").dropFirst().first.map(String.init), "\(first)")

        // The filter narrows to that one vehicle.
        tmux.keys("/")
        tmux.literal(id)
        tmux.keys("Enter")
        tmux.waitFor("the filter") { $0.contains("Vehicles 1/40 [/\(id)]") }

        // L opens the dialog naming it; y confirms; the row shows LOCKED.
        tmux.keys("L")
        tmux.waitFor("the dialog") { $0.contains("Lock \(id) (") && $0.contains("[ Cancel ]") }
        tmux.keys("y")
        tmux.waitFor("LOCKED in the row") { screen in
            screen.split(separator: "\n").contains { $0.contains(id) && $0.contains("LOCKED") && !$0.contains("LOCKING") }
        }
        tmux.waitFor("the outcome with its flow id") { $0.contains("Locked \(id): 200 (flow ") }

        // A resize redraws at the new size.
        tmux.run(["resize-window", "-t", "t", "-x", "90", "-y", "26"])
        tmux.waitFor("the redraw at 90×26") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 26 && lines[1].hasPrefix("┌ Vehicles") && lines[1].hasSuffix("┐")
                && lines[1].count == 90 && lines[25].contains("? help")
        }
        tmux.run(["resize-window", "-t", "t", "-x", "60", "-y", "20"])
        tmux.waitFor("the too-small screen") { $0.contains("Terminal too small: need 80×24, have 60×20") }

        // q quits; the terminal is back as it was.
        tmux.keys("q")
        tmux.waitFor("a clean exit") { $0.contains("FLEETWATCH-EXIT=0") && $0.contains("TTY-RESTORED") }
    }

    @Test func refusesToStartWhenStdoutIsNotATerminal() throws {
        let binary = Self.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build fleetwatch first: \(binary)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--demo"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("fleetwatch tail"))
        #expect(out.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }
}
