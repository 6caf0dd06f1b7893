import FleetCore
import Foundation
import Logging

/// Keeps a dashboard's `StreamCheckpoint` up to date in its `CheckpointFile`: after each applied batch it records
/// the batch's offsets; it writes the file at most once every `interval` seconds (from a batch, or from
/// `keepIfDue` when the stream goes quiet), and once more when the dashboard stops. A failed write is logged once and tried again later: it never stops the dashboard.
public final class CheckpointRecorder: StreamProgressRecorder, @unchecked Sendable {  // state guarded by `lock`
    private let file: CheckpointFile
    private let broker: String
    private let vhost: String
    private let stream: String
    private let interval: Double
    private let lock = NSLock()
    private var window: ReplayWindow
    private var offset: Int64?
    private var dirty = false
    private var lastWrite = -Double.infinity
    private var failing = false
    private let logger = Logger(label: "fleetwatch.checkpoint")

    public init(file: CheckpointFile, broker: String, vhost: String, stream: String, interval: Double = 1,
                window: ReplayWindow = ReplayWindow()) {
        self.file = file
        self.broker = broker
        self.vhost = vhost
        self.stream = stream
        self.interval = interval
        self.window = window
    }

    public func applied(_ batch: EventBatch) {
        guard let offsets = batch.streamOffsets else { return }
        lock.withLock {
            window.record(offsets: offsets, eventTimes: batch.events.lazy.map(\.occurredAt), arrivedAt: batch.arrivedAt)
            offset = max(offset ?? offsets.upperBound, offsets.upperBound)
            dirty = true
            writeIfDue()
        }
    }

    public func keepIfDue() {
        lock.withLock { if dirty { writeIfDue() } }
    }

    private func writeIfDue() {
        let now = monotonicSeconds()
        if now - lastWrite >= interval { write(now: now) }
    }

    /// Writes what was recorded since the last write; call once the source has stopped.
    public func finish() {
        lock.withLock { if dirty { write(now: monotonicSeconds()) } }
    }

    /// What would be saved now.
    public var checkpoint: StreamCheckpoint? { lock.withLock { current() } }

    private func current() -> StreamCheckpoint? {
        guard let offset, let replayFrom = window.replayFrom else { return nil }
        return StreamCheckpoint(broker: broker, vhost: vhost, stream: stream, offset: offset,
                                replayFrom: min(replayFrom, offset), savedAt: Timestamp.now().description)
    }

    private func write(now: Double) {
        guard let checkpoint = current() else { return }
        lastWrite = now
        do {
            try file.save(checkpoint)
            dirty = false
            if failing { logger.notice("stream offset saved again", metadata: ["path": "\(file.path)"]) }
            failing = false
        } catch {
            if !failing { logger.warning("\(error.description): retrying every \(interval) s") }
            failing = true
        }
    }
}
