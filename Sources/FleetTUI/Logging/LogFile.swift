import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the log file cannot be used.
public struct LogFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// An append-only log file with a size bound: when the next line would take it past `maximumBytes`, the file
/// becomes `<path>.1` (replacing the older one) and a new file starts. So the logs never hold more than about twice
/// the bound, however long the dashboard runs. Shared by every handler of the process; any thread.
///
/// `standardError` is the same without a file or a bound: for the commands that do not own the terminal.
public final class LogFile: @unchecked Sendable {  // `descriptor` and `size` are only touched under `lock`
    public let path: String
    public let maximumBytes: Int
    private let lock = NSLock()
    private var descriptor: Int32
    private var size: Int
    private let rotates: Bool

    /// Opens (creating it and its directory, for the user only) the log file at `path`.
    public init(path: String, maximumBytes: Int = 1 << 20) throws(LogFileError) {
        self.path = path
        self.maximumBytes = max(1024, maximumBytes)
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw LogFileError(description: "cannot create the log directory \(directory): \(error.localizedDescription)")
        }
        descriptor = -1
        size = 0
        rotates = true
        guard openFile() else {
            throw LogFileError(description: "cannot open the log file \(path): \(String(cString: strerror(errno)))")
        }
    }

    private init(standardError: ()) {
        path = "/dev/stderr"
        maximumBytes = Int.max
        descriptor = STDERR_FILENO
        size = 0
        rotates = false
    }

    /// Lines on stderr, unbounded (the user's terminal or a file they chose).
    public static func standardError() -> LogFile { LogFile(standardError: ()) }

    deinit { if rotates, descriptor >= 0 { close(descriptor) } }

    /// The default place: `$XDG_STATE_HOME/fleetwatch/fleetwatch.log`, `$XDG_STATE_HOME` defaulting to
    /// `~/.local/state` (XDG Base Directory). Nil without a home directory.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {  // relative values are to be ignored
            return state + "/fleetwatch/fleetwatch.log"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/fleetwatch/fleetwatch.log"
    }

    /// Appends one line (a newline is added), rotating first if it would not fit. Errors are swallowed: logging
    /// never stops the dashboard.
    public func append(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        lock.withLock {
            if rotates, size > 0, size + bytes.count > maximumBytes { rotate() }
            guard descriptor >= 0 else { return }
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                written += n
            }
            size &+= written
        }
    }

    private func rotate() {
        close(descriptor)
        descriptor = -1
        _ = rename(path, path + ".1")
        _ = openFile()
    }

    private func openFile() -> Bool {
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        var info = stat()
        size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        return true
    }
}
