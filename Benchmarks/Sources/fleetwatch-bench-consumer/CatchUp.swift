import AMQP
import ArgumentParser
import BenchWorkloads
import FleetCore
import FleetStream
import FleetTUI
import Foundation

/// The Swift side of `scripts/bench-catch-up`: the dashboard as it runs (`DashboardRuntime` over `AMQPEventSource`:
/// decode, dedup, store, frames on an in-memory 200×60 terminal: at once for a key, at most 10 a second for the
/// fleet's changes) catching up on a pre-filled queue, or
/// on a stream from its first offset with the header counting down to its last, while a key is typed every
/// `--key-interval` ms. Stops once the store has applied `count` events.
///
/// Prints "EVENTS SECONDS CPU_SECONDS PEAK_RESIDENT_BYTES FRAMES CATCHING_UP_FRAMES" (rate from the first batch
/// applied to the count-th; CPU of the whole process; peak 0 where it cannot be read) and writes each key press's
/// latency in milliseconds, one a line (`inf`: never shown), to `--key-log`.
struct CatchUp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catch-up", abstract: "Catch up on a pre-filled queue or stream as the dashboard does, typing keys.")

    @OptionGroup var options: QueueOptions
    @Flag(help: "The queue is a RabbitMQ stream: read it from its first offset.") var stream = false
    @Option(help: "basic.qos prefetch.") var prefetch = 200
    @Option(help: "Milliseconds between a key press showing and the next press.") var keyInterval = 75.0
    @Option(help: "Where to write the key presses' latencies.") var keyLog: String
    @Option(help: "Seconds to wait for the catch-up before giving up.") var timeout = 1800.0

    func validate() throws { try options.validateHasQueue() }

    func run() throws {
        let url = try options.amqpURL()
        let configuration = StreamConfiguration(url: url, queues: [options.queue[0]], start: stream ? .first : nil,
                                                prefetch: prefetch, connectionName: "fleetwatch bench catch-up")
        // As the dashboard starts on a stream (LiveConnections): the last offset now is what the header counts to.
        let catchUpTo = stream ? try StreamBounds.current(of: options.queue[0], url: url,
                                                          options: configuration.connectionOptions)?.upperBound : nil
        let progress = Progress(target: options.count)
        let caughtUp = DispatchSemaphore(value: 0)
        let amqp = AMQPEventSource(configuration)
        let source = CountingSource(source: amqp) { if progress.add($0) { caughtUp.signal() } }

        let probe = KeyProbe()
        let catchingUpFrames = FrameTally()
        let terminal = MemoryTerminal(size: FrameLoop.screen) { grid in
            probe.presented(grid)
            if grid.line(0).contains("catching up") { catchingUpFrames.add() }
        }
        let runtime = DashboardRuntime(source: source, commands: nil,
                                       configuration: DashboardConfiguration(endpoint: "bench", catchUpTo: catchUpTo))
        let userInterfaceDone = DispatchSemaphore(value: 0)
        Thread {
            runtime.runUserInterface(on: terminal)
            userInterfaceDone.signal()
        }.start()
        runtime.startConsuming()

        let pressed = DispatchSemaphore(value: 0)
        let latencies = LatencyBox()
        let interval = keyInterval / 1000
        Thread {
            latencies.set(probe.run(on: terminal, every: interval) { progress.isDone })
            pressed.signal()
        }.start()

        let finished = caughtUp.wait(timeout: .now() + .milliseconds(Int(timeout * 1000))) == .success
        if !finished { progress.giveUp() }  // ends the key presses
        pressed.wait()
        runtime.requestQuit()
        userInterfaceDone.wait()
        runtime.stop()
        _ = amqp.waitUntilStopped()
        guard finished else {
            throw ValidationError("caught up on \(progress.result.received) of \(options.count) events in \(timeout) s")
        }

        let (received, first, last) = progress.result
        let lines = latencies.value.map { $0.isFinite ? String(format: "%.3f", $0) : "inf" }
        try (lines.joined(separator: "\n") + "\n").write(toFile: keyLog, atomically: true, encoding: .utf8)
        print(received, String(format: "%.6f", last - first), String(format: "%.3f", Double(processCPUMicroseconds()) / 1e6),
              peakResidentBytes() ?? 0, terminal.frames, catchingUpFrames.count)
    }
}

/// Frames counted from the UI thread, read after it ended.
private final class FrameTally: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var frames = 0
    func add() { lock.withLock { frames += 1 } }
    var count: Int { lock.withLock { frames } }
}

/// The key presses' latencies, handed from the pressing thread to the main one.
private final class LatencyBox: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var latencies: [Double] = []
    func set(_ value: [Double]) { lock.withLock { latencies = value } }
    var value: [Double] { lock.withLock { latencies } }
}
