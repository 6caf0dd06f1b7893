@testable import FleetStream
import Testing

@Suite struct AckLedgerTests {
    @Test func acknowledgesOnlyTheSettledPrefix() {
        var ledger = AckLedger()
        for tag in 1...5 as ClosedRange<UInt64> { ledger.add(tag: tag, waitingFor: 0b1) }
        ledger.settle(tag: 1, subscriber: 0b1)
        ledger.settle(tag: 2, subscriber: 0b1)
        ledger.settle(tag: 4, subscriber: 0b1)
        #expect(ledger.readyPrefix() == 2)
        #expect(ledger.takeAckPoint() == 2)
        #expect(ledger.takeAckPoint() == nil)
        ledger.settle(tag: 3, subscriber: 0b1)
        #expect(ledger.takeAckPoint() == 4)
        #expect(ledger.count == 1)
        #expect(ledger.unsettled == 1)
    }

    @Test func waitsForEverySubscriberAndSettlingTwiceIsHarmless() {
        var ledger = AckLedger()
        ledger.add(tag: 7, waitingFor: 0b11)
        ledger.settle(tag: 7, subscriber: 0b01)
        ledger.settle(tag: 7, subscriber: 0b01)
        #expect(ledger.takeAckPoint() == nil)
        ledger.settle(tag: 7, subscriber: 0b10)
        #expect(ledger.takeAckPoint() == 7)
        ledger.settle(tag: 7, subscriber: 0b10)  // after the ack: ignored
        #expect(ledger.isEmpty)
    }

    @Test func aSubscriberThatLeavesNoLongerHoldsAcksBack() {
        var ledger = AckLedger()
        ledger.add(tag: 1, waitingFor: 0b11)
        ledger.add(tag: 2, waitingFor: 0b10)
        ledger.settle(tag: 1, subscriber: 0b01)
        ledger.forget(subscriber: 0b10)
        #expect(ledger.takeAckPoint() == 2)
    }

    @Test func duplicateDeliveriesAreReadyAtOnce() {
        var ledger = AckLedger()
        ledger.add(tag: 1, waitingFor: 0)
        ledger.add(tag: 2, waitingFor: 0b1)
        ledger.add(tag: 3, waitingFor: 0)
        #expect(ledger.takeAckPoint() == 1)
        ledger.settle(tag: 2, subscriber: 0b1)
        #expect(ledger.takeAckPoint() == 3)
    }

    /// RabbitMQ closes the channel (406 unknown delivery tag) when a multi-ack names a tag it no longer holds.
    @Test func aMultiAckNeverNamesANackedTag() {
        var ledger = AckLedger()
        ledger.add(tag: 1, waitingFor: 0b1)
        ledger.add(tag: 2, waitingFor: 0b1, nacked: true)
        ledger.settle(tag: 1, subscriber: 0b1)
        #expect(ledger.takeAckPoint() == 1)
        ledger.add(tag: 3, waitingFor: 0, nacked: true)
        #expect(ledger.takeAckPoint() == nil)
        #expect(ledger.isEmpty)
    }

    @Test func compactsWithoutLosingOrder() {
        var ledger = AckLedger()
        for tag in 1...20_000 as ClosedRange<UInt64> {
            ledger.add(tag: tag, waitingFor: 1)
            ledger.settle(tag: tag, subscriber: 1)
            if tag % 100 == 0 { #expect(ledger.takeAckPoint() == tag) }
        }
        #expect(ledger.isEmpty)
    }
}

@Suite struct ReconnectPolicyTests {
    let policy = ReconnectPolicy(initialDelay: 0.1, maximumDelay: 5, multiplier: 2, accessRefusedDelay: 30)

    @Test func growsExponentiallyToTheCapWithJitterBelowTheBase() {
        #expect(policy.delay(afterFailures: 1, accessRefused: false, random: 0.999) <= 0.1)
        #expect(policy.delay(afterFailures: 1, accessRefused: false, random: 0) == 0.05)
        #expect(policy.delay(afterFailures: 4, accessRefused: false, random: 0.999) > 0.79)
        #expect(policy.delay(afterFailures: 4, accessRefused: false, random: 0.999) <= 0.8)
        #expect(policy.delay(afterFailures: 50, accessRefused: false, random: 0.999) <= 5)
        #expect(policy.delay(afterFailures: 50, accessRefused: false, random: 0) == 2.5)
    }

    @Test func accessRefusedIsRetriedSlowly() {
        #expect(policy.delay(afterFailures: 1, accessRefused: true, random: 0) == 30)
        #expect(policy.delay(afterFailures: 1, accessRefused: true, random: 0.999) < 36)
    }
}
