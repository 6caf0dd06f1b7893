#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines for stdout, written at once (a pipe reader sees each event as it comes). When the reader has gone away
/// (`head`, a closed pipe) the command is done: it exits 0.
enum StandardOutput {
    static func writeLine(_ line: String) {
        if !writeAll(line + "\n", to: STDOUT_FILENO) { exit(0) }
    }
}

/// Lines for stderr: diagnostics never mix with the data a command prints on stdout.
enum StandardError {
    static func print(_ line: String) {
        _ = writeAll(line + "\n", to: STDERR_FILENO)
    }
}

/// Writes all of `text`, again after a short write or a signal; false when the descriptor takes no more.
private func writeAll(_ text: String, to descriptor: Int32) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let n = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n <= 0 {
                if n < 0, errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
