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
    /// The content of a file that only its owner, the current user, can read (a secret), checked and read
    /// through one descriptor.
    public var readPrivate: @Sendable (String) throws(PrivateFileError) -> String

    /// - Parameter readPrivate: nil builds it from the other three (for fakes: no symlinks, one owner).
    public init(exists: @escaping @Sendable (String) -> Bool,
                read: @escaping @Sendable (String) throws(FileAccessError) -> String,
                isReadableByOthers: @escaping @Sendable (String) -> Bool,
                readPrivate: (@Sendable (String) throws(PrivateFileError) -> String)? = nil) {
        self.exists = exists
        self.read = read
        self.isReadableByOthers = isReadableByOthers
        self.readPrivate = readPrivate ?? Self.checkedRead(exists: exists, read: read,
                                                           isReadableByOthers: isReadableByOthers)
    }

    /// `readPrivate` from the other three operations: exists, then not readable by others, then read.
    private static func checkedRead(exists: @escaping @Sendable (String) -> Bool,
                                    read: @escaping @Sendable (String) throws(FileAccessError) -> String,
                                    isReadableByOthers: @escaping @Sendable (String) -> Bool)
        -> @Sendable (String) throws(PrivateFileError) -> String {
        { (path) throws(PrivateFileError) -> String in
            guard exists(path) else { throw .missing }
            if isReadableByOthers(path) { throw .readableByOthers }
            switch Result(catching: { () throws(FileAccessError) -> String in try read(path) }) {
            case .success(let text): return text
            case .failure(let error): throw .unreadable(reason: error.reason)
            }
        }
    }

    /// The real file system.
    public static let system = FileAccess(
        exists: { path in access(path, F_OK) == 0 },
        read: { (path) throws(FileAccessError) -> String in try readWholeFile(path) },
        isReadableByOthers: { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return false }
            return info.st_mode & 0o044 != 0
        },
        readPrivate: { (path) throws(PrivateFileError) -> String in try readPrivateFile(path) })
}

/// Why a private file (the client secret) was refused or could not be read.
public enum PrivateFileError: Error, Sendable, Hashable {
    case missing
    /// The path names a symbolic link, which is not followed: whoever controls the link chooses the file.
    case symbolicLink
    /// A directory, a FIFO, a device: not a file holding a secret.
    case notARegularFile
    /// The file belongs to another user, who could change or read it.
    case ownedByAnotherUser
    /// The group or others may read the file.
    case readableByOthers
    /// The system's reason, e.g. "Permission denied".
    case unreadable(reason: String)
}

/// Why a file could not be read: the system's reason, e.g. "Permission denied".
public struct FileAccessError: Error, Sendable, Hashable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

/// Opens `path` without following a final symbolic link, then checks the open descriptor (a regular file, owned
/// by the effective user, no read permission for group or others) and reads from that same descriptor, so the
/// file checked is the file read (no race between a check and an open). O_NONBLOCK keeps a FIFO from blocking
/// the open; it is refused by the type check right after.
private func readPrivateFile(_ path: String) throws(PrivateFileError) -> String {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else {
        let code = errno
        switch code {
        case ENOENT: throw .missing
        case ELOOP: throw .symbolicLink
        default: throw .unreadable(reason: String(cString: strerror(code)))
        }
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile }
    guard info.st_uid == geteuid() else { throw .ownedByAnotherUser }
    guard info.st_mode & 0o044 == 0 else { throw .readableByOthers }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            throw .unreadable(reason: String(cString: strerror(errno)))
        }
        if n == 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
        if bytes.count > 65_536 { throw .unreadable(reason: "larger than 64 KiB: not a client secret") }
    }
    return String(decoding: bytes, as: UTF8.self)
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
