import FleetCore
import Foundation

/// Writes an exported Vehicles table to a new file, named by the time, in the current directory.
enum VehicleExport {
    /// Writes `csv` to `fleetwatch-vehicles-YYYYMMDD-HHMMSS.csv` in `directory` (never over an existing file: a
    /// second export in the same second gets `-2`, `-3`, …), and says where, or why not, as a status message.
    static func write(_ csv: String, rows: Int, directory: String, now: Timestamp) -> DashboardMessage {
        let stamp = now.iso8601.prefix(19).filter { $0.isNumber || $0 == "T" }.replacingOccurrences(of: "T", with: "-")
        for attempt in 1...100 {
            let suffix = attempt == 1 ? "" : "-\(attempt)"
            let path = "\(directory)/fleetwatch-vehicles-\(stamp)\(suffix).csv"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                return .notice(.error, "export failed: cannot create \(SafeText.sanitize(path)): \(String(cString: strerror(errno)))")
            }
            let bytes = Array(csv.utf8)
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                written += n
            }
            close(fd)
            guard written == bytes.count else {
                return .notice(.error, "export failed: could not write all of \(SafeText.sanitize(path))")
            }
            return .notice(.info, "exported \(rows) vehicle\(rows == 1 ? "" : "s") to \(SafeText.sanitize(path))")
        }
        return .notice(.error, "export failed: 100 files of this second exist already in \(SafeText.sanitize(directory))")
    }
}
