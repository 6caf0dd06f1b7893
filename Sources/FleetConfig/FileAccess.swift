#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations settings need, behind a value so tests can supply files without touching the disk.
public struct FileAccess: Sendable {
    public var exists: @Sendable (String) -> Bool
    public var read: @Sendable (String) throws(FileAccessError) -> String
    /// True when the group or others may read the file (its mode has any of 0o044).
    public var isReadableByOthers: @Sendable (String) -> Bool

    public init(exists: @escaping @Sendable (String) -> Bool,
                read: @escaping @Sendable (String) throws(FileAccessError) -> String,
                isReadableByOthers: @escaping @Sendable (String) -> Bool) {
        self.exists = exists
        self.read = read
        self.isReadableByOthers = isReadableByOthers
    }

    /// The real file system.
    public static let system = FileAccess(
        exists: { path in access(path, F_OK) == 0 },
        read: { (path) throws(FileAccessError) -> String in try readWholeFile(path) },
        isReadableByOthers: { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return false }
            return info.st_mode & 0o044 != 0
        })
}

/// Why a file could not be read: the system's reason, e.g. "Permission denied".
public struct FileAccessError: Error, Sendable, Hashable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

private func readWholeFile(_ path: String) throws(FileAccessError) -> String {
    guard let handle = fopen(path, "rb") else { throw FileAccessError(reason: String(cString: strerror(errno))) }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = fread(&buffer, 1, buffer.count, handle)
        if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
        if n < buffer.count {
            if ferror(handle) != 0 { throw FileAccessError(reason: String(cString: strerror(errno))) }
            break
        }
        if bytes.count > 1 << 20 { throw FileAccessError(reason: "larger than 1 MiB") }
    }
    return String(decoding: bytes, as: UTF8.self)
}
