import Foundation

/// A value guarded by a lock, for state that threads and tasks share (the running simulation, subscribers).
///
/// `NSLock` rather than `Synchronization.Mutex` because the package still supports macOS 14.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
