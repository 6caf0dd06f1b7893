import Foundation

/// A value guarded by a lock, for state that threads and tasks share (the running simulation, subscribers).
///
/// `NSLock` rather than `Synchronization.Mutex`: the package still supports macOS 14, and on Linux `Mutex` is a bare
/// futex that ThreadSanitizer cannot see, so `scripts/sanitize thread` reported races on state it guards.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    package func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
