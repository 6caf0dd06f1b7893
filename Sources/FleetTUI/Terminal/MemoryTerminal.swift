import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal in memory for tests and benchmarks: input is fed through a pipe (so `poll` wakes as it would on
/// a TTY), frames are kept for inspection.
public final class MemoryTerminal: Terminal, @unchecked Sendable {  // `queued` is guarded by `lock`
    public var size: ScreenSize
    public let colorDepth: ColorDepth
    public private(set) var frames = 0
    public private(set) var bells = 0
    public private(set) var restored = false
    public private(set) var lastFrame: CellGrid?
    private var queued: [TerminalInput] = []
    private let lock = NSLock()
    private let pipeDescriptors: [Int32]

    public init(size: ScreenSize, colorDepth: ColorDepth = .xterm256) {
        self.size = size
        self.colorDepth = colorDepth
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        pipeDescriptors = fds
    }

    deinit {
        close(pipeDescriptors[0])
        close(pipeDescriptors[1])
    }

    public var inputDescriptor: Int32 { pipeDescriptors[0] }

    /// Queues input as if typed; any thread.
    public func type(_ inputs: [TerminalInput]) {
        lock.withLock { queued += inputs }
        var byte: UInt8 = 1
        _ = write(pipeDescriptors[1], &byte, 1)
    }

    public func present(_ grid: CellGrid, palette: Palette) {
        frames += 1
        lastFrame = grid
    }

    public func readInput() -> [TerminalInput] {
        var buffer = [UInt8](repeating: 0, count: 64)
        let flags = fcntl(pipeDescriptors[0], F_GETFL)
        _ = fcntl(pipeDescriptors[0], F_SETFL, flags | O_NONBLOCK)
        while read(pipeDescriptors[0], &buffer, buffer.count) > 0 {}
        let inputs = lock.withLock {
            defer { queued = [] }
            return queued
        }
        for case let .resized(size) in inputs { self.size = size }
        return inputs
    }

    public func bell() { bells += 1 }
    public func restore() { restored = true }
}
