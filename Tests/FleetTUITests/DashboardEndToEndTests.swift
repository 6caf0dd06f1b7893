import TestSupport
import Foundation
import Testing
@testable import FleetTUI
#if canImport(Glibc)
import Glibc
#endif

/// `fleetwatch --demo` in a real terminal (tmux, private socket, no user config): vehicles appear, a filter
/// narrows to one vehicle, `L` then `y` locks it and its row shows LOCKED, then confirmed by the stream, `Enter`
/// shows its detail with the timeline, a resize redraws, `q` quits and the terminal is restored (the tty settings
/// are the same after as before).
@Suite(.serialized) struct DashboardEndToEndTests {
    @Test func demoLockFlowInARealTerminal() async throws {
        let binary = try EndToEnd.fleetwatch()
        let dir = try EndToEnd.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = "export NO_COLOR= XDG_CONFIG_HOME=\(dir) XDG_STATE_HOME=\(dir)\n"
            + EndToEnd.ttyChecked("\(binary) --demo --demo-vehicles 40 --demo-speed 1", in: dir)
        let tmux = try TmuxSession(width: 120, height: 35, script: script, in: dir)

        await lockFlow(tmux, fleetSize: 40, connectedAs: "● connected")
    }

    /// The map on the demo fleet: `m` shows it with vehicles drawn in braille, `+` zooms in (the scale bar's
    /// metres per cell shrink), `c` puts the selected vehicle (`@`) in the middle of the picture, `m` brings the
    /// log panes back.
    @Test func mapOnTheDemoFleet() async throws {
        let binary = try EndToEnd.fleetwatch()
        let dir = try EndToEnd.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let size = ScreenSize(width: 120, height: 35)
        let tmux = TmuxSession(width: size.width, height: size.height,
                               running: "NO_COLOR= " + EndToEnd.demo(binary, "--demo-vehicles 40 --demo-speed 60", home: dir))
        // At 60 simulated seconds a second every vehicle has reported its position (parked ones every 5 minutes)
        // within 5 s: the REST list the demo starts from has no positions, as INVERS's has none.
        guard await tmux.waitFor("the dashboard", { $0.contains("Vehicles 40/40") && $0.contains("Rentals") })
            != nil else { return }
        let picture = DashboardLayout(size: size).mapPicture
        /// The picture's rows of a screen, as columns of characters.
        func pictureRows(_ screen: String) -> [[Character]] {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
            return (picture.y..<picture.maxY).map { y in
                guard y < lines.count else { return [] }
                return Array(lines[y].dropFirst(picture.x).prefix(picture.width))
            }
        }
        func braille(_ screen: String) -> Int {
            let cells: [Character] = pictureRows(screen).flatMap { $0 }
            return cells.filter { cell in
                guard let scalar = cell.unicodeScalars.first else { return false }
                return (0x2801...0x28FF).contains(scalar.value)
            }.count
        }
        /// Metres per cell of the scale bar `├──┤ 20 km`.
        func metresPerCell(_ screen: String) -> Double? {
            guard let line = screen.split(separator: "\n").first(where: { $0.contains("├") && $0.contains("┤ ") }),
                  let start = line.firstIndex(of: "├"), let end = line.firstIndex(of: "┤") else { return nil }
            let cells = line[start..<end].count
            let words = line[line.index(after: end)...].split(separator: " ")
            guard words.count >= 2, let number = Double(words[0]) else { return nil }
            return number * (words[1] == "km" ? 1000 : 1) / Double(cells)
        }

        tmux.keys("m")
        /// `38 shown · 2 no position`: how many vehicles the map drew.
        func shown(_ screen: String) -> Int {
            guard let range = screen.range(of: " shown") else { return 0 }
            return Int(screen[..<range.lowerBound].reversed().prefix { $0.isNumber }.reversed().map(String.init)
                .joined()) ?? 0
        }
        // Most of the fleet (an offline vehicle reports nothing until it is back).
        guard let opened = await tmux.waitFor("the map with the fleet", {
            $0.contains("┌ Map") && !$0.contains("Rentals") && braille($0) > 0 && shown($0) >= 30
                && metresPerCell($0) != nil
        }), let fitted = metresPerCell(opened) else { return }

        tmux.keys("+")
        guard await tmux.waitFor("the map zoomed in", { (metresPerCell($0) ?? .infinity) < fitted * 0.75 }) != nil
        else { return }

        tmux.keys("c")
        let middle = (x: picture.width / 2, y: picture.height / 2)
        /// Whether `@` is drawn within a cell of the picture's middle.
        func selectionInTheMiddle(_ screen: String) -> Bool {
            let rows = pictureRows(screen)
            for y in rows.indices where abs(y - middle.y) <= 1 {
                for x in rows[y].indices where abs(x - middle.x) <= 1 && rows[y][x] == "@" { return true }
            }
            return false
        }
        await tmux.waitFor("the selected vehicle in the middle") { selectionInTheMiddle($0) }

        tmux.keys("m")
        await tmux.waitFor("the log panes back") { $0.contains("Rentals") && !$0.contains("┌ Map") }
        tmux.keys("q")
        await tmux.waitFor("a clean exit") { $0.contains("FLEETWATCH-EXIT=0") }
    }

    /// `L` and `y` arriving in one write (tmux sends them together, as a user typing ahead of a slow screen
    /// would): the dialog opens and stays open; `y` typed once it shows confirms.
    @Test func typeaheadNeverConfirmsTheDialog() async throws {
        let binary = try EndToEnd.fleetwatch()
        let dir = try EndToEnd.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tmux = TmuxSession(width: 120, height: 35,
                               running: EndToEnd.demo(binary, "--demo-vehicles 10 --demo-speed 1", home: dir))
        guard await tmux.waitFor("the dashboard", { $0.contains("Vehicles 10/10") }) != nil else { return }
        tmux.keys("L", "y")
        guard let screen = await tmux.waitFor("the dialog", { $0.contains("[ Cancel ]") }) else { return }
        #expect(!screen.contains("locking") && !screen.contains("Locked"), "\(screen)")
        // Still open: y was discarded, not queued.
        #expect(await tmux.waitFor("the dialog still open", { $0.contains("[ Cancel ]") }) != nil)
        tmux.keys("y")
        await tmux.waitFor("the lock") { Self.showsLockOutcome($0) && !$0.contains("[ Cancel ]") }
        tmux.keys("q")
        await tmux.waitFor("a clean exit") { $0.contains("FLEETWATCH-EXIT=0") }
    }

    /// A click (an xterm SGR mouse report, as the terminal would send it) selects the row under it: the lock
    /// dialog then names that vehicle. The mouse mode is on while the dashboard runs and off after.
    @Test func aClickSelectsTheRowUnderIt() async throws {
        let binary = try EndToEnd.fleetwatch()
        let dir = try EndToEnd.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tmux = TmuxSession(width: 120, height: 35,
                               running: EndToEnd.demo(binary, "--demo-vehicles 10 --demo-speed 1", home: dir))
        guard let screen = await tmux.waitFor("the dashboard", { $0.contains("Vehicles 10/10") }) else { return }
        #expect(tmux.display("#{mouse_any_flag}").hasPrefix("1"))
        // The fourth vehicle row: screen row 6 (header, border, headings, three rows), 1-based in the report.
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let id = try #require(lines[6].dropFirst(3).split(separator: " ").first.map(String.init))
        tmux.literal("\u{1B}[<0;10;7M\u{1B}[<0;10;7m")
        tmux.keys("L")
        await tmux.waitFor("the dialog naming the clicked vehicle") { $0.contains("Lock \(id) (") }
        tmux.keys("Escape")
        tmux.keys("q")
        await tmux.waitFor("a clean exit") { $0.contains("FLEETWATCH-EXIT=0") }
        #expect(tmux.display("#{mouse_any_flag}").hasPrefix("0"))
    }

    /// The product as deployed, minus INVERS: a real broker fed by `fleetsim`, whose REST stand-in gives the
    /// snapshot and executes the lock (and publishes the resulting reading).
    @Test func liveLockFlowAgainstBrokerAndStandIn() async throws {
        let live = try await LiveFleet.start(vehicles: 30)
        defer { live.stop() }
        let tmux = try live.runDashboard(width: 120, height: 35)
        await lockFlow(tmux, fleetSize: 30, connectedAs: "● connected")
    }

    /// What an operator does at a glance, on the live fleet: sort by charge both ways (the rows follow), filter
    /// to offline vehicles with `F`, and export the table as shown, then read the file back.
    @Test func sortFilterAndExportAgainstBrokerAndStandIn() async throws {
        let live = try await LiveFleet.start(vehicles: 40, timeScale: 20)
        defer { live.stop() }
        let tmux = try live.runDashboard(width: 200, height: 60, flags: "--columns id,charge,life,report")
        // The snapshot has no charges: they come with the vehicles' state events.
        guard await tmux.waitFor("the fleet with charges", {
            $0.contains("Vehicles 40/40") && $0.contains("● connected") && Self.charges($0).count >= 15
        }) != nil else { return }

        // s moves the sort from id to charge; the charges read down the screen in order, then reversed by S.
        // (Values change live; a row moves to its new place within a second, so the order is polled for.)
        tmux.keys("s")
        await tmux.waitFor("sorted by charge") { screen in
            let up = Self.charges(screen)
            return screen.contains("CHARGE %▲") && up.count >= 15 && up == up.sorted()
        }
        tmux.keys("S")
        await tmux.waitFor("sorted by charge, descending") { screen in
            let down = Self.charges(screen)
            return screen.contains("CHARGE %▼") && down.count >= 15 && down == down.sorted(by: >)
        }

        // F: offline vehicles only (offline longer than the threshold: none yet, with --offline-after 0s all of them).
        tmux.keys("F")
        await tmux.waitFor("the offline quick filter") { $0.contains("[offline]") }
        tmux.keys("F", "F", "F", "F", "F")
        await tmux.waitFor("all vehicles again") { $0.contains("Vehicles 40/40 ─") }

        // e writes the table as shown: the chosen columns, every row, in the order shown.
        tmux.keys("e")
        guard let exported = await tmux.waitFor("the export's message", { $0.contains("exported 40 vehicles to ") }) else { return }
        let path = try #require(exported.split(separator: "\n").compactMap { line -> String? in
            guard let r = line.range(of: "exported 40 vehicles to ") else { return nil }
            return String(line[r.upperBound...].prefix { $0 != " " })
        }.first)
        #expect(path.hasPrefix(live.directory + "/fleetwatch-vehicles-"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\r\n").map(String.init)
        #expect(lines.first == "ID,CHARGE %,LIFE,REPORT")
        #expect(lines.count == 41)
        let charges = lines.dropFirst().compactMap { Double($0.split(separator: ",", omittingEmptySubsequences: false)[1]
                                                                .split(separator: " ").first ?? "") }
        #expect(charges == charges.sorted(by: >), "\(charges)")
        tmux.keys("q")
        await tmux.waitFor("a clean exit") { $0.contains("FLEETWATCH-EXIT=0") }
    }

    /// Whether the status line tells a lock's outcome (of vehicle `id`, or of any with ""). The answer's line
    /// ("Locked …: 200, waiting for the stream to confirm") gives way to the confirmation's ("Lock … confirmed by
    /// the stream after 0.1 s") as soon as the reading is applied, which can be before the next look at the screen.
    static func showsLockOutcome(_ screen: String, of id: String = "") -> Bool {
        if id.isEmpty { return screen.contains("Locked ") || screen.contains(" confirmed by the stream") }
        return screen.contains("Locked \(id): 200") || screen.contains("Lock \(id) confirmed by the stream")
    }

    /// The charge column's numbers, top to bottom (the column after the id).
    static func charges(_ screen: String) -> [Double] {
        screen.split(separator: "\n").filter { $0.hasPrefix("│") }.compactMap { line in
            let cells = line.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
            return cells.count > 2 ? Double(cells[1]) : nil
        }
    }

    /// Vehicles appear, a filter narrows to one, `L` `y` locks it and the row shows LOCKED with the outcome in the
    /// status line, then `✓ LOCKED` once the stream confirms it; its detail shows the reading in its timeline; a
    /// resize redraws, too small shows only the message, `q` quits and the tty is as before.
    func lockFlow(_ tmux: TmuxSession, fleetSize: Int, connectedAs: String) async {
        // The rows too: a capture can fall between a frame's header and its table.
        guard let first = await tmux.waitFor("the vehicles", {
            $0.contains("Vehicles \(fleetSize)/\(fleetSize)") && $0.contains(connectedAs)
                && $0.split(separator: "\n").contains { $0.hasPrefix("│  ") }
        }) else { return }
        // A vehicle that is parked and not locked: the demo refuses to lock one that is moving.
        let rows = first.split(separator: "\n").map(String.init).filter { $0.hasPrefix("│  ") }
        let candidate = rows.first { !$0.contains("IN_RENTAL") && !$0.contains("LOCKED") && $0.contains("ONLINE") }
        guard let id = candidate?.split(separator: " ").dropFirst().first.map(String.init) else {
            Issue.record("no parked, unlocked vehicle on the screen:\n\(first)")
            return
        }

        // The filter narrows to that one vehicle.
        tmux.keys("/")
        tmux.literal(id)
        tmux.keys("Enter")
        await tmux.waitFor("the filter") { $0.contains("Vehicles 1/\(fleetSize) [/\(id)]") }

        // L opens the dialog naming it; y confirms; the row shows LOCKED.
        tmux.keys("L")
        await tmux.waitFor("the dialog") { $0.contains("Lock \(id) (") && $0.contains("[ Cancel ]") }
        tmux.keys("y")
        await tmux.waitFor("LOCKED in the row") { screen in
            screen.split(separator: "\n").contains { $0.contains(id) && $0.contains("LOCKED") && !$0.contains("LOCKING") }
        }
        await tmux.waitFor("the outcome with its flow id") { screen in
            Self.showsLockOutcome(screen, of: id) && screen.contains("(flow ")
        }

        // The stand-in publishes the reading the lock caused, with its flow id: the stream confirms the lock.
        await tmux.waitFor("the lock confirmed in the row") { screen in
            screen.split(separator: "\n").contains { $0.contains(id) && $0.contains("✓ LOCKED") }
        }
        // Enter opens the vehicle's detail: its timeline holds that reading, linked to the lock sent.
        tmux.keys("Enter")
        await tmux.waitFor("the detail with its timeline") { screen in
            screen.contains("Vehicle \(id)") && screen.contains("Timeline (")
                && screen.split(separator: "\n").contains { $0.contains("state LOCKED") && $0.contains("← Lock") }
                && screen.contains("✓ confirmed after") && screen.contains("Capabilities")
        }
        tmux.keys("Escape")
        await tmux.waitFor("back to the filtered table") { screen in
            screen.contains("Vehicles 1/\(fleetSize) [/\(id)]") && !screen.contains("Timeline (")
        }

        // A resize redraws at the new size.
        tmux.resize(width: 90, height: 26)
        await tmux.waitFor("the redraw at 90×26") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 26 && lines[1].hasPrefix("┌ Vehicles") && lines[1].hasSuffix("┐")
                && lines[1].count == 90 && lines[25].contains("? help")
        }
        tmux.resize(width: 60, height: 20)
        await tmux.waitFor("the too-small screen") { $0.contains("Terminal too small: need 80×24, have 60×20") }

        // q quits; the terminal is back as it was.
        tmux.keys("q")
        await tmux.waitFor("a clean exit") { $0.contains("FLEETWATCH-EXIT=0") && $0.contains("TTY-RESTORED") }
    }

    /// A crash while the dashboard owns the terminal (a fatal signal from outside, as a Swift trap or a bad
    /// access raises it on any thread): the terminal comes back all the same, main screen, cursor shown and tty
    /// settings as before, and the process still dies of that signal. `sh`, unlike bash, restores nothing itself.
    @Test(arguments: [SIGSEGV, SIGILL])
    func aCrashGivesTheTerminalBack(signal: Int32) async throws {
        let binary = try EndToEnd.fleetwatch()
        let dir = try EndToEnd.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = "export XDG_CONFIG_HOME=\(dir) XDG_STATE_HOME=\(dir) \(Self.crashEnvironment)\n"
            + EndToEnd.ttyChecked("sh -c 'echo $$ > \(dir)/pid; exec \(binary) --demo --demo-vehicles 10'", in: dir)
        let tmux = try TmuxSession(width: 100, height: 30, script: script, in: dir)
        guard await tmux.waitFor("the dashboard", { $0.contains("Vehicles 10/10") }) != nil else { return }
        let modes = { tmux.display("#{alternate_on} #{cursor_flag}") }
        #expect(modes().hasPrefix("1 0"), "the dashboard should own the terminal: alternate screen, no cursor")
        let pidText = (try? String(contentsOfFile: "\(dir)/pid", encoding: .utf8)) ?? ""
        let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, signal)
        await tmux.waitFor("the shell after the crash") {
            $0.contains("FLEETWATCH-EXIT=\(128 + signal)") && $0.contains("TTY-RESTORED")
        }
        #expect(modes().hasPrefix("0 1"), "after the crash: the main screen, with the cursor shown")
    }

    /// What the crashing child runs with. Built with a sanitizer (`scripts/sanitize` sets its options), the child
    /// would catch the signal in the sanitizer's own handler and exit 1 with a report, so the sanitizer is told to
    /// leave SEGV and ILL alone, and Swift's backtracer is off: it reads the stack raw, which AddressSanitizer
    /// stops as a bad access. Otherwise the backtracer stays on, as users run it, only not interactive.
    static var crashEnvironment: String {
        let inherited = ProcessInfo.processInfo.environment
        let sanitizers = ["ASAN_OPTIONS", "TSAN_OPTIONS"].filter { inherited[$0] != nil }
        guard !sanitizers.isEmpty else { return "SWIFT_BACKTRACE=interactive=no" }
        let options = sanitizers.map { "\($0)='\(inherited[$0] ?? ""):handle_segv=0:handle_sigill=0'" }
        return (options + ["SWIFT_BACKTRACE=enable=no"]).joined(separator: " ")
    }

    /// `--ascii` (or `ascii = true` in the config file) in a UTF-8 terminal: the whole screen is ASCII, and still
    /// reads as the dashboard.
    @Test(arguments: [true, false])
    func asciiDrawsOnlyASCII(byFlag: Bool) async throws {
        let binary = try EndToEnd.fleetwatch()
        let dir = try EndToEnd.scratchDirectory(creating: "fleetwatch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        if !byFlag {
            try #require(FileManager.default.createFile(atPath: "\(dir)/fleetwatch/config.toml",
                                                        contents: Data("ascii = true\n".utf8)))
        }
        let tmux = TmuxSession(width: 100, height: 30,
                               running: EndToEnd.demo(binary, "--demo-vehicles 10" + (byFlag ? " --ascii" : ""), home: dir))
        guard let screen = await tmux.waitFor("the dashboard", {
            $0.contains("+ Vehicles 10/10") && $0.contains("* connected")
        }) else { return }
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
        tmux.keys("q")
        await tmux.waitFor("a clean exit") { $0.contains("FLEETWATCH-EXIT=0") }
    }

    @Test func refusesToStartWhenStdoutIsNotATerminal() async throws {
        let binary = try EndToEnd.fleetwatch()
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
