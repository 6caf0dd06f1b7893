import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal in memory for tests and benchmarks: input is fed through a pipe (so `poll` wakes as it would on
/// a TTY), frames are kept for inspection.
public final class MemoryTerminal: Terminal, @unchecked Sendable {  // `queued` is guarded by `lock`
    private var currentSize: ScreenSize
    public var size: ScreenSize { lock.withLock { currentSize } }
    public let colorDepth: ColorDepth
    private var frameCount = 0
    private var bellCount = 0
    private var discardCount = 0
    private var latest: CellGrid?
    public private(set) var restored = false

    /// Frames presented so far; any thread.
    public var frames: Int { lock.withLock { frameCount } }
    /// Bells rung so far; any thread.
    package var bells: Int { lock.withLock { bellCount } }
    /// The last frame presented; any thread.
    public var lastFrame: CellGrid? { lock.withLock { latest } }
    private var queued: [TerminalInput] = []
    private let lock = NSLock()
    private let pipeDescriptors: [Int32]
    private let onPresent: (@Sendable (CellGrid) -> Void)?

    /// - Parameter onPresent: called with each frame as it is presented, on the UI thread, after it is kept: lets a
    ///   benchmark time when a key press first shows on screen without polling `lastFrame`. Keep it quick: the UI
    ///   loop waits for it.
    public init(size: ScreenSize, colorDepth: ColorDepth = .xterm256,
                onPresent: (@Sendable (CellGrid) -> Void)? = nil) {
        currentSize = size
        self.colorDepth = colorDepth
        self.onPresent = onPresent
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
        lock.withLock {
            frameCount += 1
            latest = grid
        }
        onPresent?(grid)
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
        for case let .resized(size) in inputs { lock.withLock { currentSize = size } }
        return inputs
    }

    /// Drops the keys typed but not read yet (resizes stay).
    public func discardTypeahead() {
        lock.withLock {
            queued.removeAll { if case .key = $0 { true } else { false } }
            discardCount += 1
        }
    }

    /// How many times typeahead was discarded; any thread.
    package var typeaheadDiscards: Int { lock.withLock { discardCount } }

    public func bell() { lock.withLock { bellCount += 1 } }

    /// Notifications sent, in order.
    public private(set) var notifications: [String] = []

    public func notify(_ text: String) { lock.withLock { notifications.append(text) } }
    public func restore() { restored = true }
}
