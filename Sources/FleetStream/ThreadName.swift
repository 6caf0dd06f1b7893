import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Names the calling thread as the system shows it (top, perf, a crash report), in at most 15 bytes.
///
/// Foundation's `Thread.current.name = …` from inside a new `Thread` does not always reach the system: about one
/// time in 25 (measured: 12 of 300 threads started from a task), the thread kept its creator's name
/// (`…root.default-qos`), as the handle Foundation names is set by the creator after the thread already runs.
/// Glibc's `pthread_setname_np` is what works, but Swift's Glibc module does not declare it (it wants
/// `_GNU_SOURCE`), so it is looked up by name; where it is missing, Foundation's setter is the fallback.
func nameCurrentThread(_ name: String) {
    #if canImport(Glibc)
    typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_setname_np") {
        _ = unsafeBitCast(symbol, to: SetName.self)(pthread_self(), name)
        return
    }
    #endif
    Thread.current.name = name
}
