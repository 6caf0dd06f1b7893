import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `fleetsim` on the test broker, as INVERS: it publishes its fleet's events to four queues of its own and serves
/// the REST API (snapshot, commands) on a random port. `stop()` ends it and deletes the queues.
struct LiveFleet {
    let directory: String
    let queues: [String]
    let port: Int
    let amqpURL: String
    let simPID: pid_t
    let managementURL: String

    static func start(vehicles: Int, timeScale: Int = 1) async throws -> LiveFleet {
        let binary = try EndToEnd.fleetwatch()
        let fleetsim = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("fleetsim").path
        try #require(FileManager.default.isExecutableFile(atPath: fleetsim), "build fleetsim first: \(fleetsim)")
        let env = ProcessInfo.processInfo.environment
        let amqpURL = env["FLEETWATCH_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/%2f"
        let managementURL = env["FLEETWATCH_TEST_MGMT_URL"] ?? "http://127.0.0.1:15672"
        try EndToEnd.requireBroker(at: amqpURL)
        let prefix = "fw-tui-e2e-\(UInt32.random(in: 0...UInt32.max))"
        let queues = ["vehicle-change", "trip", "smoke-detection", "vehicle-state-recorded"].map { "\(prefix).\($0)" }
        let port = Int.random(in: 20_000...40_000)
        let dir = try EndToEnd.scratchDirectory()
        let secretFile = "\(dir)/secret"
        try #require(FileManager.default.createFile(atPath: secretFile, contents: Data("e2e-s3cret\n".utf8),
                                                    attributes: [.posixPermissions: 0o600]))
        guard let simPID = spawn([fleetsim, "--vehicles", String(vehicles), "--time-scale", String(timeScale), "--queue-prefix", prefix,
                                  "--api-port", String(port), "--client-id", "e2e", "--client-secret-file", secretFile],
                                 environment: ["FLEETSIM_AMQP_URL": amqpURL], stderr: "\(dir)/fleetsim.log")
        else {
            throw EndToEnd.SetupError("cannot start fleetsim")
        }
        let live = LiveFleet(directory: dir, queues: queues, port: port, amqpURL: amqpURL, simPID: simPID,
                             managementURL: managementURL)
        let started = await eventually(timeout: 20) {
            ((try? String(contentsOfFile: "\(dir)/fleetsim.log", encoding: .utf8)) ?? "").contains("REST API on")
        }
        if !started {
            live.stop()
            throw EndToEnd.SetupError("fleetsim did not start")
        }
        return live
    }

    /// The dashboard in a new terminal, configured through the environment (the password never on a command
    /// line), its working directory `directory`; the pane prints its exit status and whether the tty came back.
    func runDashboard(width: Int, height: Int, flags: String = "") throws -> TmuxSession {
        let binary = EndToEnd.binaryPath
        let script = """
            cd '\(directory)'
            export FLEETWATCH_AMQP_URL='\(amqpURL)' FLEETWATCH_QUEUES='\(queues.joined(separator: ","))' \\
              FLEETWATCH_API_URL='http://127.0.0.1:\(port)' INVERS_CLIENT_ID=e2e XDG_CONFIG_HOME='\(directory)' XDG_STATE_HOME='\(directory)'

            """ + EndToEnd.ttyChecked("\(binary) --client-secret-file \(directory)/secret \(flags)", in: directory)
        return try TmuxSession(width: width, height: height, script: script, in: directory)
    }

    func stop() {
        kill(simPID, SIGTERM)
        reap(simPID)
        for queue in queues {
            if let pid = spawn(["curl", "-s", "-u", "guest:guest", "-X", "DELETE", "\(managementURL)/api/queues/%2f/\(queue)"]) {
                reap(pid)
            }
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}

