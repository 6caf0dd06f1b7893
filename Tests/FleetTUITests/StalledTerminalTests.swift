import TestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `fleetwatch --demo` on a pseudo-terminal whose other side stops reading, as a frozen SSH session or a
/// terminal stopped with Ctrl-S does: output fills the buffer and the dashboard's `write` blocks. A termination
/// signal must still end it within 2 s and give the terminal its settings back; and while it runs, XON/XOFF is
/// off (Ctrl-S is a key, not a freeze).
@Suite(.serialized) struct StalledTerminalTests {
    /// Drives the pty from Python (`os.openpty`, a controlling terminal for the child). Prints one JSON object.
    static let driver = #"""
    import json, os, select, signal, struct, sys, termios, time, fcntl
    binary, signum, state = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
    before = termios.tcgetattr(slave)
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.closerange(3, 1024)
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(s, signal.SIG_DFL)
        env = dict(os.environ, LANG="C.UTF-8", TERM="xterm-256color", XDG_STATE_HOME=state, XDG_CONFIG_HOME=state,
                   SWIFT_BACKTRACE="enable=no")
        os.execve(binary, [binary, "--demo", "--demo-vehicles", "500", "--demo-speed", "200"], env)
    result = {"pid": pid}

    def deadline_loop(seconds, condition, step=0.02):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if condition():
                return True
            time.sleep(step)
        return condition()

    seen = bytearray()
    def started():
        while select.select([master], [], [], 0)[0]:
            try:
                seen.extend(os.read(master, 65536))
            except OSError:
                return False
        return b"Vehicles" in seen
    result["started"] = deadline_loop(30, started)
    mode = termios.tcgetattr(master)  # Linux answers the terminal side's settings
    result["curses_mode"] = not (mode[3] & termios.ICANON)
    result["ixon_off_while_running"] = not (mode[0] & termios.IXON)

    # Stop reading; every `t` (next theme) repaints the whole 200x60 screen until a write blocks.
    def blocked_in_write():
        try:
            os.write(master, b"t")
        except OSError:
            pass
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/syscall") as f:
                    call = f.read().split()
                with open(f"/proc/{pid}/task/{tid}/stat") as f:
                    state_letter = f.read().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if len(call) > 1 and call[0] == "1" and int(call[1], 16) == 1 and state_letter == "S":
                return True
        return False
    result["blocked"] = deadline_loop(30, lambda: blocked_in_write() and (time.sleep(0.2) or blocked_in_write()), 0.05)

    start = time.monotonic()
    os.kill(pid, signum)
    status = None
    def exited():
        global status
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
        return done != 0
    result["exited"] = deadline_loop(10, exited, 0.01)
    result["elapsed"] = time.monotonic() - start
    if not result["exited"]:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    else:
        result["exit_code"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        result["killed_by"] = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    after = termios.tcgetattr(slave)
    result["canonical_and_echo_after"] = bool(after[3] & termios.ICANON) and bool(after[3] & termios.ECHO)
    result["modes_as_before"] = after[:4] == before[:4]
    print(json.dumps(result))
    """#

    struct Outcome: Decodable {
        var started: Bool
        var curses_mode: Bool
        var ixon_off_while_running: Bool
        var blocked: Bool
        var exited: Bool
        var elapsed: Double
        var exit_code: Int?
        var killed_by: Int?
        var canonical_and_echo_after: Bool
        var modes_as_before: Bool
    }

    static func drive(signal: Int32, state: String) throws -> Outcome? {
        let script = "\(state)/driver.py"
        try driver.write(toFile: script, atomically: true, encoding: .utf8)
        let driven = try CommandOutput.run(URL(fileURLWithPath: "/usr/bin/env"),
                                           ["python3", script, EndToEnd.binaryPath, "\(signal)", state])
        return try? JSONDecoder().decode(Outcome.self, from: driven.stdout)
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalEndsTheDashboardInTimeAndRestoresTheTerminalWhileOutputIsBlocked(signal: Int32) async throws {
        _ = try EndToEnd.fleetwatch()
        let state = try EndToEnd.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let outcome = try #require(try Self.drive(signal: signal, state: state), "the pty driver failed")
        try #require(outcome.started, "the dashboard never drew")
        #expect(outcome.curses_mode)
        #expect(outcome.ixon_off_while_running, "Ctrl-S would freeze the screen")
        try #require(outcome.blocked, "the dashboard's output never blocked: the test proves nothing")
        #expect(outcome.exited, "still running 10 s after signal \(signal)")
        // The bound is 2 s (the dashboard gives itself 1.2 s); a shared machine gets some slack.
        #expect(outcome.elapsed < 3, "took \(outcome.elapsed) s")
        #expect(outcome.exit_code == Int(128 + signal) || outcome.killed_by == Int(signal), "\(outcome)")
        #expect(outcome.canonical_and_echo_after && outcome.modes_as_before, "terminal settings not restored")
        let log = (try? String(contentsOfFile: "\(state)/fleetwatch/fleetwatch.log", encoding: .utf8)) ?? ""
        #expect(log.contains("notice fleetwatch.dashboard: dashboard started"), "log: \(log)")
    }
}
