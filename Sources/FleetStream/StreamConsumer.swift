import AMQP
import FleetCore
import Foundation

/// The consumer thread's whole life: connect, subscribe, consume, acknowledge, reconnect; until stopped.
///
/// Everything here runs on the one thread that owns the connection (rabbitmq-c is not thread-safe). The type is
/// made on that thread and never leaves it; the outside world talks to it through the `ConsumerThreadInbox` (in)
/// and the `EventHub` (out).
final class StreamConsumer {
    // The state touched for every delivery is `@exclusivity(unchecked)`: this object lives and dies on its one
    // thread and no method reaches into another's access, so the runtime's per-access checks (3 % of the thread's
    // time) can only ever pass.
    private let configuration: StreamConfiguration
    private let inbox: ConsumerThreadInbox
    private let hub: EventHub
    private let decoder = EventDecoder()

    /// Bumped for every new connection: settlements of an older one carry stale delivery tags and are dropped.
    private var generation: UInt64 = 0
    @exclusivity(unchecked) private var ledger = AckLedger()
    @exclusivity(unchecked) private var commands: [ConsumerThreadInbox.Command] = []
    @exclusivity(unchecked) private var seen: SeenEvents
    /// Consumer tag → queue name, for the queues being consumed now.
    private var consumers: [String: String] = [:]
    /// Queues that do not exist (or were deleted), checked again every `missingQueueRecheck` seconds.
    private var missing: [String] = []
    /// For streams: the offset after the last delivery of each, where a new connection goes on.
    private var resumeOffsets: [String: Int64] = [:]
    /// For streams: the lowest and highest offsets in the burst being gathered (since the last hand-over); the
    /// batch carries them, and the status shows the highest once the burst is out.
    private var burstFirstOffset: Int64?
    private var burstOffset: Int64?
    private var nextProbe = 0.0
    @exclusivity(unchecked) private var statistics: StreamStatistics
    /// Decoded events not yet handed to subscribers, and their delivery tags: they go out as one batch, while
    /// rabbitmq-c has more input buffered, so that a subscriber wakes and settles once per batch, not per event.
    @exclusivity(unchecked) private var burstEvents: [Event] = []
    @exclusivity(unchecked) private var burstTags: [UInt64] = []
    /// The burst's event ids as `SeenEvents` hashes, not yet checked (see `deliverBurst`).
    @exclusivity(unchecked) private var burstHashes: [UInt64] = []
    /// The subscribers of the current burst (each event's ledger entry waits for exactly these).
    @exclusivity(unchecked) private var burstTargets: [EventHub.Subscriber] = []
    private static let burstLimit = 128
    /// Mid-stream, how long the socket may stay silent before the stream counts as quiet and the ready acks go out
    /// anyway (a full ack batch goes out at once). Longer than the kernel's 4 ms tick on purpose: a shorter wait
    /// reprograms the timer hardware on every wait, which in a VM traps to the hypervisor (with 2 ms, the
    /// consumer spent twice the C consumer's CPU an event in `poll`).
    private static let quietAfter = 0.05

    init(configuration: StreamConfiguration, inbox: ConsumerThreadInbox, hub: EventHub) {
        self.configuration = configuration
        self.inbox = inbox
        self.hub = hub
        self.seen = SeenEvents(capacity: max(1, configuration.dedupCapacity))
        self.statistics = StreamStatistics(endpoint: configuration.url.endpoint)
    }

    func run() {
        var failures = 0
        while !inbox.isStopRequested {
            statistics.state = .connecting
            publishStatus()
            var connection: AMQPConnection?
            var connectedAt: Double?
            do {
                let c = try AMQPConnection(url: configuration.url, options: configuration.connectionOptions)
                connection = c
                try startConsuming(on: c)
                connectedAt = monotonicSeconds()
                try consume(on: c)
                c.close()
                break
            } catch {
                // Events decoded before the failure still reach the subscribers (delivering them marks their ids
                // seen, so the redelivery will only be acknowledged); their settlements are stale and dropped.
                deliverBurst()
                connection?.close()
                if let connectedAt, monotonicSeconds() - connectedAt >= configuration.reconnect.stableAfter { failures = 0 }
                failures += 1
                let delay = configuration.reconnect.delay(afterFailures: failures, accessRefused: error.isAccessRefused,
                                                          random: Double.random(in: 0..<1))
                let reason = describe(error)
                statistics.lastError = reason
                statistics.state = .retrying(inSeconds: (delay * 10).rounded() / 10, reason: reason)
                publishStatus()
                if !inbox.sleep(seconds: delay) { break }
            }
        }
        statistics.state = .stopped
        publishStatus()
        hub.finish()
    }

    // MARK: Connecting

    private func startConsuming(on c: AMQPConnection) throws(AMQPError) {
        generation += 1
        ledger = AckLedger()
        statistics.forgetBacklog()
        consumers = [:]
        missing = []
        try c.setPrefetch(configuration.prefetch)
        for queue in configuration.queues { try subscribe(queue, on: c) }
        nextProbe = monotonicSeconds() + configuration.missingQueueRecheck
        updateState()
    }

    /// Starts consuming `queue`, after a passive declare on channel 2 (a missing queue closes only that channel).
    /// A classic queue that already has consumers is named in the status: the broker would share its messages.
    private func subscribe(_ queue: String, on c: AMQPConnection) throws(AMQPError) {
        if configuration.declaration == .passive {
            if !c.isChannelOpen(2) { try c.openChannel(2) }
            do {
                let (messages, others) = try c.declareQueue(queue, passive: true, channel: 2)
                statistics.sharedQueues.removeAll { $0 == queue }
                if configuration.start == nil {  // a stream's count is its whole log, not what is left to read
                    if others > 0 { statistics.sharedQueues.append(queue) }
                    statistics.queued(messages)
                }
            } catch let .channelClosed(channel, code, text) where channel == 2 {
                markMissing(queue, because: code == 404 ? "the queue \(queue) does not exist"
                                                          : "the queue \(queue) cannot be used (\(code) \(text))")
                return
            }
        }
        do {
            let tag = try c.consume(queue: queue, arguments: streamArguments(queue))
            consumers[tag] = queue
            missing.removeAll { $0 == queue }
        } catch let .channelClosed(_, code, text) {
            throw .channelClosed(channel: 1, code: code,
                                 text: code == 404 ? "the queue \(queue) does not exist (\(text))" : text)
        }
    }

    /// `x-stream-offset` for a stream: after the last offset received, else the configured start.
    private func streamArguments(_ queue: String) -> [String: AMQPArgument] {
        guard let start = configuration.start else { return [:] }
        if let resume = resumeOffsets[queue] { return ["x-stream-offset": .int(resume)] }
        let value: AMQPArgument
        switch start {
        case .first, .last, .next: value = .string(start.description)
        case let .offset(n): value = .int(n)
        case .time, .ago:
            let time = start.startTime(now: Timestamp(seconds: Date().timeIntervalSince1970)) ?? .earliest
            value = .timestamp(UInt64(clamping: max(0, time.microseconds / 1_000_000)))
        }
        return ["x-stream-offset": value]
    }

    private func markMissing(_ queue: String, because reason: String) {
        if !missing.contains(queue) { missing.append(queue) }
        statistics.lastError = SafeText.sanitize(
            "\(reason): consuming the other queues and checking again every \(formatSeconds(configuration.missingQueueRecheck))")
    }

    private func updateState() {
        let state: StreamStatus.State = missing.first.map { .queueGone($0) } ?? .connected
        if statistics.state != state {
            statistics.state = state
            publishStatus()
        }
    }

    // MARK: Consuming

    private func consume(on c: AMQPConnection) throws(AMQPError) {
        var nextHousekeeping = 0.0
        var sinceClock = 0
        while true {
            // A burst also ends where it completes an ack batch: an inline subscriber settles it at once, so the ack
            // leaves right after that batch's last delivery, as the C consumer's does, not a burst later.
            if !burstEvents.isEmpty, burstEvents.count >= Self.burstLimit || !c.hasBufferedInput
                || ledger.readyPrefix() + burstEvents.count >= configuration.ackBatch { deliverBurst() }
            if applyCommands() {  // stop requested
                deliverBurst()
                applyCommands()
                try flushAcks(on: c)
                return
            }
            if ledger.readyPrefix() >= configuration.ackBatch { try flushAcks(on: c) }

            // The clock is read once a burst, or every 64 deliveries of a long one: reading it for every delivery
            // was 2 % of the thread's time.
            sinceClock += 1
            if sinceClock >= 64 || !c.hasBufferedInput {
                sinceClock = 0
                let now = monotonicSeconds()
                if now >= nextHousekeeping {
                    nextHousekeeping = now + 0.25
                    try housekeeping(now: now, on: c)
                }
            }

            // The broker sends at most `prefetch` per consumer before it sees acks: when that many are out, wait for
            // subscribers to settle instead of for the socket (a zero-timeout consume still services heartbeats).
            let credit = configuration.prefetch * max(1, consumers.count)
            var timeout = ledger.isEmpty ? 0.25 : Self.quietAfter
            if ledger.count >= credit {
                deliverBurst()
                try flushAcks(on: c)
                if ledger.count >= credit {
                    inbox.wait(seconds: 0.1)
                    timeout = 0
                }
            }
            // Mid-stream and nothing buffered: let the socket fill a little (see `readCoalescing`). What is ready is
            // acknowledged first: an ack held through the wait keeps the broker's window that much smaller meanwhile.
            if configuration.readCoalescing > 0, !ledger.isEmpty, !c.hasBufferedInput {
                try flushAcks(on: c)
                usleep(UInt32(configuration.readCoalescing * 1_000_000))
            }
            // The delivery is decoded in rabbitmq-c's buffer: no copy of the body, no strings nobody reads.
            switch try c.nextDelivery(timeout: timeout, lending: { (delivery) throws(AMQPError) in try handle(delivery, on: c) }) {
            case .delivery:
                break
            case .timeout:
                try flushAcks(on: c)  // the stream went quiet: acknowledge what is ready
            case let .cancelled(consumerTag):
                if let queue = consumers.removeValue(forKey: consumerTag) {
                    markMissing(queue, because: "the queue \(queue) was deleted or became unavailable")
                    nextProbe = monotonicSeconds() + configuration.missingQueueRecheck
                    updateState()
                }
            case let .channelClosed(channel, code, text):
                if channel != 2 { throw .channelClosed(channel: channel, code: code, text: text) }
            }
        }
    }

    /// Every quarter second: queues gone missing are tried again, and the statistics are published.
    private func housekeeping(now: Double, on c: AMQPConnection) throws(AMQPError) {
        if !missing.isEmpty, now >= nextProbe {
            nextProbe = now + configuration.missingQueueRecheck
            for queue in missing { try subscribe(queue, on: c) }
            updateState()
        }
        statistics.tick(now: now)
        publishStatus()
    }

    private func handle(_ delivery: AMQPBorrowedDelivery, on c: AMQPConnection) throws(AMQPError) {
        if delivery.redelivered { statistics.redelivered += 1 }
        if configuration.start != nil, let offset = delivery.headerTable.integer(named: "x-stream-offset"),
           offset < Int64.max, let queue = consumers[delivery.consumerTag] {
            resumeOffsets[queue] = max(resumeOffsets[queue] ?? 0, offset + 1)
            burstOffset = max(burstOffset ?? offset, offset)
            burstFirstOffset = min(burstFirstOffset ?? offset, offset)
        }
        let event: Event
        do {
            event = try decoder.decode(bytes: delivery.body, headers: delivery.headerTable, messageID: delivery.messageID)
        } catch {
            // Never requeue a body that cannot decode: it would loop forever. The queue's dead-letter exchange, if
            // any, keeps it. The nack goes out before any multi-ack that could cover its tag. The events before it
            // go to the subscribers first, so they see everything in delivery order.
            deliverBurst()
            try c.nack(delivery.deliveryTag, requeue: false)
            ledger.add(tag: delivery.deliveryTag, waitingFor: 0, nacked: true)
            statistics.rejected += 1
            let queue = consumers[delivery.consumerTag] ?? delivery.routingKey
            let id = delivery.messageID.map { " \($0)" } ?? ""
            statistics.lastError = SafeText.sanitize("rejected message\(id) from queue \(queue): \(error)")
            hub.broadcast(.rejected(Rejection(queue: queue, messageID: delivery.messageID, error: error)))
            return
        }
        if burstEvents.isEmpty { burstTargets = hub.current() }
        burstHashes.append(event.idHash)
        burstEvents.append(consume event)  // moved, not copied: a copy retains each of its strings
        burstTags.append(delivery.deliveryTag)
    }

    /// Drops the burst's duplicates, records every delivery in the ledger (in tag order), and hands the rest to
    /// every subscriber as one batch (the arrays are shared, not copied).
    private func deliverBurst() {
        guard !burstEvents.isEmpty else {
            if let offset = burstOffset {  // a rejected delivery, with nothing gathered before it
                statistics.streamOffset = max(statistics.streamOffset ?? offset, offset)
                burstOffset = nil
            }
            return
        }
        // The ids are checked here rather than one by one as they arrive: the table is megabytes, each check a
        // cache miss, and checks made together let those misses overlap.
        seen.warm(burstHashes)
        var waiting: UInt64 = 0
        for target in burstTargets { waiting |= target.bit }
        var fresh = 0
        for i in burstEvents.indices {
            guard seen.insert(burstHashes[i]) else {
                // Already delivered (a redelivery after a reconnect, or a publisher retry): acknowledge only.
                statistics.duplicates += 1
                ledger.add(tag: burstTags[i], waitingFor: 0)
                continue
            }
            ledger.add(tag: burstTags[i], waitingFor: waiting)
            if fresh != i {  // keeps the fresh ones in order at the front
                burstEvents.swapAt(fresh, i)
                burstTags.swapAt(fresh, i)
            }
            fresh += 1
        }
        statistics.received += fresh
        burstHashes.removeAll(keepingCapacity: true)
        if fresh > 0 {
            burstEvents.removeSubrange(fresh...)
            burstTags.removeSubrange(fresh...)
            handOver()
        } else {  // only duplicates (a redelivery after a reconnect): nothing handed over, the arrays stay ours
            burstEvents.removeAll(keepingCapacity: true)
            burstTags.removeAll(keepingCapacity: true)
        }
        burstTargets = []
        if let offset = burstOffset {
            statistics.streamOffset = max(statistics.streamOffset ?? offset, offset)
            burstOffset = nil
        }
    }

    /// Hands the burst's events to every target as one batch, then starts new arrays: the batches own these now.
    private func handOver() {
        let generation = self.generation
        let inbox = self.inbox
        let tags = burstTags
        var offsets: ClosedRange<Int64>?
        if let first = burstFirstOffset, let last = burstOffset, first <= last { offsets = first...last }
        burstFirstOffset = nil  // a burst of only duplicates keeps its range for the next batch to account for
        for target in burstTargets {
            let bit = target.bit
            let batch = EventBatch(burstEvents, streamOffsets: offsets) { count in
                inbox.post(.settle(generation: generation, tags: tags.prefix(count), subscriber: bit))
            }
            if !target.push(.events(batch)) {  // gone meanwhile: nothing to wait for
                for tag in tags { ledger.settle(tag: tag, subscriber: bit) }
            }
        }
        burstEvents = []
        burstEvents.reserveCapacity(Self.burstLimit)
        burstTags = []
        burstTags.reserveCapacity(Self.burstLimit)
    }

    /// Applies what subscribers posted; returns whether a stop was requested.
    @discardableResult
    private func applyCommands() -> Bool {
        let stop = inbox.drain(into: &commands)
        for command in commands {
            switch command {
            case let .settle(generation, tags, bit):
                guard generation == self.generation else { continue }
                for tag in tags { ledger.settle(tag: tag, subscriber: bit) }
            case let .unsubscribe(bit):
                ledger.forget(subscriber: bit)
                hub.release(bit)
            }
        }
        return stop
    }

    private func flushAcks(on c: AMQPConnection) throws(AMQPError) {
        if let last = ledger.takeAckPoint() { try c.ack(last, multiple: true) }
    }

    // MARK: Status

    private func publishStatus() {
        let status = statistics.status
        if status != hub.status { hub.broadcast(.status(status)) }
    }

    private func describe(_ error: AMQPError) -> String {
        switch error {
        case let .connectionClosed(320, text):
            SafeText.sanitize("the broker closed the connection (\(text)): an operator closed it or the broker is restarting")
        default:
            SafeText.sanitize(error.description)
        }
    }
}

func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\((seconds * 10).rounded() / 10) s"
}
