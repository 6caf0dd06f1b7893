import AMQP
import FleetCore
import FleetStream
import Foundation
import Testing
import TestSupport

/// Reading a RabbitMQ stream (`x-queue-type: stream`) through the real broker: every reader sees every event,
/// each from where it asks to start.
@Suite(.serialized) struct StreamQueueTests {
    /// `tail --stream --since START --count N --json`, the ids it printed; it gives up after 20 s.
    func tail(_ stream: String, from start: StreamStart, count: Int) async -> [String] {
        let lines = LineSink()
        let source = makeSource(queues: [stream], start: start)
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(20))
            source.stop()
        }
        defer { watchdog.cancel() }
        _ = await EventTail(format: .json, count: count).run(source: source, output: lines.append, diagnostics: { _ in })
        return lines.lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
    }

    /// Three readers of one stream each get all of it (a classic queue would split it among them), in order.
    @Test func everyReaderFromFirstGetsEveryEventOnce() async throws {
        let queues = try TestQueues("stream-test.readers", arguments: TestQueues.stream)
        defer { queues.cleanUp() }
        let stream = try queues.publishTrips(300, idPrefix: "s")
        async let a = tail(stream, from: .first, count: 300)
        async let b = tail(stream, from: .first, count: 300)
        async let c = tail(stream, from: .first, count: 300)
        let expected = (0..<300).map { "s-\($0)" }
        for ids in await [a, b, c] { #expect(ids == expected) }
    }

    @Test func anOffsetStartsThere() async throws {
        let queues = try TestQueues("stream-test.offset", arguments: TestQueues.stream)
        defer { queues.cleanUp() }
        let stream = try queues.publishTrips(50, idPrefix: "o")
        #expect(await tail(stream, from: .offset(40), count: 10) == (40..<50).map { "o-\($0)" })
    }

    /// `next` skips what the stream already holds: a reader attached before new events sees only those.
    @Test func nextSkipsWhatTheStreamAlreadyHolds() async throws {
        let queues = try TestQueues("stream-test.next", arguments: TestQueues.stream)
        defer { queues.cleanUp() }
        let stream = try queues.publishTrips(20, idPrefix: "old")
        let lines = LineSink()
        let reader = Task {
            await EventTail(format: .json, count: 5)
                .run(source: makeSource(queues: [stream], start: .next), output: lines.append, diagnostics: { _ in })
        }
        // `next` gives no sign of having attached: publish a round at a time until five have arrived.
        let deadline = Date().addingTimeInterval(30)
        var round = 0
        while lines.lines.count < 5, Date() < deadline {
            round += 1
            try queues.publisher.publish((0..<5).map {
                EventBodies.message(type: "TripStarted", id: "new-\(round)-\($0)", vehicle: "V1", queue: stream)
            })
            _ = await eventually(timeout: 0.5) { lines.lines.count >= 5 }
        }
        #expect(await reader.value == 5)
        #expect(lines.lines.allSatisfy { $0.contains("\"new-") }, "\(lines.lines)")
    }

    /// A classic queue that already has a consumer is named in the second source's status (re-checked on every
    /// connect); a stream never is.
    @Test func aSharedClassicQueueIsNamed() async throws {
        let queues = try TestQueues("stream-test.shared", count: 1)
        defer { queues.cleanUp() }
        let queue = queues.names[0]
        let first = makeSource(queues: [queue])
        let firstStatus = Collector(first.subscribe())
        first.start()
        defer { first.stop() }
        #expect(await eventually(timeout: 10) { firstStatus.statuses.last?.state.isConnected == true })
        let second = makeSource(queues: [queue])
        let secondStatus = Collector(second.subscribe())
        second.start()
        defer { second.stop() }
        #expect(await eventually(timeout: 10) { secondStatus.statuses.last?.sharedQueues == [queue] })
        #expect(secondStatus.statuses.last?.sharedQueueWarning?.contains("other consumers") == true)
        #expect(firstStatus.statuses.allSatisfy { $0.sharedQueues.isEmpty })
    }

    /// Each batch from a stream carries the offsets it accounts for; a recorder fed after each batch, as the
    /// dashboard's runtime does, keeps the last offset, and a duplicate in the stream (a publisher's retry) is
    /// accounted for though never handed over.
    @Test func batchesCarryTheirOffsetsAndTheRecorderKeepsTheLast() async throws {
        let queues = try TestQueues("stream-test.checkpoint", arguments: TestQueues.stream)
        defer { queues.cleanUp() }
        let stream = try queues.publishTrips(200, idPrefix: "c")
        try queues.publisher.publish([EventBodies.message(type: "TripStarted", id: "c-10", vehicle: "V1", queue: stream)]
            + (0..<199).map { EventBodies.message(type: "TripStarted", id: "d-\($0)", vehicle: "V1", queue: stream) })
        // Once the broker counts all 400 (a moment after confirming them), a declare answers 400 too: what the
        // source must not take for a backlog.
        #expect(await eventually(timeout: 10) { (try? TestBroker.messageCount(stream)) == 400 })
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-stream-cp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = CheckpointFile(path: "\(dir)/cp.json")
        let recorder = CheckpointRecorder(file: file, broker: "b:1", vhost: "/", stream: stream, interval: 0)
        let covered = LineSink()
        let events = Locked(0)
        let source = makeSource(queues: [stream], start: .first, prefetch: 50)
        let backlogs = Locked<[Int?]>([])
        source.subscribe { message in
            if case let .status(status) = message { backlogs.withLock { $0.append(status.queuedBehind) } }
            guard case let .events(batch) = message else { return }
            events.withLock { $0 += batch.events.count }
            batch.settle()
            recorder.applied(batch)
            if let offsets = batch.streamOffsets { covered.append("\(offsets.lowerBound)-\(offsets.upperBound)") }
        }
        source.start()
        defer { source.stop() }
        #expect(await eventually(timeout: 20) { (try? file.load())??.offset == 399 })
        #expect(events.withLock { $0 } == 399)
        // The ranges follow one another with neither gap nor overlap: every offset is accounted for once.
        var next: Int64 = 0
        for range in covered.lines {
            let bounds = range.split(separator: "-").compactMap { Int64($0) }
            #expect(bounds.count == 2 && bounds[0] == next, "\(covered.lines)")
            next = (bounds.last ?? next) + 1
        }
        #expect((try file.load())?.replayFrom == 0)
        // A stream's message count is its whole log, not what is left to read: no backlog is counted from it.
        let seen = backlogs.withLock { $0 }
        #expect(!seen.isEmpty && seen.allSatisfy { $0 == nil }, "\(seen)")
    }
}
