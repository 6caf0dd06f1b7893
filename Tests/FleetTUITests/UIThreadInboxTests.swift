import FleetCore
import Testing
@testable import FleetTUI

/// The UI thread's inbox stays bounded while nobody drains it (a stalled terminal): floods are coalesced.
@Suite struct UIThreadInboxTests {
    @Test func aFloodOfRejectionsStatusesAndSmokeIsCoalescedIntoAFewMessages() {
        let inbox = UIThreadInbox()
        for n in 1...100_000 {
            inbox.post(.rejected(Rejection(queue: "q", messageID: "m\(n)", error: .missingField("metadata.id")), count: 1))
            inbox.post(.stream(StreamStatus(state: .connected, endpoint: "e\(n)")))
            inbox.post(.smokeDetected(vehicleID: "V\(n)", at: nil))
            inbox.eventsApplied(n)
        }
        #expect(inbox.held <= UIThreadInbox.smokeCapacity + 2)
        let messages = inbox.drain()
        #expect(messages.count <= UIThreadInbox.smokeCapacity + 4)
        let rejections = messages.compactMap { if case let .rejected(r, count) = $0 { (r, count) } else { nil } }
        #expect(rejections.count == 1)
        #expect(rejections.first?.1 == 100_000)
        #expect(rejections.first?.0.messageID == "m100000")
        let statuses = messages.compactMap { if case let .stream(s) = $0 { s.endpoint } else { nil } }
        #expect(statuses == ["e100000"])
        let smoke = messages.compactMap { if case let .smokeDetected(id, _) = $0 { id } else { nil } }
        #expect(smoke.count == UIThreadInbox.smokeCapacity)
        #expect(smoke.last == "V100000")
        #expect(messages.contains { if case .notice(.warn, let text) = $0 { text.contains("smoke") } else { false } })
        if case let .eventsApplied(total)? = messages.last { #expect(total == 100_000) } else { Issue.record("no total") }
        #expect(inbox.drain().isEmpty)
    }

    @Test func otherMessagesQueueUpToTheCapacityAndAQuitIsNeverDropped() {
        let inbox = UIThreadInbox()
        for n in 0..<(UIThreadInbox.capacity * 10) { inbox.post(.notice(.info, "n\(n)")) }
        inbox.requestQuit()
        #expect(inbox.held == UIThreadInbox.capacity)
        let messages = inbox.drain()
        if case .quitRequested? = messages.first {} else { Issue.record("quit not first: \(messages.prefix(2))") }
        let notices = messages.compactMap { if case let .notice(_, text) = $0 { text } else { nil } }
        #expect(notices.count == UIThreadInbox.capacity + 1)
        #expect(notices.first == "n0")
        #expect(notices.last == "\(UIThreadInbox.capacity * 9) status messages dropped while the screen was stalled")
    }
}
