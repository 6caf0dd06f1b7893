import Foundation

/// The process's peak resident set so far (`VmHWM` in /proc/self/status), in bytes; nil where there is no /proc.
/// The kernel keeps the high-water mark itself, so no sampling can miss a short peak.
func peakResidentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
    return kilobytes * 1024
}
