import FleetCore
import Foundation

/// Events received so far, and when the first and the target-th arrived.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let target: Int
    private var received = 0
    private var first = 0.0
    private var last = 0.0
    private var gaveUp = false

    init(target: Int) { self.target = target }

    /// Counts `n` more; true exactly once, when the target is reached.
    func add(_ n: Int) -> Bool {
        lock.withLock {
            if received == 0 { first = monotonicSeconds() }
            let before = received
            received += n
            guard before < target, received >= target else { return false }
            last = monotonicSeconds()
            return true
        }
    }

    var result: (received: Int, first: Double, last: Double) { lock.withLock { (received, first, last) } }

    /// The target has been reached, or the wait for it given up.
    var isDone: Bool { lock.withLock { received >= target || gaveUp } }

    /// Ends the wait without the target (`isDone` is true from now on).
    func giveUp() { lock.withLock { gaveUp = true } }
}
